// The escalation forms' drafts and checks (seed 004 §22), done on the page before sending, with
// the words a person needs; the server applies the same rules (src/shared/escalations/rules.ts)
// and its field issues are shown against the same fields.
import type { Escalation } from '../../shared/escalations/schema';
import { formatDate } from '../components/format';

export type OpenDraft = { trigger: string; reason: string; openedOn: string };
export type StepDraft = { kind: string; date: string; owner: string; note: string };
export type CloseDraft = { outcome: string; summary: string; closedOn: string };
export type Errors<D> = Partial<Record<keyof D & string, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REASON_MAX = 2000;
const OWNER_MAX = 200;

const tooLong = (text: string, max: number, what: string) =>
  text.trim().length > max ? `${what} must be ${max.toLocaleString('en-GB')} characters or fewer` : undefined;

/** The message for a date field, or undefined when it is a date between `earliest` (if any) and today. */
function dateError(
  value: string,
  today: string,
  what: string,
  earliest?: { date: string; what: string },
): string | undefined {
  if (!DATE.test(value)) return `Enter ${what}`;
  if (value > today) return `${capital(what)} cannot be in the future`;
  if (earliest && value < earliest.date)
    return `${capital(what)} cannot be before ${earliest.what} (${formatDate(earliest.date)})`;
  return undefined;
}

const capital = (text: string) => text.replace(/^the /, 'The ').replace(/^a /, 'A ');

const only = <D>(errors: Record<string, string | undefined>): Errors<D> =>
  Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as Errors<D>;

export function validateOpen(d: OpenDraft, today: string): Errors<OpenDraft> {
  return only<OpenDraft>({
    trigger: d.trigger ? undefined : 'Select what triggered the escalation',
    reason: d.reason.trim() ? tooLong(d.reason, REASON_MAX, 'The reason') : 'Enter the reason for the escalation',
    openedOn: dateError(d.openedOn, today, 'the date it went into escalation'),
  });
}

export function validateStep(d: StepDraft, escalation: Escalation, today: string): Errors<StepDraft> {
  return only<StepDraft>({
    kind: d.kind ? undefined : 'Select the step taken',
    date: dateError(d.date, today, 'the date of the step', {
      date: escalation.openedOn,
      what: 'the escalation opened',
    }),
    owner: d.owner.trim() ? tooLong(d.owner, OWNER_MAX, 'The owner') : 'Enter who owns the step',
    note: tooLong(d.note, REASON_MAX, 'The note'),
  });
}

export function validateClose(d: CloseDraft, escalation: Escalation, today: string): Errors<CloseDraft> {
  const last = escalation.steps.at(-1);
  const earliest =
    last && last.date > escalation.openedOn
      ? { date: last.date, what: 'its last step' }
      : { date: escalation.openedOn, what: 'the escalation opened' };
  return only<CloseDraft>({
    outcome: d.outcome ? undefined : 'Select the outcome',
    summary: d.summary.trim() ? tooLong(d.summary, REASON_MAX, 'The summary') : 'Enter what was found and decided',
    closedOn: dateError(d.closedOn, today, 'the closing date', earliest),
  });
}
