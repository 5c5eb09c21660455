// The actions tracker (issue 6): every open action across providers and practitioners that this
// person may see, overdue first, each with a way to move it on (evidence needed to close it); and
// seed 004 §9's measure, the share of significant actions closed within 3 months, per quarter.
import '../reports/reports.css';
import { useEffect, useState } from 'preact/hooks';
import type { ActionStatus, VisitAction } from '../../shared/briefings/register';
import { closureFigures } from '../../shared/actions/action-closure';
import { quarterKey, quarterLabel, quarterOf, quartersEndingWith } from '../../shared/reports/quarters';
import { BackLink, Page } from '../components/Page';
import { dueText, formatShortDate } from '../components/format';
import { loadActions, loadProviders } from '../office/api';
import { Select, useField } from '../components/fields';
import { Table } from '../components/Table';
import { BarChart } from '../reports/BarChart';
import { ActionUpdateForm } from './ActionUpdateForm';
import { recordReportPath } from '../reports/RecordReportPage';
import { calendarDay } from '../../shared/calendar';

export const ACTIONS_PATH = '/office/actions';

const STATUS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  verified: 'Verified',
};
const CLOSURE_COLUMNS = [
  'Raised',
  'Closed in time',
  'Closed late',
  'Open after 3 months',
  'Still within 3 months',
  'Closed in time (%)',
];
const SHOW = [
  { value: 'overdue', label: 'Overdue only' },
  { value: 'significant', label: 'Significant only' },
];

export function ActionsTrackerPage() {
  const [actions, setActions] = useState<VisitAction[] | null>(null);
  const [providers, setProviders] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState('');
  const show = useField('show', '');
  useEffect(() => {
    void loadProviders().then((r) => r.ok && setProviders(new Map(r.value.map((p) => [p.id, p.name]))));
    void loadActions().then((r) => (r.ok ? setActions(r.value) : setFailure(r.message)));
  }, []);

  const today = calendarDay(new Date());
  const open = (actions ?? [])
    .filter((a) => a.status === 'open' || a.status === 'in-progress')
    .filter((a) =>
      show.value === 'overdue'
        ? a.dueDate < today
        : show.value === 'significant'
          ? a.significance === 'significant'
          : true,
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  const overdue = (actions ?? []).filter(
    (a) => (a.status === 'open' || a.status === 'in-progress') && a.dueDate < today,
  ).length;
  const quarters = quartersEndingWith(quarterOf(today), 4);
  const closure = quarters.map((q) => ({ q, figures: closureFigures(actions ?? [], q, today) }));
  const replace = (next: VisitAction) => setActions((list) => (list ?? []).map((a) => (a.id === next.id ? next : a)));

  return (
    <>
      <BackLink href="/office">Office</BackLink>
      <Page title="Actions tracker">
        {failure && <p role="alert">{failure}</p>}
        {!actions && !failure && <p>Loading…</p>}
        {actions && (
          <>
            <ul class="figures" aria-label="Open actions">
              <li>
                <span class="figure">
                  {actions.filter((a) => a.status === 'open' || a.status === 'in-progress').length}
                </span>{' '}
                open actions
              </li>
              <li>
                <span class="figure">{overdue}</span> overdue
              </li>
            </ul>
            <h2>Significant actions closed within 3 months</h2>
            <Table
              caption="Significant actions closed within 3 months, by the quarter they were raised in"
              columns={['Quarter', ...CLOSURE_COLUMNS.map((heading) => ({ heading, numeric: true }))]}
              rows={closure.map(({ q, figures: f }) => ({
                key: quarterKey(q),
                cells: [
                  quarterLabel(q),
                  f.raised,
                  f.closedInTime,
                  f.closedLate,
                  f.openOverdue,
                  f.pending,
                  f.percent === null ? 'None due yet' : `${f.percent}%`,
                ],
              }))}
            />
            <BarChart
              title="Closed within 3 months (%), by quarter raised"
              suffix="%"
              max={100}
              valueHeading="Closed in time (%)"
              bars={closure
                .filter((c) => c.figures.percent !== null)
                .map(({ q, figures }) => ({
                  label: `Q${q.q} ${q.year}/${String((q.year + 1) % 100).padStart(2, '0')}`,
                  value: figures.percent ?? 0,
                  tone: 'blue',
                }))}
            />
            <h2>Open actions</h2>
            <div class="filters">
              <Select {...show} label="Show" placeholder="All open actions" options={SHOW} />
            </div>
            <Table
              caption={`${open.length === 1 ? '1 open action' : `${open.length} open actions`}, overdue first`}
              empty={`No open actions${show.value ? ' match' : ''}.`}
              columns={['Action', 'For', 'Due', 'Status', { heading: 'Update', unlabelled: true }]}
              rows={open.map((a) => ({
                key: a.id,
                cells: [
                  <>
                    {a.title}
                    <span class="hint">
                      <br />
                      {a.significance === 'significant' ? 'Significant' : 'Routine'}, raised{' '}
                      <span class="nowrap">{formatShortDate(a.raisedOn)}</span>
                      {a.sourceSubmissionId && (
                        <>
                          {' '}
                          ·{' '}
                          <a href={recordReportPath(a.sourceSubmissionId)}>
                            record<span class="visually-hidden"> for {a.title}</span>
                          </a>
                        </>
                      )}
                    </span>
                  </>,
                  a.providerId ? (providers.get(a.providerId) ?? a.providerId) : a.owner,
                  <>
                    <span class={a.dueDate < today ? 'tag red' : 'tag blue'}>{dueText(a.dueDate, today)}</span>
                    <br />
                    <span class="nowrap">{formatShortDate(a.dueDate)}</span>
                  </>,
                  STATUS[a.status],
                  <ActionUpdateForm action={a} onSaved={replace} />,
                ],
              }))}
            />
          </>
        )}
      </Page>
    </>
  );
}
