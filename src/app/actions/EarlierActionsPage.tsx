// Earlier actions, checked on this visit (seed 004: actions followed up at the next visit): each
// open action from the briefing the officer had when the visit started, with its status now and
// what shows it. Saved on the device as chosen; the tracker is updated when the visit is received.
import { useState } from 'preact/hooks';
import type { ActionStatus, VisitAction } from '../../shared/briefings/register';
import type { ActionCheck } from '../../shared/records/schema';
import { Radios } from '../components/choices';
import { TextArea } from '../components/fields';
import { DETAIL_TEXT_MAX } from '../../shared/records/text-limits';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { dueText, formatDate } from '../components/format';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { saveActionCheck } from '../records/answer-store';
import { calendarDay } from '../../shared/calendar';

const STATUS: Array<{ value: ActionStatus; label: string }> = [
  { value: 'open', label: 'Not started' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'done', label: 'Done, evidence seen' },
  { value: 'verified', label: 'Verified as done' },
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
    <Radios
      id={base}
      testId="earlier-action"
      legend={action.title}
      hint={
        <>
          {action.significance === 'significant' ? 'Significant' : 'Routine'} · due {formatDate(action.dueDate)}{' '}
          <span class={action.dueDate < calendarDay(new Date()) ? 'tag red' : 'tag blue'}>
            {dueText(action.dueDate)}
          </span>
          {action.detail ? ` · ${action.detail}` : ''}
        </>
      }
      options={STATUS}
      value={status}
      onChange={(value) => {
        setStatus(value as ActionStatus);
        save({ status: value as ActionStatus, evidence });
      }}
      after={
        <TextArea
          id={`${base}-evidence`}
          small
          label={
            <>
              Evidence{status === 'done' || status === 'verified' ? '' : ' (optional)'}
              <span class="visually-hidden"> for {action.title}</span>
            </>
          }
          rows={2}
          value={evidence}
          error={needsEvidence && 'Say what shows the action is complete'}
          maxLength={DETAIL_TEXT_MAX}
          onChange={setEvidence}
          onBlur={() => save({ status, evidence })}
        />
      }
    />
  );
}
