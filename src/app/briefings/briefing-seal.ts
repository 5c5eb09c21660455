// Sealing briefings and assignment notes as a pull stores them (issue 14; what stays in the clear
// and how they are opened is in sealed-briefing.ts).
import type { Assignment, Briefing } from '../../shared/briefings/register';
import { sealJson } from '../crypto/seal';
import type { StoredAssignment, StoredBriefing } from '../storage/database';

export async function sealBriefing(ownerId: string, briefing: Briefing): Promise<StoredBriefing> {
  const { providerId, compiledAt, ...rest } = briefing;
  return { providerId, compiledAt, ownerId, sealed: await sealJson(ownerId, 'briefing', rest) };
}

export async function sealAssignment(ownerId: string, assignment: Assignment): Promise<StoredAssignment> {
  const { notes, ...rest } = assignment;
  return { ...rest, ownerId, sealedNotes: await sealJson(ownerId, 'assignment-notes', notes) };
}
