// The device database: one Dexie class holding every schema version. Only storage and sync
// modules import it; views read through hooks and write through store functions.
// Invariant: a schema upgrade keeps every draft and outbox entry (add versions, never drop tables
// that hold people's work).
import Dexie, { type Table } from 'dexie';
import { observable } from '../lib/observable';
import type { Answer, Provider, SubmissionBody, Template, VisitDetails } from '../../shared/schemas';
import type { Assignment, Briefing } from '../../shared/register';
import type { Problem } from '../sync/engine';

export type RecordStatus = 'draft' | 'queued' | 'sent' | 'attention';

export interface VisitRecord {
  id: string;
  ownerId: string;
  status: RecordStatus;
  revision: number;
  baseRevision: number | null;
  templateId: string;
  templateVersion: number;
  details: VisitDetails;
  /** Denormalised so the visit list needs no join. */
  providerName: string;
  /** Set when the visit was started from an assignment, with the briefing as it was then. */
  assignmentId?: string | null;
  briefingSnapshot?: Briefing | null;
  answers: Record<string, Answer>;
  sectionRatings: Record<string, string>;
  startedAt: string;
  /** Client clock, ms; only for sorting the list on this device. */
  updatedAt: number;
  submittedAt: string | null;
  /** The server's receipt time, once sent. */
  receivedAt: string | null;
  problem: Problem | null;
}

export interface OutboxRow {
  seq?: number;
  recordId: string;
  revision: number;
  body: SubmissionBody;
  state: 'pending' | 'attention';
  attempts: number;
  lastProblem: Problem | null;
  enqueuedAt: number;
}

export type StoredTemplate = Template;
export type StoredProvider = Provider;

export class QaDatabase extends Dexie {
  records!: Table<VisitRecord, string>;
  outbox!: Table<OutboxRow, number>;
  templates!: Table<StoredTemplate, [string, number]>;
  providers!: Table<StoredProvider, string>;
  briefings!: Table<Briefing, string>;
  assignments!: Table<Assignment, string>;

  constructor(name = 'qa-visits') {
    super(name);
    this.version(1).stores({
      records: 'id, status, updatedAt, ownerId',
      outbox: '++seq, &[recordId+revision], state',
      templates: '[id+version], id',
      providers: 'id, name',
    });
    // v2: pre-visit briefings and assignments (issue 3). Adds tables only; records and outbox untouched.
    this.version(2).stores({
      briefings: 'providerId',
      assignments: 'id, providerId, dueDate',
    });
  }
}

let instance: QaDatabase | null = null;

/** Set when another tab upgrades the database: this tab's connection closes and it must reload. */
export const databaseReplaced = observable<boolean>(false);

export function db(): QaDatabase {
  if (!instance) {
    instance = new QaDatabase();
    // Dexie closes this connection so the other tab's upgrade can go ahead; writes made so far
    // are committed, and the person is asked to reload before doing more.
    instance.on('versionchange', () => {
      databaseReplaced.set(true);
    });
  }
  return instance;
}

/** Deletes the whole device database (sign-out on a shared tablet). */
export async function deleteDatabase(): Promise<void> {
  const current = db();
  current.close();
  await current.delete();
  instance = null;
}
