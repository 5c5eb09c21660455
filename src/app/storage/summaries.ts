// Record summaries (issue 16): one small row per record, what lists, upload progress and pull read
// instead of the full record (~10 kB, with its briefing snapshot). A summary holds the record's
// clear fields (status, times, problem, review without its comment, kind, template, revision), its
// edit count, the very ciphertext of its sealed `head` (the same Sealed object: nothing new is
// encrypted or left in the clear) and, while it is queued, its upload progress.
//
// Invariant: a summary is written in the same transaction as its record, by every writer. That is
// held here, below every store, by a Dexie middleware: any read-write transaction that includes
// `records` also takes `summaries`, and every put, add or delete of records writes or deletes the
// summaries of the same keys. Upload progress is the one field only the summary has: a write of the
// same revision keeps it. Rows put into IndexedDB behind Dexie's back (tests, an old tab) get their
// summaries from repairSummaries (records/queries.ts calls it when the keys disagree).
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/** How much of a queued record's photos and signatures the server has acknowledged. */
export type UploadProgress = { filesSent: number; files: number; bytesSent: number; bytes: number };

/** The clear fields a summary copies: a whitelist, so nothing sealed or personal is copied by accident. */
export const SUMMARY_KEYS = [
  'id',
  'ownerId',
  'status',
  'revision',
  'baseRevision',
  'templateId',
  'templateVersion',
  'kind',
  'assignmentId',
  'startedAt',
  'updatedAt',
  'submittedAt',
  'completedAt',
  'receivedAt',
  'problem',
  'edits',
] as const;

type Row = Record<string, unknown> & { revision?: unknown };
type Summary = Record<string, unknown> & { revision?: unknown; progress?: UploadProgress | null };

/**
 * The summary of a stored record (StoredSummary in database.ts, which types it); `previous` (the
 * summary it replaces) gives the upload progress of the same revision.
 */
export function summaryFields(row: Row, previous?: Summary | null): Summary {
  const summary: Summary = {};
  for (const key of SUMMARY_KEYS) if (row[key] !== undefined) summary[key] = row[key];
  // The reviewer's decision stays in the clear, its comment only in the sealed head.
  const review = row.review as Record<string, unknown> | null | undefined;
  summary.review = review ? { ...review, comment: '' } : null;
  if (row.head !== undefined && row.body !== undefined) summary.head = row.head;
  else summary.legacy = true;
  if (previous && previous.revision === row.revision && previous.progress !== undefined)
    summary.progress = previous.progress;
  return summary;
}

const RECORDS = 'records';
const SUMMARIES = 'summaries';

/** Whether the transaction's scope holds the summaries table (not in upgrades to versions before it). */
function hasSummaries(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames as DOMStringList | undefined;
  return names !== undefined && names.contains(SUMMARIES);
}

function summaryWriter(down: DBCore, records: DBCoreTable): DBCoreTable {
  return {
    ...records,
    async mutate(req: DBCoreMutateRequest) {
      if (!hasSummaries(req.trans)) return records.mutate(req);
      const summaries = down.table(SUMMARIES);
      if (req.type === 'deleteRange') {
        const res = await records.mutate(req);
        await summaries.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
        return res;
      }
      if (req.type === 'delete') {
        const res = await records.mutate(req);
        await summaries.mutate({ type: 'delete', trans: req.trans, keys: req.keys });
        return res;
      }
      const values = req.values as Row[];
      const [res, previous] = await Promise.all([
        records.mutate(req),
        summaries.getMany({ trans: req.trans, keys: values.map((v) => v.id) }) as Promise<Array<Summary | undefined>>,
      ]);
      const written: Summary[] = [];
      values.forEach((value, at) => {
        if (res.failures[at] === undefined) written.push(summaryFields(value, previous[at]));
      });
      if (written.length > 0) await summaries.mutate({ type: 'put', trans: req.trans, values: written });
      return res;
    },
  };
}

/** The Dexie middleware that keeps every record's summary in step with it (see above). */
export const summariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RecordSummaries',
  create(down: DBCore): Partial<DBCore> {
    const known = () => down.schema.tables.some((t) => t.name === SUMMARIES);
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(RECORDS) && !stores.includes(SUMMARIES) && known()
            ? [...stores, SUMMARIES]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name: string) {
        const table = down.table(name);
        return name === RECORDS ? summaryWriter(down, table) : table;
      },
    };
  },
};
