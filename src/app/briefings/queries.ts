// Read-side hooks for pre-visit data on the device: briefings, assignments, and the visits this
// officer should do next (assigned, or due by risk level), overdue first.
// Briefings are sealed at rest (sealed-briefing.ts): read first, opened after; assignments keep
// all but their notes in the clear, and the field app never shows the notes.
import type { Briefing, ProviderRecord } from '../../shared/briefings/register';
import { useLiveQuery } from '../lib/use-live-query';
import { db, type StoredAssignment } from '../storage/database';
import { calendarDay, daysBetween } from '../../shared/calendar';
import { openBriefing } from './sealed-briefing';

type Assignment = StoredAssignment;

export function useBriefing(providerId: string): Briefing | null | undefined {
  return useLiveQuery(async () => Promise.resolve(openBriefing(await db().briefings.get(providerId))), [providerId]);
}

/** Provider ids whose briefing is on this device. */
export function useBriefingIds(): Set<string> | undefined {
  return useLiveQuery(async () => new Set(await db().briefings.toCollection().primaryKeys()), []);
}

export function useProvider(providerId: string): ProviderRecord | null | undefined {
  return useLiveQuery(async () => (await db().providers.get(providerId)) ?? null, [providerId]);
}

export function useAssignment(id: string | null): Assignment | null | undefined {
  return useLiveQuery(async () => (id ? ((await db().assignments.get(id)) ?? null) : null), [id]);
}

/** This officer's open assignment for a provider that is due first, if any. */
export function useOpenAssignmentFor(providerId: string, userId: string | null): Assignment | null | undefined {
  return useLiveQuery(async () => {
    if (!userId) return null;
    const open = await db()
      .assignments.where('providerId')
      .equals(providerId)
      .filter((a) => a.status === 'open' && a.officerId === userId)
      .sortBy('dueDate');
    return open[0] ?? null;
  }, [providerId, userId]);
}

export type VisitToDo = {
  provider: ProviderRecord;
  dueDate: string;
  assignment: Assignment | null;
  /** Why it is listed: assigned to this officer, or due by the provider's monitoring level. */
  reason: 'assigned' | 'risk-due';
};

/** Days ahead within which a provider allocated to the officer counts as due. */
const DUE_SOON_DAYS = 28;

export function useVisitsToDo(userId: string): VisitToDo[] | undefined {
  return useLiveQuery(async () => {
    const database = db();
    const [assignments, allocated] = await Promise.all([
      database.assignments.where('dueDate').aboveOrEqual('').toArray(),
      database.providers.filter((p) => p.allocatedOfficerId === userId && p.nextVisitDue !== null).toArray(),
    ]);
    const providers = new Map(
      (await database.providers.bulkGet(assignments.map((a) => a.providerId))).flatMap((p) => (p ? [[p.id, p]] : [])),
    );
    const today = calendarDay(new Date());
    const todo: VisitToDo[] = [];
    for (const a of assignments) {
      const provider = providers.get(a.providerId);
      if (a.status === 'open' && a.officerId === userId && provider)
        todo.push({ provider, dueDate: a.dueDate, assignment: a, reason: 'assigned' });
    }
    const assigned = new Set(todo.map((t) => t.provider.id));
    for (const p of allocated) {
      if (!assigned.has(p.id) && p.nextVisitDue && daysBetween(today, p.nextVisitDue) <= DUE_SOON_DAYS) {
        todo.push({ provider: p, dueDate: p.nextVisitDue, assignment: null, reason: 'risk-due' });
      }
    }
    return todo.sort((x, y) =>
      x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.provider.name.localeCompare(y.provider.name),
    );
  }, [userId]);
}
