// The escalation procedure's rules, pure (no clock, no I/O: `today` and the server's timestamp are
// passed in), used by the server's routes and held by test/unit/escalations.test.ts:
// - a provider has at most one open escalation (a second is refused until the first is closed);
// - nothing is dated after today (steps are what was done, not plans), and nothing before the
//   escalation was opened;
// - a closed escalation takes no more steps and cannot be closed again (if concerns come back, a
//   new escalation is opened, so the history of the first stays as it was);
// - it closes no earlier than its last step.
import type { Issue } from '../sync/schema';
import {
  type CloseEscalation,
  type Escalation,
  type EscalationStep,
  MAX_STEPS,
  type NewEscalation,
  type NewEscalationStep,
} from './schema';

/** A refusal: `closed` and `already-open` are conflicts with what is stored (409), `invalid` is the request (422). */
export type Refusal = { ok: false; reason: 'closed' | 'already-open' | 'invalid'; message: string; issues: Issue[] };
export type Ruled<T> = { ok: true; value: T } | Refusal;

/** Who is acting and when: the session's display name, the server's clock and the council's day. */
export type Acting = { by: string; at: string; today: string };

const invalid = (issues: Issue[]): Refusal => ({
  ok: false,
  reason: 'invalid',
  message: issues.map((i) => i.message).join('; '),
  issues,
});

export const isOpen = (e: Pick<Escalation, 'closure'>): boolean => e.closure === null;

/** Whether it was open at the end of `day`: opened on or before it, and not closed by then. */
export const openOn = (e: Pick<Escalation, 'openedOn' | 'closure'>, day: string): boolean =>
  e.openedOn <= day && (e.closure === null || e.closure.closedOn > day);

/** The open one of a provider's escalations, if any. */
export const openEscalation = <E extends Pick<Escalation, 'closure'>>(list: readonly E[]): E | null =>
  list.find(isOpen) ?? null;

const notAfterToday = (path: string, date: string, today: string, what: string): Issue[] =>
  date > today ? [{ path, message: `${what} cannot be after today` }] : [];

/** A new escalation of `providerId`, unless one is already open. */
export function startEscalation(
  request: NewEscalation,
  ids: { id: string; providerId: string },
  current: Pick<Escalation, 'closure' | 'openedOn'> | null,
  acting: Acting,
): Ruled<Escalation> {
  if (current !== null && isOpen(current))
    return {
      ok: false,
      reason: 'already-open',
      message: `This provider is already in escalation (since ${current.openedOn}): add a step to it, or close it before opening another`,
      issues: [],
    };
  const issues = notAfterToday('openedOn', request.openedOn, acting.today, 'The date it went into escalation');
  if (issues.length > 0) return invalid(issues);
  return {
    ok: true,
    value: {
      id: ids.id,
      providerId: ids.providerId,
      trigger: request.trigger,
      reason: request.reason.trim(),
      openedOn: request.openedOn,
      openedBy: acting.by,
      openedAt: acting.at,
      status: 'open',
      steps: [],
      closure: null,
    },
  };
}

const closedRefusal = (e: Escalation, doing: string): Refusal => ({
  ok: false,
  reason: 'closed',
  message: `This escalation was closed on ${e.closure?.closedOn ?? ''}: ${doing}. If the concerns return, open a new escalation`,
  issues: [],
});

/** Steps oldest first by date; the same day in the order they were recorded. */
const byDate = (a: EscalationStep, b: EscalationStep) =>
  a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt);

/** The escalation with one more step. */
export function addStep(
  escalation: Escalation,
  request: NewEscalationStep,
  stepId: string,
  acting: Acting,
): Ruled<Escalation> {
  if (!isOpen(escalation)) return closedRefusal(escalation, 'no step can be added');
  const issues: Issue[] = [...notAfterToday('date', request.date, acting.today, 'A step')];
  if (request.date < escalation.openedOn)
    issues.push({
      path: 'date',
      message: `A step cannot be dated before the escalation opened (${escalation.openedOn})`,
    });
  if (escalation.steps.length >= MAX_STEPS)
    issues.push({ path: 'kind', message: `An escalation records at most ${MAX_STEPS} steps` });
  if (issues.length > 0) return invalid(issues);
  const step: EscalationStep = {
    id: stepId,
    kind: request.kind,
    date: request.date,
    owner: request.owner.trim(),
    note: (request.note ?? '').trim(),
    recordedBy: acting.by,
    recordedAt: acting.at,
  };
  return { ok: true, value: { ...escalation, steps: [...escalation.steps, step].sort(byDate) } };
}

/** The escalation closed with its outcome. */
export function closeEscalation(escalation: Escalation, request: CloseEscalation, acting: Acting): Ruled<Escalation> {
  if (!isOpen(escalation)) return closedRefusal(escalation, 'it cannot be closed again');
  const issues: Issue[] = [...notAfterToday('closedOn', request.closedOn, acting.today, 'The closing date')];
  const last = escalation.steps.map((s) => s.date).reduce((a, b) => (b > a ? b : a), escalation.openedOn);
  if (request.closedOn < escalation.openedOn)
    issues.push({
      path: 'closedOn',
      message: `The closing date cannot be before the escalation opened (${escalation.openedOn})`,
    });
  else if (request.closedOn < last)
    issues.push({ path: 'closedOn', message: `The closing date cannot be before its last step (${last})` });
  if (issues.length > 0) return invalid(issues);
  return {
    ok: true,
    value: {
      ...escalation,
      status: 'closed',
      closure: {
        outcome: request.outcome,
        summary: request.summary.trim(),
        closedOn: request.closedOn,
        closedBy: acting.by,
        closedAt: acting.at,
      },
    },
  };
}
