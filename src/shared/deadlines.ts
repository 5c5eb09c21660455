// Deadlines as calendar dates (issue 4, seed 003 §4 and §10, seed 004 §9): an observation is
// written up within 5 days; an audit's summary goes to the worker and manager within 48 hours
// and its form to the QA manager within 5 days; actions fall due by significance. All arithmetic
// is on calendar dates (./calendar.ts), so a clock change never moves a deadline, and "today" is
// the council's day (Europe/London) on the server and on every device.
import type { RecordKind } from './records/schema';
import type { Template } from './templates/schema';
import { addDays, addMonths, daysBetween } from './calendar';

/** "Overdue by 3 days", "Due today", "Due in 5 days". */
export function dueText(dueDate: string, today: string): string {
  const days = daysBetween(today, dueDate);
  if (days < 0) return `Overdue by ${-days} day${days === -1 ? '' : 's'}`;
  if (days === 0) return 'Due today';
  return `Due in ${days} day${days === 1 ? '' : 's'}`;
}

export const isOverdue = (dueDate: string, today: string): boolean => daysBetween(today, dueDate) < 0;

type DeadlineKind = 'observation-write-up' | 'audit-feedback' | 'audit-form';

interface Deadline {
  kind: DeadlineKind;
  label: string;
  dueDate: string;
}

/** Days allowed after the observation or audit date, by deadline. 48 hours is two calendar days. */
const DEADLINE_DAYS: Record<DeadlineKind, number> = {
  'observation-write-up': 5,
  'audit-feedback': 2,
  'audit-form': 5,
};

const LABELS: Record<DeadlineKind, string> = {
  'observation-write-up': 'Observation written up',
  'audit-feedback': 'Audit summary and actions to the worker and their manager',
  'audit-form': 'Audit form to the QA manager',
};

/** The deadlines a record of this kind carries, counted from the date it records. */
export function recordDeadlines(kind: RecordKind, date: string): Deadline[] {
  const kinds: DeadlineKind[] =
    kind === 'observation' ? ['observation-write-up'] : kind === 'audit' ? ['audit-feedback', 'audit-form'] : [];
  return kinds.map((k) => ({ kind: k, label: LABELS[k], dueDate: addDays(date, DEADLINE_DAYS[k]) }));
}

const DEFAULT_ACTION_DUE_MONTHS = { significant: 3, routine: 6 } as const;

/** An action's default due date: significant actions within 3 months (seed 004 §9) unless the template says otherwise. */
export function actionDueDate(
  template: Pick<Template, 'actionDueMonths'>,
  significance: 'significant' | 'routine',
  raisedOn: string,
): string {
  const months = (template.actionDueMonths ?? DEFAULT_ACTION_DUE_MONTHS)[significance];
  return addMonths(raisedOn, months);
}
