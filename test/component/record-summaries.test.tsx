// Record summaries (issue 16, src/app/storage/summaries.ts): every record has one, written in the
// same transaction as the record by every writer (the store, the outbox, pull, deletions), holding
// nothing sealed in the clear (the same head ciphertext); lists read them, and put right records
// written behind Dexie's back. The upgrade to v7 builds them for every record on the device.
import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { db, deleteDatabase, type StoredSummary } from '../../src/app/storage/database';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { amendRecord, returnToDraft, submitRecord } from '../../src/app/records/record-store';
import { listVisits } from '../../src/app/records/queries';
import { A, putRecord } from './device-fixtures';
import { answerEverything, officer, resetDevice, startQmfVisit, storeTemplate } from './helpers';

const store = createOutboxStore(officer.id);
const SENTINEL = 'Sentinel Lodge 7f3a';

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
});

const summary = (id: string) => db().summaries.get(id);

describe('record summaries', () => {
  it('follow a record from draft to sent, in the same transaction, sealed as the record is', async () => {
    const id = await startQmfVisit({ providerName: SENTINEL });
    const draft = await summary(id);
    const row = await db().records.get(id);
    expect(draft).toMatchObject({ id, ownerId: officer.id, status: 'draft', revision: 1, kind: 'visit' });
    // The head is the record's own ciphertext; nothing personal is copied in the clear.
    expect(draft?.head).toEqual(row?.head);
    expect(draft).not.toHaveProperty('subjectName');
    expect(draft).not.toHaveProperty('details');
    expect(JSON.stringify(draft)).not.toContain(SENTINEL);

    await answerEverything(id);
    expect((await summary(id))?.edits).toBe((await db().records.get(id))?.edits);
    await submitRecord(id);
    // Queued with what its body names: no photos, so no progress to show.
    expect(await summary(id)).toMatchObject({ status: 'queued', progress: null, problem: null });

    const [entry] = await store.pending();
    await store.markAttention(entry!, { status: 422, code: 'invalid', message: 'Check the answers' });
    expect(await summary(id)).toMatchObject({ status: 'attention', problem: { code: 'invalid' } });
    await returnToDraft(id);
    await submitRecord(id);
    const [again] = await store.pending();
    await store.markSent([{ entry: again!, receipt: { status: 201, receivedAt: '2026-06-04T14:05:00.000Z' } }]);
    expect(await summary(id)).toMatchObject({ status: 'sent', receivedAt: '2026-06-04T14:05:00.000Z' });

    await amendRecord(id);
    expect(await summary(id)).toMatchObject({ status: 'draft', revision: 2, baseRevision: 1 });
  });

  it('upload progress lives in the summary, counted as the files are acknowledged', async () => {
    const id = await startQmfVisit();
    await answerEverything(id);
    await submitRecord(id);
    const [entry] = await store.pending();
    // A body naming two files (the store works out sizes from the body it is given).
    const photo = (c: string, bytes: number) => ({
      sha256: c.repeat(64),
      type: 'image/jpeg' as const,
      bytes,
      caption: '',
    });
    const body = structuredClone(entry!.body);
    const first = Object.keys(body.answers)[0]!;
    body.answers[first] = { ...body.answers[first]!, attachments: [photo('a', 1000), photo('b', 3000)] };
    await db().summaries.update(id, { progress: { filesSent: 0, files: 2, bytesSent: 0, bytes: 4000 } });
    await store.markUploaded({ ...entry!, body }, 'b'.repeat(64));
    expect((await summary(id))?.progress).toEqual({ filesSent: 1, files: 2, bytesSent: 3000, bytes: 4000 });
    expect((await db().outbox.get(entry!.seq))?.uploaded).toEqual(['b'.repeat(64)]);
  });

  it('go with their records, whoever deletes them', async () => {
    const id = await startQmfVisit();
    await db().records.delete(id);
    expect(await summary(id)).toBeUndefined();
    await startQmfVisit();
    await db().records.where('ownerId').equals(officer.id).delete();
    expect(await db().summaries.count()).toBe(0);
    await startQmfVisit();
    await db().records.clear();
    expect(await db().summaries.count()).toBe(0);
  });

  it('a transaction that fails writes neither record nor summary', async () => {
    const id = await startQmfVisit();
    const before = await summary(id);
    await expect(
      db().transaction('rw', db().records, async () => {
        await db().records.update(id, { updatedAt: 42 });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await summary(id)).toEqual(before);
  });

  it('lists records written behind Dexie’s back, and puts their summaries right', async () => {
    const kept = await startQmfVisit({ providerName: 'Kept House' });
    // A row put straight into IndexedDB (as an old tab or a test does), in the clear; and a record
    // deleted the same way, leaving its summary behind.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('qa-visits');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const legacy = await putRecord('raw-1', officer.id, { status: 'sent' }).then(async (r) => {
      await db().summaries.delete(r.id);
      return r;
    });
    const gone = await startQmfVisit({ providerName: 'Gone House' });
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('records', 'readwrite');
      tx.objectStore('records').delete(gone);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    raw.close();

    const listed = await listVisits(officer.id);
    expect(listed.map((v) => v.subjectName).sort()).toEqual([legacy.subjectName, 'Kept House'].sort());
    await expect.poll(async () => (await summary('raw-1'))?.legacy).toBe(true);
    await expect.poll(async () => summary(gone)).toBeUndefined();
    expect((await summary(kept))?.status).toBe('draft');
  });

  it('another person’s records are not listed, nor opened', async () => {
    await putRecord('theirs', A, { status: 'queued' });
    await startQmfVisit({ providerName: 'Mine' });
    expect((await listVisits(officer.id)).map((v) => v.subjectName)).toEqual(['Mine']);
  });
});

