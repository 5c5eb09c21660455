// How each kind of record is named in the interface.
import type { RecordKind } from '../../shared/schemas';

const NOUN: Record<RecordKind, string> = { visit: 'visit', observation: 'observation', audit: 'audit' };

/** "visit", "observation" or "audit", for sentences like "Return to the visit". */
export const recordNoun = (kind: RecordKind): string => NOUN[kind];
