// The quarterly report's escalations (seed 004 §22): every provider in escalation at some time in
// the quarter, what triggered it, the exception heading it is counted under (seed 002 §8), when
// it opened, the steps taken in the quarter and whether it was still open at the quarter's end.
import type { QuarterlyReport } from '../../shared/reports/quarterly-report';
import { formatDate } from '../components/format';
import { Table } from '../components/Table';

export function EscalationReport({ report }: { report: QuarterlyReport }) {
  return (
    <>
      <h2>Escalations</h2>
      <Table
        caption="Providers in escalation in the quarter"
        empty="No provider was in escalation in the quarter."
        columns={[
          'Provider',
          'Trigger',
          'Exception heading',
          'Opened',
          { heading: 'Steps in the quarter', numeric: true },
          'At the quarter end',
        ]}
        rows={report.escalations.map((e) => ({
          key: e.id,
          cells: [
            e.providerName,
            e.triggerLabel,
            e.headingLabel,
            formatDate(e.openedOn),
            e.stepsInQuarter,
            e.closedOn === null ? 'Open' : `Closed ${formatDate(e.closedOn)}`,
          ],
        }))}
      />
      <p class="hint">
        Escalations are counted under the heading of what triggered them: a significant incident or a safeguarding
        concern under safeguarding including health and safety; a failed CQC inspection, a monitoring visit result or
        other intelligence under quality, compliments and complaints.
      </p>
    </>
  );
}