describe('upgrading to v7', () => {
  it('builds a summary for every record, keeping every record and entry', async () => {
    await deleteDatabase();
    const old = new Dexie('qa-visits');
    old.version(6).stores({
      records: 'id, status, updatedAt, ownerId, [ownerId+status]',
      outbox: '++seq, &[recordId+revision], state, ownerId, [ownerId+state]',
      templates: '[id+version], id',
      providers: 'id, name',
      briefings: 'providerId',
      assignments: 'id, providerId, dueDate',
      files: 'sha256, recordId, ownerId',
      keyring: 'userId',
    });
    await old.open();
    const base = {
      revision: 1,
      baseRevision: null,
      templateId: 'qmf-care-home',
      templateVersion: 1,
      kind: 'visit',
      startedAt: '2026-06-04T09:00:00Z',
      submittedAt: null,
      receivedAt: null,
      problem: null,
    };
    const sealedPart = { iv: new Uint8Array(12), data: new ArrayBuffer(16) };
    await old.table('records').bulkAdd([
      // Sealed (v6): the clear fields, head and body.
      {
        ...base,
        id: 's1',
        ownerId: 'u1',
        status: 'queued',
        updatedAt: 2,
        edits: 3,
        head: sealedPart,
        body: sealedPart,
        review: { status: 'returned', reviewerName: 'Q', comment: '', decidedAt: 'x' },
      },
      // From before encryption: every field in the clear.
      {
        ...base,
        id: 'c1',
        ownerId: 'u1',
        status: 'draft',
        updatedAt: 1,
        subjectName: SENTINEL,
        details: { providerId: 'p1', date: '2026-06-04', announced: true, spokeWith: 'Manager' },
        answers: {},
        review: { status: 'returned', reviewerName: 'Q', comment: 'Personal words', decidedAt: 'x' },
      },
    ]);
    await old.table('outbox').add({ recordId: 's1', revision: 1, ownerId: 'u1', state: 'pending', attempts: 0 });
    old.close();

    const summaries = (await db().summaries.toArray()) as StoredSummary[];
    expect(summaries.map((s) => [s.id, s.status, s.legacy ?? false])).toEqual([
      ['c1', 'draft', true],
      ['s1', 'queued', false],
    ]);
    const sealed = summaries.find((s) => s.id === 's1')!;
    expect(sealed.edits).toBe(3);
    expect(sealed.head).toBeDefined();
    // Progress of an entry queued before v7 is not known (lists work it out from the entry).
    expect(sealed).not.toHaveProperty('progress');
    const clear = JSON.stringify(summaries.find((s) => s.id === 'c1'));
    expect(clear).not.toContain(SENTINEL);
    expect(clear).not.toContain('Personal words');
    expect(await db().records.count()).toBe(2);
    expect(await db().outbox.count()).toBe(1);
    expect(await db().summaries.where('[ownerId+status]').equals(['u1', 'queued']).primaryKeys()).toEqual(['s1']);
  });
});
