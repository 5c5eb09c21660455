// Seed 004 §9: significant follow-up actions are closed within 3 months. For the significant
// actions raised in a quarter, as known on `today`: closed in time, closed late, still open past
// the 3 months, or still open within them (pending, so not counted either way yet).
import type * as z from 'zod/mini';
import type { VisitAction } from '../briefings/register';
import type { ClosureFigures as ClosureFiguresSchema } from '../reports/report-schemas';
import { inQuarter, type Quarter } from '../reports/quarters';
import { addMonths, calendarDay } from '../calendar';

const CLOSURE_MONTHS = 3;

export type ClosureFigures = z.infer<typeof ClosureFiguresSchema>;

type ClosableAction = Pick<
  VisitAction,
  'significance' | 'raisedOn' | 'dueDate' | 'status' | 'closedOn' | 'statusChangedAt'
>;

/** The day an action was closed; one closed before closure dates were kept uses its last status change. */
export function closedOn(action: Omit<ClosableAction, 'significance' | 'dueDate'>): string | null {
  if (action.closedOn) return action.closedOn;
  if (action.status !== 'done' && action.status !== 'verified') return null;
  return action.statusChangedAt ? calendarDay(new Date(action.statusChangedAt)) : action.raisedOn;
}

export function closureFigures(actions: readonly ClosableAction[], quarter: Quarter, today: string): ClosureFigures {
  const figures: ClosureFigures = {
    raised: 0,
    closedInTime: 0,
    closedLate: 0,
    openOverdue: 0,
    pending: 0,
    percent: null,
  };
  for (const action of actions) {
    if (action.significance !== 'significant' || !inQuarter(action.raisedOn, quarter)) continue;
    figures.raised += 1;
    const deadline = addMonths(action.raisedOn, CLOSURE_MONTHS);
    const closed = closedOn(action);
    if (closed !== null) figures[closed <= deadline ? 'closedInTime' : 'closedLate'] += 1;
    else figures[today > deadline ? 'openOverdue' : 'pending'] += 1;
  }
  const decided = figures.closedInTime + figures.closedLate + figures.openOverdue;
  figures.percent = decided === 0 ? null : Math.round((100 * figures.closedInTime) / decided);
  return figures;
}
