// The upgrade to encryption at rest (issue 14, schema v6): the schema upgrade cannot encrypt (no
// key exists then), so a device updated with drafts, queued entries, photos and briefings stored
// in the clear keeps them all readable, and seals them when their owner first unlocks — without
// losing a draft or an outbox entry, or an edit made meanwhile.
import { beforeEach, expect, it } from 'vitest';
// Node's Blob: fake-indexeddb stores it through structuredClone, as a browser stores its own.
import { Blob as NodeBlob } from 'node:buffer';
import { db, type StoredRecord } from '../../src/app/storage/database';
import { forgetKeys } from '../../src/app/crypto/vault';
import { sealLegacyRows } from '../../src/app/crypto/seal-legacy';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { openFile } from '../../src/app/evidence/file-open';
import { openBriefing } from '../../src/app/briefings/sealed-briefing';
import { saveAnswer } from '../../src/app/records/answer-store';
import { record, unlockAs } from './helpers';
import { clearEntry, clearFile, clearRecord, openOldDevice } from './old-device';

const OWNER = { id: 'u1' };
const NOTE = 'Two night shifts short SENTINEL-legacy';

function asText(value: unknown): string {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return new TextDecoder('latin1').decode(value);
  if (value instanceof Blob) return '[blob]';
  if (Array.isArray(value)) return value.map(asText).join('|');
  if (value && typeof value === 'object') return Object.values(value).map(asText).join('|');
  return String(value);
}

/** A device as release v5 left it: every field in the clear. */
async function v5Device(): Promise<void> {
  const old = await openOldDevice(5);
  await old
    .table('records')
    .bulkAdd([
      clearRecord('draft-1', OWNER.id, 'draft', { answers: { 'staffing-rota': { value: 'partly-met', note: NOTE } } }),
      clearRecord('queued-1', OWNER.id, 'queued', { submittedAt: '2026-06-04T10:00:00Z', answers: {} }),
    ]);
  await old.table('outbox').add(
    clearEntry('queued-1', {
      ownerId: OWNER.id,
      body: { id: 'queued-1', answers: { x: { value: 'met', note: NOTE } } },
    }),
  );
  await old.table('files').add(
    clearFile('ab'.repeat(32), 'draft-1', {
      blob: new NodeBlob([NOTE], { type: 'image/jpeg' }) as unknown as Blob,
      bytes: NOTE.length,
      ownerId: OWNER.id,
    }),
  );
  await old.table('briefings').add({ providerId: 'p1', compiledAt: '2026-06-01T00:00:00Z', summary: NOTE });
  old.close();
}

beforeEach(async () => {
  forgetKeys();
  await v5Device();
});

it('keeps clear rows readable through the v6 upgrade and seals them at the first unlock', async () => {
  // Upgraded and unlocked: the rows are still as they were, and readable.
  await unlockAs(OWNER);
  expect(db().verno).toBeGreaterThanOrEqual(6);
  expect((await db().records.get('draft-1'))?.answers).toBeDefined();
  expect((await record('draft-1'))?.answers['staffing-rota']?.note).toBe(NOTE);

  await sealLegacyRows(OWNER.id);

  for (const table of [db().records, db().outbox, db().files, db().briefings])
    expect(asText(await table.toArray())).not.toContain('SENTINEL');
  const draft = (await db().records.get('draft-1')) as StoredRecord;
  expect(draft).not.toHaveProperty('answers');
  expect(draft).not.toHaveProperty('subjectName');
  expect(draft.edits).toBe(1);
  expect(await record('draft-1')).toMatchObject({
    status: 'draft',
    subjectName: 'Oakwood House',
    answers: { 'staffing-rota': { value: 'partly-met', note: NOTE } },
  });
  const pending = await createOutboxStore(OWNER.id).pending();
  expect(pending.map((e) => [e.recordId, e.body.answers])).toEqual([['queued-1', { x: { value: 'met', note: NOTE } }]]);
  const [file] = await db().files.toArray();
  expect(await (await openFile(file!, 'full'))!.text()).toBe(NOTE);
  expect(await openBriefing(await db().briefings.get('p1'))).toMatchObject({ providerId: 'p1', summary: NOTE });
  expect(await db().records.count()).toBe(2);
  expect(await db().outbox.count()).toBe(1);

  // Editing the sealed draft carries on from the sealed copy.
  await saveAnswer('draft-1', 'staffing-supervision', { value: 'met', note: 'after' });
  expect(Object.keys((await record('draft-1'))!.answers).sort()).toEqual(['staffing-rota', 'staffing-supervision']);
});

it('once everything is sealed, says so in the keyring and does not read every row again at the next unlock', async () => {
  await unlockAs(OWNER);
  await sealLegacyRows(OWNER.id);
  expect((await db().keyring.get(OWNER.id))?.sealedAll).toBe(true);
  // A row written in the clear afterwards (only tests do that) is read as it is, and left.
  await db().records.put({ ...((await record('draft-1')) as StoredRecord), id: 'later', edits: undefined });
  await sealLegacyRows(OWNER.id);
  expect(await db().records.get('later')).toHaveProperty('answers');
  expect((await record('later'))?.answers['staffing-rota']?.note).toBe(NOTE);
});

it('never rolls back an edit made to a clear draft while it is being sealed', async () => {
  await unlockAs(OWNER);
  // An edit lands first (written sealed), then the sweep finds nothing left to seal for it.
  const editing = saveAnswer('draft-1', 'staffing-supervision', { value: 'met', note: 'typed during' });
  const sweeping = sealLegacyRows(OWNER.id);
  await Promise.all([editing, sweeping]);
  expect((await record('draft-1'))?.answers).toEqual({
    'staffing-rota': { value: 'partly-met', note: NOTE },
    'staffing-supervision': { value: 'met', note: 'typed during' },
  });
  expect(asText(await db().records.get('draft-1'))).not.toContain('SENTINEL');
});

it('leaves another person’s clear rows alone (their key is not in memory)', async () => {
  await unlockAs({ id: 'someone-else' });
  await sealLegacyRows('someone-else');
  expect((await db().records.get('draft-1'))?.answers).toBeDefined();
  expect((await db().outbox.toArray())[0]?.body).toBeDefined();
});
