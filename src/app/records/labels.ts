// How each kind of record is named in the interface.
import type { RecordKind } from '../../shared/records/schema';

const NOUN: Record<RecordKind, string> = { visit: 'visit', observation: 'observation', audit: 'audit' };

/** "visit", "observation" or "audit", for sentences like "Return to the visit". */
export const recordNoun = (kind: RecordKind): string => NOUN[kind];

const DETAILS: Record<RecordKind, string> = {
  visit: 'Visit details',
  observation: 'Observation details',
  audit: 'Audit details',
};

/** The heading of a record's details form and of its summary. */
export const detailsTitle = (kind: RecordKind): string => DETAILS[kind];

/** The task and page where an audit's feedback to the worker is recorded (seed 003 §4.6). */
export const FEEDBACK_TITLE = 'Feedback to the worker and their manager';
