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
import { summariesMiddleware, summaryFields, type UploadProgress } from './summaries';

export type { UploadProgress } from './summaries';

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
  /** When it was first submitted here or on another device (kept by amendments); absent on older rows. */
  completedAt?: string | null;
  /** The server's receipt time, once sent. */
  receivedAt: string | null;
  problem: Problem | null;
}

/**
 * A value sealed by the vault (src/app/crypto/vault.ts): AES-GCM ciphertext and its random 96-bit
 * IV, under the owner's data key. `plain` only ever under the browser tests' plaintext switch.
 */
export type Sealed = { iv: Uint8Array; data: ArrayBuffer } | { plain: string | Blob };

/**
 * A record's fields sealed as its small `head` (what lists show) and its `body` (issue 14). The
 * reviewer's decision stays in the clear (retention and lists need it) but for its comment, which
 * is sealed in the head.
 */
export type RecordHead = Pick<LocalRecord, 'subjectName' | 'details'> & { reviewComment?: string | null };
export type RecordContent = Pick<
  LocalRecord,
  | 'answers'
  | 'sectionRatings'
  | 'overallRating'
  | 'ratingOverrides'
  | 'actions'
  | 'actionChecks'
  | 'signatures'
  | 'briefingSnapshot'
>;

/**
 * A record as the table holds it: the fields indexes, lists and sync need in the clear (`review`
 * with its comment blanked), `head` and `body` sealed, and `edits`, counted up by every write, so a
 * write prepared outside a transaction can tell inside it whether another writer got there first.
 * Rows written before schema v6 hold every field in the clear until their owner next unlocks
 * (records/sealed-record.ts).
 */
export type StoredRecord = Omit<LocalRecord, 'subjectName' | 'details' | keyof RecordContent> & {
  edits?: number;
  head?: Sealed;
  body?: Sealed;
  /** The answers, sealed in parts by item id (the rest of the body is in `body`). */
  answerParts?: Sealed[];
} & Partial<Pick<LocalRecord, 'subjectName' | 'details'> & RecordContent>;

/**
 * A record's summary (issue 16, storage/summaries.ts): what lists, upload progress and pull read
 * instead of the whole record. Its clear fields, edit count and the same sealed head, written with
 * the record in one transaction by every writer.
 */
export type StoredSummary = Pick<
  StoredRecord,
  | 'id'
  | 'ownerId'
  | 'status'
  | 'revision'
  | 'baseRevision'
  | 'templateId'
  | 'templateVersion'
  | 'kind'
  | 'assignmentId'
  | 'review'
  | 'startedAt'
  | 'updatedAt'
  | 'submittedAt'
  | 'completedAt'
  | 'receivedAt'
  | 'problem'
  | 'edits'
> & {
  /** The record's sealed head (who or what it is about, the details): the same ciphertext. */
  head?: Sealed;
  /**
   * A row from before encryption holds its name and details in the clear on the record only:
   * lists read that record whole until its owner next unlocks and it is sealed.
   */
  legacy?: true;
  /** While queued: files and bytes its body names, and those acknowledged; absent when not known (queued before v7). */
  progress?: UploadProgress | null;
};

/** The summary of a stored record; `previous` (the one it replaces) keeps the upload progress of the same revision. */
export const summaryOf = (row: StoredRecord, previous?: StoredSummary | null): StoredSummary =>
  summaryFields(row as unknown as Record<string, unknown>, previous) as unknown as StoredSummary;

/**
 * An outbox entry as the device stores it: the sync engine's OutboxEntry (sync/engine.ts; the
 * storage zone may not import the sync core, so its fields are repeated here and outbox-store.ts
 * checks the two agree) plus what only the device keeps: whether it waits or needs attention,
 * the last problem, and when it was queued.
 */
export type StoredOutboxEntry = Omit<OutboxEntry, 'seq' | 'uploaded' | 'body'> & {
  /** Given by the table when the entry is added. */
  seq?: number;
  /** The body, sealed under its owner's key (schema v6); `body` only on entries queued before. */
  sealedBody?: Sealed;
  body?: OutboxEntry['body'];
  /**
   * The person who submitted it (its record's ownerId, schema v5): it is sent only under their
   * server session, and held on the device, unseen and unsent, while someone else signs in.
   */
  ownerId: string;
  /** Absent on entries queued before schema v4. */
  uploaded?: string[];
  state: 'pending' | 'attention';
  lastProblem: Problem | null;
  enqueuedAt: number;
};

