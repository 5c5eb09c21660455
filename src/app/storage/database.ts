// The device database: one Dexie class holding every schema version, and the shapes of what it
// stores (the device record, outbox entries, files). Stores and query hooks import it; views read
// through hooks and write through store functions.
// Invariant: a schema upgrade keeps every draft and outbox entry (add versions, never drop tables
// that hold people's work).
import Dexie, { type Table } from 'dexie';
import { observable } from '../lib/observable';
import type {
  ActionCheck,
  Answer,
  RaisedAction,
  Signature,
  RatingOverride,
  RecordDetails,
  RecordKind,
  Review,
} from '../../shared/records/schema';
import type { OutboxEntry, Problem, Provider } from '../../shared/sync/schema';
import type { Template } from '../../shared/templates/schema';
import type { Assignment, Briefing } from '../../shared/briefings/register';

export type RecordStatus = 'draft' | 'queued' | 'sent' | 'attention';

export interface LocalRecord {
  id: string;
  ownerId: string;
  status: RecordStatus;
  revision: number;
  baseRevision: number | null;
  templateId: string;
  templateVersion: number;
  /** A visit to a provider, an observation of a practitioner, or a case file audit (from the template's subject). */
  kind: RecordKind;
  /** The details form for the kind; `kind` says which shape (see toRecordBody in records/record-body.ts). */
  details: RecordDetails;
  /** Who or what the record is about, as listed: the provider's or practitioner's name, or the case. */
  subjectName: string;
  /** Set when the visit was started from an assignment, with the briefing as it was then. */
  assignmentId?: string | null;
  briefingSnapshot?: Briefing | null;
  answers: Record<string, Answer>;
  sectionRatings: Record<string, string>;
  overallRating: string | null;
  /** Where a rating differs from the suggested one: the suggestion and the written reason. */
  ratingOverrides: Record<string, RatingOverride>;
  actions: RaisedAction[];
  /** Visits: open actions from earlier visits (in the briefing snapshot) checked on this one. */
  actionChecks: ActionCheck[];
  /** Signatures (PNG files in `files`) with who signed, their role and when; absent before v4. */
  signatures?: Signature[];
  /** The reviewer's latest decision when it is a return for amendment (from pull); null otherwise. */
  review: Review | null;
  startedAt: string;
  /** Client clock, ms; only for sorting the list on this device. */
  updatedAt: number;
  submittedAt: string | null;
  /** The server's receipt time, once sent. */
  receivedAt: string | null;
  problem: Problem | null;
}

/**
 * An outbox entry as the device stores it: the sync engine's OutboxEntry (sync/engine.ts; the
 * storage zone may not import the sync core, so its fields are repeated here and outbox-store.ts
 * checks the two agree) plus what only the device keeps: whether it waits or needs attention,
 * the last problem, and when it was queued.
 */
export type StoredOutboxEntry = Omit<OutboxEntry, 'seq' | 'uploaded'> & {
  /** Given by the table when the entry is added. */
  seq?: number;
  /** Absent on entries queued before schema v4. */
  uploaded?: string[];
  state: 'pending' | 'attention';
  lastProblem: Problem | null;
  enqueuedAt: number;
};

/** A photo or signature held on the device, named by the SHA-256 of its bytes (issue 5). */
export interface StoredFile {
  sha256: string;
  blob: Blob;
  type: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: number;
  /** A small JPEG for lists and the form; null for signatures (small already). */
  thumbnail: Blob | null;
  /** The record that added it (files are shared when two records hold the same bytes). */
  recordId: string;
  addedAt: number;
}

export class QaDatabase extends Dexie {
  records!: Table<LocalRecord, string>;
  outbox!: Table<StoredOutboxEntry, number>;
  templates!: Table<Template, [string, number]>;
  providers!: Table<Provider, string>;
  briefings!: Table<Briefing, string>;
  assignments!: Table<Assignment, string>;
  files!: Table<StoredFile, string>;

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
    // v3: observations and audits (issue 4). Every record keeps its answers; visits gain the fields
    // the judgement features need, and the listed name moves to a kind-neutral field.
    this.version(3)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('records')
          .toCollection()
          .modify((record: Record<string, unknown>) => {
            record.kind ??= 'visit';
            record.subjectName ??= record.providerName ?? '';
            delete record.providerName;
            record.overallRating ??= null;
            record.ratingOverrides ??= {};
            record.actions ??= [];
            record.review ??= null;
            record.actionChecks ??= [];
          }),
      );
    // v4: photos and signatures as Blobs next to the drafts (issue 5). Adds a table only.
    this.version(4).stores({ files: 'sha256, recordId' });
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
