// Autosaved edits inside a draft: answers, the rows of repeating groups, section and overall
// ratings with their override reasons, the actions raised and the checks of earlier actions.
// Each call is one read-change-write through updateDraft (record-store.ts: changed and sealed
// first, then written in one transaction that checks nobody wrote in between), so nothing waits
// for a button and two writers never lose each other's edits.
import type { ActionCheck, Answer, RaisedAction } from '../../shared/records/schema';
import { updateDraft } from './record-store';

type LeafAnswer = Pick<Answer, 'value' | 'note'>;

export function saveAnswer(id: string, itemId: string, answer: LeafAnswer): Promise<void> {
  return updateDraft(id, (r) => {
    // Photos on the answer are kept: they are written by evidence/photo-store.ts.
    r.answers[itemId] = { ...r.answers[itemId], value: answer.value, note: answer.note };
  });
}

/** Adds an empty row to a repeating group; the row id is stable so edits never land on the wrong row. */
export async function addGroupRow(id: string, groupId: string): Promise<string> {
  const rowId = crypto.randomUUID();
  await updateDraft(id, (r) => {
    const group = r.answers[groupId] ?? { value: null, note: '', rows: [] };
    r.answers[groupId] = { ...group, rows: [...(group.rows ?? []), { id: rowId, answers: {} }] };
  });
  return rowId;
}

export function removeGroupRow(id: string, groupId: string, rowId: string): Promise<void> {
  return updateDraft(id, (r) => {
    const group = r.answers[groupId];
    if (group?.rows) group.rows = group.rows.filter((row) => row.id !== rowId);
  });
}

export function saveRowAnswer(
  id: string,
  groupId: string,
  rowId: string,
  itemId: string,
  answer: LeafAnswer,
): Promise<void> {
  return updateDraft(id, (r) => {
    const row = r.answers[groupId]?.rows?.find((x) => x.id === rowId);
    // A row removed in another tab stays removed; the late keystrokes have nowhere to go.
    if (row) row.answers[itemId] = { ...row.answers[itemId], value: answer.value, note: answer.note };
  });
}

/** A section rating (key = section id) or the overall judgement (key = OVERALL). */
export function saveRating(id: string, key: string, rating: string | null, isOverall: boolean): Promise<void> {
  return updateDraft(id, (r) => {
    if (isOverall) r.overallRating = rating;
    else if (rating === null) delete r.sectionRatings[key];
    else r.sectionRatings[key] = rating;
  });
}

/** The written reason for a rating that differs from the suggested one; blank removes it. */
export function saveOverrideReason(id: string, key: string, suggested: string, reason: string): Promise<void> {
  return updateDraft(id, (r) => {
    if (reason.trim() === '') delete r.ratingOverrides[key];
    else r.ratingOverrides[key] = { suggested, reason };
  });
}

export function saveAction(id: string, action: RaisedAction): Promise<void> {
  return updateDraft(id, (r) => {
    const at = r.actions.findIndex((a) => a.id === action.id);
    if (at === -1) r.actions.push(action);
    else r.actions[at] = action;
  });
}

export function removeAction(id: string, actionId: string): Promise<void> {
  return updateDraft(id, (r) => {
    r.actions = r.actions.filter((a) => a.id !== actionId);
  });
}

/** The check of an earlier action on this visit; "open" with no evidence removes the check. */
export function saveActionCheck(id: string, check: ActionCheck): Promise<void> {
  return updateDraft(id, (r) => {
    r.actionChecks = r.actionChecks.filter((c) => c.actionId !== check.actionId);
    if (check.status !== 'open' || check.evidence.trim() !== '') r.actionChecks.push(check);
  });
}
