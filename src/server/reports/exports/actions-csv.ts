// actions.csv: one row per action in the tracker, every field of VisitAction under a stable
// heading. Owns the column table and the reader that rebuilds each action. What the file does not
// carry: the difference between a field left out and one set to null (both are the empty cell, and
// read back as null; evidence reads back as ''), which the app never relies on.
import { VisitAction } from '../../../shared/briefings/register';
import { type Column, orEmpty, orNull, readTable } from './csv';

export const ACTION_COLUMNS = [
  { name: 'id', means: 'The action id', of: (a) => a.id },
  {
    name: 'provider_id',
    means: 'The provider it concerns; empty for an action about a practitioner',
    of: (a) => orEmpty(a.providerId),
  },
  { name: 'source_submission_id', means: 'The record that raised it', of: (a) => orEmpty(a.sourceSubmissionId) },
  {
    name: 'item_id',
    means: 'The item or section it was raised from; empty when raised on the whole record',
    of: (a) => orEmpty(a.itemId),
  },
  { name: 'title', means: 'What must change, in short', of: (a) => a.title },
  { name: 'detail', means: 'What must change', of: (a) => a.detail },
  { name: 'significance', means: 'significant or routine', of: (a) => a.significance },
  { name: 'owner', means: 'Who must act: the provider’s or the practitioner’s name', of: (a) => a.owner },
  { name: 'due_date', means: 'When it is due (YYYY-MM-DD)', of: (a) => a.dueDate },
  { name: 'status', means: 'open, in-progress, done or verified', of: (a) => a.status },
  { name: 'raised_on', means: 'The date of the record that raised it', of: (a) => a.raisedOn },
  {
    name: 'closed_on',
    means: 'The day it was first marked done or verified; empty while open',
    of: (a) => orEmpty(a.closedOn),
  },
  { name: 'evidence', means: 'What shows it is complete', of: (a) => a.evidence ?? '' },
  {
    name: 'status_changed_at',
    means: 'When its status last changed (ISO 8601)',
    of: (a) => orEmpty(a.statusChangedAt),
  },
  {
    name: 'status_changed_by',
    means: 'Who changed it, or the visit that checked it',
    of: (a) => orEmpty(a.statusChangedBy),
  },
] as const satisfies readonly Column<VisitAction>[];

/**
 * The actions of an actions.csv, exactly as written: each is checked against VisitAction (throws
 * when not one) but kept untouched, since the schema's trimming would change what the file says.
 */
export function readActionsCsv(text: string): VisitAction[] {
  return readTable(ACTION_COLUMNS, text).map((r, i) => {
    const action = {
      id: r.id,
      providerId: orNull(r.provider_id),
      sourceSubmissionId: orNull(r.source_submission_id),
      itemId: orNull(r.item_id),
      title: r.title,
      detail: r.detail,
      significance: r.significance,
      owner: r.owner,
      dueDate: r.due_date,
      status: r.status,
      raisedOn: r.raised_on,
      closedOn: orNull(r.closed_on),
      evidence: r.evidence,
      statusChangedAt: orNull(r.status_changed_at),
      statusChangedBy: orNull(r.status_changed_by),
    };
    const checked = VisitAction.safeParse(action);
    if (!checked.success)
      throw new Error(
        `CSV row ${i + 2} is not an action: ${checked.error.issues.map((e) => e.path.join('.')).join(', ')}`,
      );
    return action as VisitAction;
  });
}
