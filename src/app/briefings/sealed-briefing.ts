// Briefings and assignments at rest (issue 14): a briefing keeps its provider id, compile time and
// the person whose key seals it in the clear, and everything else (the register row as it was,
// CQC ratings, intelligence with its free text, open actions) sealed; an assignment keeps all but
// the office's notes in the clear (lists and "visits to do" need them). Sealed outside any Dexie
// transaction (briefing-seal.ts), opened after reading. Rows pulled before encryption are sealed
// at the next unlock.
import type { Briefing } from '../../shared/briefings/register';
import { LockedError, openJson, unlockedUserId } from '../crypto/vault';
import type { StoredBriefing } from '../storage/database';

/**
 * The briefing a row holds; null when there is none, or it is sealed under a key not in memory
 * (another person's, pulled before they handed the tablet over).
 */
export async function openBriefing(row: StoredBriefing | undefined): Promise<Briefing | null> {
  if (!row) return null;
  if (!row.sealed) return row as Briefing;
  if (!row.ownerId || row.ownerId !== unlockedUserId()) return null;
  try {
    const rest = await openJson<Omit<Briefing, 'providerId' | 'compiledAt'>>(row.ownerId, 'briefing', row.sealed);
    return { ...rest, providerId: row.providerId, compiledAt: row.compiledAt } as Briefing;
  } catch (error) {
    if (error instanceof LockedError) return null;
    throw error;
  }
}
