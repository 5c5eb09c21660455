// The quarterly QA report for a chosen quarter (issue 6, seed 003 §19): activity against expected,
// grades and RAG ratings, RAG changes, late write-ups, overdue actions, significant actions closed
// within 3 months, and themes under the exception headings. Figures come from the server, which
// computes them with the shared pure function; charts always sit beside their numbers. Prints to
// a clean PDF from the browser and downloads as CSV.
import './reports.css';
import { useEffect, useState } from 'preact/hooks';
import type { QuarterlyReport } from '../../shared/reports/quarterly-report';
import {
  parseQuarterKey,
  previousQuarter,
  quarterKey,
  quarterLabel,
  quarterOf,
  quartersEndingWith,
} from '../../shared/reports/quarters';
import { BackLink, Page } from '../components/Page';
import { formatDate } from '../components/format';
import { Select, useField } from '../components/fields';
import { Table } from '../components/Table';
import { getJson } from '../office/api';
import { QuarterlyReport as QuarterlyReportSchema } from '../../shared/reports/report-schemas';
import { navigate } from '../lib/router';
import { BarChart } from './BarChart';
import { ReportSections } from './ReportSections';
import { calendarDay } from '../../shared/calendar';

export const QUARTERLY_REPORT_PATH = '/office/reports/quarterly';

export function QuarterlyReportPage(props: { quarterKey: string | null }) {
  const last = previousQuarter(quarterOf(calendarDay(new Date())));
  const chosen = (props.quarterKey && parseQuarterKey(props.quarterKey)) || last;
  const key = quarterKey(chosen);
  const picked = useField('quarter', key);
  const [report, setReport] = useState<QuarterlyReport | null>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    let live = true;
    setReport(null);
    setFailure('');
    void getJson(`/api/reports/quarterly?quarter=${key}`, QuarterlyReportSchema, 'The report could not be loaded').then(
      (r) => {
        if (!live) return;
        if (r.ok) setReport(r.value);
        else setFailure(r.message);
      },
    );
    return () => void (live = false);
  }, [key]);

  const options = quartersEndingWith(quarterOf(calendarDay(new Date())), 8)
    .reverse()
    .map((q) => ({ value: quarterKey(q), label: quarterLabel(q) }));
  return (
    <>
      <BackLink href="/office">Office</BackLink>
      <Page title="Quarterly QA report" caption={quarterLabel(chosen)}>
        <form
          class="filters no-print"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`${QUARTERLY_REPORT_PATH}?quarter=${picked.value}`);
          }}
        >
          <Select {...picked} label="Quarter" placeholder="Choose a quarter" options={options} />
          <div class="form-group">
            <button type="submit" class="button secondary">
              Show report
            </button>
          </div>
        </form>
        {props.quarterKey !== null && parseQuarterKey(props.quarterKey) === null && (
          <p role="status">That quarter was not recognised, so the last complete quarter is shown.</p>
        )}
        {failure && <p role="alert">{failure}</p>}
        {!report && !failure && <p>Loading…</p>}
        {report && (
          <>
            <div class="report-actions no-print">
              <button type="button" class="button" onClick={() => window.print()}>
                Print or save as PDF
              </button>
              <a class="button secondary" href={`/api/reports/quarterly.csv?quarter=${report.quarter.key}`} download>
                Download as CSV
              </a>
            </div>
            <p>
              {formatDate(report.quarter.start)} to {formatDate(report.quarter.end)}. Figures as recorded on{' '}
              {formatDate(report.today)}; actions still within their 3 months are not counted as closed or overdue yet.
            </p>
            <Summary report={report} />
            <ReportSections report={report} />
          </>
        )}
      </Page>
    </>
  );
}

function Summary({ report }: { report: QuarterlyReport }) {
  const percent = report.closure.percent;
  return (
    <>
      <h2>Activity against expected</h2>
      <Table
        caption="Activity against expected"
        columns={['Activity', { heading: 'Done', numeric: true }, { heading: 'Expected', numeric: true }]}
        rows={report.activity.map((a) => ({ key: a.kind, cells: [a.label, a.done, a.expected] }))}
      />
      <BarChart
        title="Activity done, as a percentage of expected"
        suffix="%"
        max={100}
        valueHeading="Done (%)"
        bars={report.activity.map((a) => ({
          label: a.label,
          value: a.expected === 0 ? 0 : Math.round((100 * a.done) / a.expected),
          tone: a.done >= a.expected ? 'green' : 'amber',
        }))}
      />
      <p>
        {report.visitsDue.due} providers were due a monitoring visit by the end of the quarter;{' '}
        {report.visitsDue.visited} of them were visited.
      </p>
      {report.visitsDue.notVisited.length > 0 && (
        <Table
          caption="Providers due a visit and not visited"
          columns={['Provider', 'Visit due']}
          rows={report.visitsDue.notVisited.map((p) => ({ key: p.providerId, cells: [p.name, formatDate(p.dueDate)] }))}
        />
      )}
      <p data-testid="desk-reviews">
        {report.deskReviews.due} preventative services (monitoring levels 1-2) were due their annual desk review by the
        end of the quarter; {report.deskReviews.done} of them had it.
      </p>
      {report.deskReviews.notDone.length > 0 && (
        <Table
          caption="Providers due a desk review and not reviewed"
          columns={['Provider', 'Desk review due']}
          rows={report.deskReviews.notDone.map((p) => ({
            key: p.providerId,
            cells: [p.name, formatDate(p.dueDate)],
          }))}
        />
      )}
      <ul class="figures" aria-label="Key figures">
        <li>
          <span class="figure">{report.activity.reduce((n, a) => n + a.done, 0)}</span> records in the quarter
        </li>
        <li>
          <span class="figure">{report.lateWriteUps.length}</span> written up late
        </li>
        <li>
          <span class="figure">
            {report.auditFeedback.onTime} of {report.auditFeedback.audits}
          </span>{' '}
          audits fed back within 48 hours
        </li>
        <li>
          <span class="figure">{report.overdueActions.length}</span> actions overdue at quarter end
        </li>
        <li>
          <span class="figure">{percent === null ? 'None due' : `${percent}%`}</span> significant actions closed within
          3 months
        </li>
      </ul>
    </>
  );
}