/** A photo or signature held on the device, named by the SHA-256 of its bytes (issue 5). */
export interface StoredFile {
  sha256: string;
  /** The bytes and thumbnail sealed under the owner's key (schema v6; evidence/photo-store.ts opens them). */
  sealed?: { blob: Sealed; thumbnail: Sealed | null };
  /** Files stored before schema v6: the bytes in the clear until their owner next unlocks. */
  blob?: Blob;
  type: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: number;
  /** A small JPEG for lists and the form; null for signatures (small already). Before v6 only. */
  thumbnail?: Blob | null;
  /** The record that added it (files are shared when two records hold the same bytes). */
  recordId: string;
  /** The person whose record added it (schema v5): kept with their held work, removed with their data. */
  ownerId: string;
  addedAt: number;
}

/**
 * A briefing as the table holds it: which provider, when the server compiled it and whose key
 * seals it in the clear; the rest (intelligence included) sealed. Rows from before v6 are whole.
 */
export type StoredBriefing = Pick<Briefing, 'providerId' | 'compiledAt'> & {
  ownerId?: string;
  sealed?: Sealed;
} & Partial<Briefing>;

/** An assignment as the table holds it: the office's notes sealed (`notes` only before v6). */
export type StoredAssignment = Omit<Assignment, 'notes'> & { notes?: string; ownerId?: string; sealedNotes?: Sealed };

/** One way to unwrap a person's data key (crypto/vault.ts): with their password, their PIN, or the server's unlock key. */
export type KeyWrap = {
  kind: 'password' | 'pin' | 'server';
  /** PBKDF2 salt and iterations (password and PIN). */
  salt?: Uint8Array;
  iterations?: number;
  iv: Uint8Array;
  data: ArrayBuffer;
};

/** A person's data key on this device, wrapped; it holds no secret in the clear. */
export interface KeyringEntry {
  userId: string;
  wraps: KeyWrap[];
  /** Wrong unlock tries since the last unlock; the device is wiped at the council's limit. */
  failedTries: number;
  /** Set once nothing of this person's is left in the clear from before v6 (crypto/seal-legacy.ts). */
  sealedAll?: boolean;
}

export class QaDatabase extends Dexie {
  records!: Table<StoredRecord, string>;
  outbox!: Table<StoredOutboxEntry, number>;
  templates!: Table<Template, [string, number]>;
  providers!: Table<Provider, string>;
  briefings!: Table<StoredBriefing, string>;
  assignments!: Table<StoredAssignment, string>;
  files!: Table<StoredFile, string>;
  keyring!: Table<KeyringEntry, string>;
  summaries!: Table<StoredSummary, string>;

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
    // v5: every outbox entry and file names its person (issue 14), copied from the record it
    // belongs to; records are indexed by person and status (held work is counted, not read).
    // Nothing is dropped: an entry or file whose record is gone keeps no owner unless every
    // record on the device has the same one.
    this.version(5)
      .stores({
        records: 'id, status, updatedAt, ownerId, [ownerId+status]',
        outbox: '++seq, &[recordId+revision], state, ownerId, [ownerId+state]',
        files: 'sha256, recordId, ownerId',
      })
      .upgrade(async (tx) => {
        const owners = new Map<string, string>();
        await tx
          .table('records')
          .toCollection()
          .each((record: { id: string; ownerId: string }) => void owners.set(record.id, record.ownerId));
        const everyone = new Set(owners.values());
        const only = everyone.size === 1 ? [...everyone][0] : undefined;
        const own = (row: { recordId: string; ownerId?: string }) => {
          const owner = owners.get(row.recordId) ?? only;
          if (row.ownerId === undefined && owner !== undefined) row.ownerId = owner;
        };
        await tx.table('outbox').toCollection().modify(own);
        await tx.table('files').toCollection().modify(own);
      });
    // v6: the keyring of wrapped data keys (issue 14). Adds a table only: an upgrade has no key to
    // encrypt with, so rows written in the clear are sealed when their owner next unlocks.
    this.version(6).stores({ keyring: 'userId' });
    // v7: a summary per record (issue 16, storage/summaries.ts), what lists, upload progress and
    // pull read instead of whole records; kept in step with its record by a middleware, in the
    // same transaction. Built here for every record on the device (adds a table; records untouched).
    // Upload progress of entries queued before is not known (their bodies are sealed): lists work
    // it out from the entry, as before.
    this.version(7)
      .stores({ summaries: 'id, ownerId, [ownerId+status], [ownerId+updatedAt]' })
      .upgrade(async (tx) => {
        const summaries: StoredSummary[] = [];
        await tx
          .table('records')
          .toCollection()
          .each((row: StoredRecord) => void summaries.push(summaryOf(row)));
        await tx.table('summaries').bulkPut(summaries);
      });
    this.use(summariesMiddleware);
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
