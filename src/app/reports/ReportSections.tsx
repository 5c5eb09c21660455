// The body of the quarterly report: grades and RAG distributions, RAG changes, late write-ups,
// overdue actions, action closure and themes. Every chart has its numbers in a table beside it.
import type { QuarterlyReport } from '../../shared/reports/quarterly-report';
import { formatDate } from '../components/format';
import { BarChart, type Bar } from './BarChart';

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
        head={['Provider', 'Date', 'Change', 'Reason']}
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
        head={['Record', 'Subject', 'Date', 'Due', 'Received']}
        rows={report.lateWriteUps.map((r) => [
          KIND_NAMES[r.kind],
          r.subject,
          formatDate(r.date),
          formatDate(r.dueDate),
          formatDate(r.receivedOn),
        ])}
      />
      <Table
        caption="Actions overdue at the end of the quarter"
        empty="No action was overdue at the end of the quarter."
        head={['Action', 'Owner', 'Significance', 'Due']}
        rows={report.overdueActions.map((a) => [a.title, a.owner, cap(a.significance), formatDate(a.dueDate)])}
      />

      <h2>Significant actions closed within 3 months</h2>
      <p>
        Seed 004 §9: significant follow-up actions are closed within 3 months.{' '}
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
      <div class="table-wrap">
        <table class="table">
          <caption class="table-caption">Exceptions by heading</caption>
          <thead>
            <tr>
              <th scope="col">Heading</th>
              <th scope="col" class="numeric">
                Areas below standard
              </th>
              <th scope="col" class="numeric">
                Actions raised
              </th>
              <th scope="col" class="numeric">
                Intelligence
              </th>
            </tr>
          </thead>
          <tbody>
            {report.themes.map((t) => (
              <tr key={t.heading}>
                <th scope="row">{t.label}</th>
                <td class="numeric">{t.belowStandard}</td>
                <td class="numeric">{t.actions}</td>
                <td class="numeric">{t.intelligence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BarChart
        title="Areas rated below standard, by heading"
        bars={report.themes.map((t) => ({ label: t.label, value: t.belowStandard, tone: 'blue' }))}
      />
      <p class="hint">
        Intelligence counts complaints, safeguarding referrals, incidents, fire inspections needing action and feedback
        raising a concern. Nothing the app records is filed under innovation and development yet; insurance counts
        actions raised on the insurance check.
      </p>
    </>
  );
}

function Table(props: { caption: string; empty: string; head: string[]; rows: string[][] }) {
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="table-caption">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
