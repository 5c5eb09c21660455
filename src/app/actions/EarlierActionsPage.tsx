// Earlier actions, checked on this visit (seed 004: actions followed up at the next visit): each
// open action from the briefing the officer had when the visit started, with its status now and
// what shows it. Saved on the device as chosen; the tracker is updated when the visit is received.
import { useState } from 'preact/hooks';
import type { ActionStatus, VisitAction } from '../../shared/briefings/register';
import type { ActionCheck } from '../../shared/schemas';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { dueText, formatDate } from '../components/format';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { saveActionCheck } from '../records/answer-store';
import { calendarDay } from '../../shared/calendar';

const STATUS: Array<[ActionStatus, string]> = [
  ['open', 'Not started'],
  ['in-progress', 'In progress'],
  ['done', 'Done, evidence seen'],
  ['verified', 'Verified as done'],
];

export function EarlierActionsPage(props: { visit: LocalRecord }) {
  const { visit } = props;
  const [failure, setFailure] = useState('');
  const actions = visit.briefingSnapshot?.openActions ?? [];
  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the visit</BackLink>
      <Page title="Actions from earlier visits" caption={visit.subjectName}>
        {failure && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: failure }]} />}
        {actions.length === 0 ? (
          <p>There were no open actions in the briefing when this visit started.</p>
        ) : (
          <>
            <p>
              Check each action the provider agreed at earlier visits. Evidence is needed to mark one done or verified.
            </p>
            {actions.map((action) => (
              <ActionCheckField
                key={action.id}
                recordId={visit.id}
                action={action}
                check={visit.actionChecks.find((c) => c.actionId === action.id)}
                onError={(e) => setFailure(saveFailureMessage(e))}
              />
            ))}
          </>
        )}
        <a class="button" href={`/visits/${visit.id}`}>
          Return to the visit
        </a>
      </Page>
    </>
  );
}

function ActionCheckField(props: {
  recordId: string;
  action: VisitAction;
  check: ActionCheck | undefined;
  onError: (e: unknown) => void;
}) {
  const { action } = props;
  const [status, setStatus] = useState<ActionStatus>(props.check?.status ?? action.status);
  const [evidence, setEvidence] = useState(props.check?.evidence ?? '');
  const save = (next: { status: ActionStatus; evidence: string }) =>
    void saveActionCheck(props.recordId, { actionId: action.id, ...next }).catch(props.onError);
  const needsEvidence = (status === 'done' || status === 'verified') && evidence.trim() === '';
  const base = `check-${action.id}`;
  return (
    <div class={`form-group${needsEvidence ? ' has-error' : ''}`} data-testid="earlier-action">
      <fieldset class="fieldset" aria-describedby={`${base}-hint`}>
        <legend class="legend">{action.title}</legend>
        <p class="hint" id={`${base}-hint`}>
          {action.significance === 'significant' ? 'Significant' : 'Routine'} · due {formatDate(action.dueDate)}{' '}
          <span class={action.dueDate < calendarDay(new Date()) ? 'tag red' : 'tag blue'}>
            {dueText(action.dueDate)}
          </span>
          {action.detail ? ` · ${action.detail}` : ''}
        </p>
        <div class="radios">
          {STATUS.map(([value, label], i) => (
            <div class="radio" key={value}>
              <input
                id={i === 0 ? base : `${base}-${value}`}
                type="radio"
                name={base}
                checked={status === value}
                onChange={() => {
                  setStatus(value);
                  save({ status: value, evidence });
                }}
              />
              <label for={i === 0 ? base : `${base}-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <label class="label small" for={`${base}-evidence`}>
        Evidence{status === 'done' || status === 'verified' ? '' : ' (optional)'}
        <span class="visually-hidden"> for {action.title}</span>
      </label>
      {needsEvidence && (
        <p class="error-message" id={`${base}-error`}>
          Say what shows the action is complete
        </p>
      )}
      <textarea
        id={`${base}-evidence`}
        class="textarea"
        rows={2}
        value={evidence}
        aria-describedby={needsEvidence ? `${base}-error` : undefined}
        onInput={(e) => setEvidence(e.currentTarget.value)}
        onBlur={() => save({ status, evidence })}
      />
    </div>
  );
}
