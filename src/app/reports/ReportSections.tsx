// The body of the quarterly report: grades and RAG distributions, RAG changes, late write-ups,
// overdue actions, action closure and themes. Every chart has its numbers in a table beside it.
import type { QuarterlyReport } from '../../shared/reports/quarterly-report';
import { formatDate } from '../components/format';
import { Table } from '../components/Table';
import { BarChart, type Bar } from './BarChart';
import { EscalationReport } from './EscalationReport';

const TONE: Record<string, Bar['tone']> = {
  green: 'green',
  outstanding: 'green',
  good: 'green',
  amber: 'amber',
  'requires-improvement': 'amber',
  red: 'red',
  inadequate: 'red',
};

const KIND_NAMES = { visit: 'Visit', observation: 'Observation', audit: 'Case file audit' } as const;

export function ReportSections({ report }: { report: QuarterlyReport }) {
  const c = report.closure;
  return (
    <>
      <h2>Grades and ratings</h2>
      {report.grades.map((g) =>
        g.total === 0 ? (
          <p key={g.kind}>{g.label}: none in this quarter.</p>
        ) : (
          <BarChart
            key={g.kind}
            title={`${g.label}: overall judgements`}
            bars={g.counts.map((x) => ({ label: x.label, value: x.count, tone: TONE[x.key] ?? 'blue' }))}
          />
        ),
      )}

      <h2>Provider RAG ratings</h2>
      <BarChart
        title={`Providers by RAG rating on ${formatDate(report.quarter.end)}`}
        bars={report.ragAtEnd.map((x) => ({ label: x.label, value: x.count, tone: TONE[x.key] ?? 'blue' }))}
      />
      <Table
        caption="RAG changes in the quarter"
        empty="No provider's RAG rating changed in the quarter."
        columns={['Provider', 'Date', 'Change', 'Reason']}
        rows={report.ragChanges.map((r) => [
          r.providerName,
          formatDate(r.on),
          `${r.from ? `${cap(r.from)} to ` : ''}${cap(r.to)}`,
          r.reason,
        ])}
      />

      <h2>Deadlines</h2>
      <Table
        caption="Observations and audits written up late"
        empty="Every observation and audit was written up on time."
        columns={['Record', 'Subject', 'Date', 'Due', 'Finished', 'Received']}
        rows={report.lateWriteUps.map((r) => [
          KIND_NAMES[r.kind],
          r.subject,
          formatDate(r.date),
          formatDate(r.dueDate),
          formatDate(r.writtenUpOn),
          formatDate(r.receivedOn),
        ])}
      />
      <p data-testid="audit-feedback">
        Audit feedback to the worker and their manager within 48 hours: {report.auditFeedback.onTime} of{' '}
        {report.auditFeedback.audits} audits
        {report.auditFeedback.pending > 0 ? ` (${report.auditFeedback.pending} not yet due)` : ''}.
      </p>
      <Table
        caption="Audits whose feedback was late or not recorded"
        empty="Every audit due feedback had it within 48 hours."
        columns={['Case', 'Audit date', 'Due', 'Sent']}
        rows={report.auditFeedback.missed.map((a) => [
          a.subject,
          formatDate(a.date),
          formatDate(a.dueDate),
          a.sentOn ? formatDate(a.sentOn) : 'Not recorded',
        ])}
      />
      <Table
        caption="Actions overdue at the end of the quarter"
        empty="No action was overdue at the end of the quarter."
        columns={['Action', 'Owner', 'Significance', 'Due']}
        rows={report.overdueActions.map((a) => [a.title, a.owner, cap(a.significance), formatDate(a.dueDate)])}
      />

      <h2>Significant actions closed within 3 months</h2>
      <p>
        Significant follow-up actions are to be closed within 3 months.{' '}
        {c.percent === null
          ? 'None of this quarter\u2019s significant actions has reached its 3 months yet.'
          : `${c.percent}% of this quarter\u2019s significant actions were closed within 3 months.`}
      </p>
      <BarChart
        title="Significant actions raised in the quarter, by outcome"
        bars={[
          { label: 'Closed within 3 months', value: c.closedInTime, tone: 'green' },
          { label: 'Closed after 3 months', value: c.closedLate, tone: 'amber' },
          { label: 'Open after 3 months', value: c.openOverdue, tone: 'red' },
          { label: 'Still within 3 months', value: c.pending, tone: 'grey' },
        ]}
      />

      <h2>Themes by exception heading</h2>
      <Table
        caption="Exceptions by heading"
        columns={[
          'Heading',
          { heading: 'Areas below standard', numeric: true },
          { heading: 'Areas at the minimum standard (Amber)', numeric: true },
          { heading: 'Actions raised', numeric: true },
          { heading: 'Intelligence', numeric: true },
          { heading: 'Escalations opened', numeric: true },
        ]}
        rows={report.themes.map((t) => ({
          key: t.heading,
          cells: [t.label, t.belowStandard, t.atMinimum, t.actions, t.intelligence, t.escalations],
        }))}
      />
      <BarChart
        title="Areas rated below standard, by heading"
        bars={report.themes.map((t) => ({ label: t.label, value: t.belowStandard, tone: 'blue' }))}
      />
      <p class="hint">
        Intelligence counts complaints, safeguarding referrals, incidents, fire inspections needing action and feedback
        raising a concern. Nothing the app records is filed under innovation and development yet; insurance counts
        actions raised on the insurance check.
      </p>
      <EscalationReport report={report} />
    </>
  );
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
