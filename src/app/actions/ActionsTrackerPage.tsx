// The actions tracker (issue 6): every open action across providers and practitioners that this
// person may see, overdue first, each with a way to move it on (evidence needed to close it); and
// seed 004 §9's measure, the share of significant actions closed within 3 months, per quarter.
import '../reports/reports.css';
import { useEffect, useState } from 'preact/hooks';
import type { ActionStatus, VisitAction } from '../../shared/briefings/register';
import { closureFigures } from '../../shared/actions/action-closure';
import { quarterKey, quarterLabel, quarterOf, quartersEndingWith } from '../../shared/reports/quarters';
import { BackLink, Page } from '../components/Page';
import { dueText, formatDate } from '../components/format';
import { loadActions, loadProviders } from '../office/api';
import { Select } from '../office/fields';
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
const SHOW = [
  { value: 'overdue', label: 'Overdue only' },
  { value: 'significant', label: 'Significant only' },
];

export function ActionsTrackerPage() {
  const [actions, setActions] = useState<VisitAction[] | null>(null);
  const [providers, setProviders] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState('');
  const [show, setShow] = useState('');
  useEffect(() => {
    void loadProviders().then((r) => r.ok && setProviders(new Map(r.value.map((p) => [p.id, p.name]))));
    void loadActions().then((r) => (r.ok ? setActions(r.value) : setFailure(r.message)));
  }, []);

  const today = calendarDay(new Date());
  const open = (actions ?? [])
    .filter((a) => a.status === 'open' || a.status === 'in-progress')
    .filter((a) =>
      show === 'overdue' ? a.dueDate < today : show === 'significant' ? a.significance === 'significant' : true,
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
            <div class="table-wrap">
              <table class="table">
                <caption class="table-caption">
                  Significant actions closed within 3 months, by the quarter they were raised in
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Quarter</th>
                    <th scope="col" class="numeric">
                      Raised
                    </th>
                    <th scope="col" class="numeric">
                      Closed in time
                    </th>
                    <th scope="col" class="numeric">
                      Closed late
                    </th>
                    <th scope="col" class="numeric">
                      Open after 3 months
                    </th>
                    <th scope="col" class="numeric">
                      Still within 3 months
                    </th>
                    <th scope="col" class="numeric">
                      Closed in time (%)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {closure.map(({ q, figures: f }) => (
                    <tr key={quarterKey(q)}>
                      <th scope="row">{quarterLabel(q)}</th>
                      <td class="numeric">{f.raised}</td>
                      <td class="numeric">{f.closedInTime}</td>
                      <td class="numeric">{f.closedLate}</td>
                      <td class="numeric">{f.openOverdue}</td>
                      <td class="numeric">{f.pending}</td>
                      <td class="numeric">{f.percent === null ? 'None due yet' : `${f.percent}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
              <Select
                id="show"
                label="Show"
                placeholder="All open actions"
                value={show}
                options={SHOW}
                onChange={setShow}
              />
            </div>
            {open.length === 0 ? (
              <p>No open actions{show ? ' match' : ''}.</p>
            ) : (
              <div class="table-wrap">
                <table class="table">
                  <caption class="table-caption">
                    {open.length === 1 ? '1 open action' : `${open.length} open actions`}, overdue first
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Action</th>
                      <th scope="col">For</th>
                      <th scope="col">Due</th>
                      <th scope="col">Status</th>
                      <th scope="col">Update</th>
                    </tr>
                  </thead>
                  <tbody>
                    {open.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">
                          {a.title}
                          <span class="hint">
                            <br />
                            {a.significance === 'significant' ? 'Significant' : 'Routine'}, raised{' '}
                            {formatDate(a.raisedOn)}
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
                        </th>
                        <td>{a.providerId ? (providers.get(a.providerId) ?? a.providerId) : a.owner}</td>
                        <td>
                          <span class={a.dueDate < today ? 'tag red' : 'tag blue'}>{dueText(a.dueDate, today)}</span>
                          <br />
                          {formatDate(a.dueDate)}
                        </td>
                        <td>{STATUS[a.status]}</td>
                        <td>
                          <ActionUpdateForm action={a} onSaved={replace} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Page>
    </>
  );
}
