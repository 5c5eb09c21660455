// Records, outbox bodies, briefings and files sealed at rest (issue 14), over the real stores and
// fake-indexeddb: nothing the person wrote is in a stored row in the clear; the optimistic
// updateDraft (sealed outside the transaction, written only if the row is unchanged) still never
// loses an edit, whether the writers are in this tab or another; the outbox hands the sync
// engine opened bodies, and nothing while the app is locked.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { db, QaDatabase, type StoredRecord } from '../../src/app/storage/database';
import {
  addGroupRow,
  removeAction,
  removeGroupRow,
  saveAction,
  saveActionCheck,
  saveAnswer,
  saveOverrideReason,
  saveRating,
  saveRowAnswer,
} from '../../src/app/records/answer-store';
import type { RaisedAction } from '../../src/shared/records/schema';
import { saveDetails, submitRecord, updateDraft } from '../../src/app/records/record-store';
import { openRecord } from '../../src/app/records/sealed-record';
import { sealRecord } from '../../src/app/records/record-seal';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { applyPull } from '../../src/app/sync/pull';
import { useBriefing } from '../../src/app/briefings/queries';
import { lockVault } from '../../src/app/crypto/vault';
import { unlockWithSecret } from '../../src/app/crypto/keyring';
import { openFile } from '../../src/app/evidence/file-open';
import { saveSignature } from '../../src/app/evidence/signature-store';
import type { PullResponse } from '../../src/shared/sync/schema';
import type { Briefing } from '../../src/shared/briefings/register';
import { answerEverything, officer, record, resetDevice, startQmfVisit, storeTemplate, TEST_PASSWORD } from './helpers';

const SENTINEL = 'SENTINEL-7f3a9c';

/** Every string and byte of a stored row, as text, to look for plaintext in. */
function asText(value: unknown): string {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return new TextDecoder('latin1').decode(value);
  if (Array.isArray(value)) return value.map(asText).join('|');
  if (value && typeof value === 'object') return Object.values(value).map(asText).join('|');
  return String(value);
}

const action = (id: string): RaisedAction => ({
  id,
  itemId: null,
  title: 'Fix the rota',
  detail: '',
  significance: 'routine',
  owner: 'provider',
  dueDate: '2026-07-01',
});

const rawRecord = (id: string) => db().records.get(id) as Promise<StoredRecord>;

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
});

describe('a record at rest', () => {
  it('keeps only what indexes and lists need in the clear', async () => {
    const id = await startQmfVisit({ providerName: `Oakwood ${SENTINEL}` });
    await saveAnswer(id, 'staffing-rota', { value: 'partly-met', note: `Rota short ${SENTINEL}` });
    const row = await rawRecord(id);
    expect(Object.keys(row).sort()).toEqual(
      [
        'answerParts',
        'assignmentId',
        'baseRevision',
        'body',
        'edits',
        'head',
        'id',
        'kind',
        'ownerId',
        'problem',
        'receivedAt',
        'review',
        'revision',
        'startedAt',
        'status',
        'submittedAt',
        'templateId',
        'templateVersion',
        'updatedAt',
      ].sort(),
    );
    expect(asText(row)).not.toContain(SENTINEL);
    expect(asText(row)).not.toContain('Rota short');
    expect((await record(id))?.answers['staffing-rota']).toEqual({
      value: 'partly-met',
      note: `Rota short ${SENTINEL}`,
    });
    expect((await record(id))?.subjectName).toBe(`Oakwood ${SENTINEL}`);
  });

  it('seals the outbox body, and pending() hands the engine the opened body — none while locked', async () => {
    const id = await startQmfVisit();
    await answerEverything(id);
    await saveAnswer(id, 'staffing-rota', { value: 'met', note: SENTINEL });
    await submitRecord(id);
    const [row] = await db().outbox.toArray();
    expect(row).toMatchObject({ recordId: id, ownerId: officer.id, state: 'pending' });
    expect(row).not.toHaveProperty('body');
    expect(asText(row)).not.toContain(SENTINEL);

    const store = createOutboxStore(officer.id);
    const [entry] = await store.pending();
    expect(entry?.body.answers['staffing-rota']).toEqual({ value: 'met', note: SENTINEL });

    await lockVault();
    expect(await store.pending()).toEqual([]);
    await unlockWithSecret(officer.id, 'password', TEST_PASSWORD);
    expect((await store.pending()).map((e) => e.recordId)).toEqual([id]);
  });

  it('seals signatures and photos: the bytes open again only with the key', async () => {
    const id = await startQmfVisit();
    const png = new Blob([new TextEncoder().encode(`PNG ${SENTINEL}`)], { type: 'image/png' });
    await saveSignature(id, png, { role: 'provider-manager', name: 'Pat Jones' });
    const [file] = await db().files.toArray();
    expect(file).toMatchObject({ type: 'image/png', bytes: png.size, recordId: id, ownerId: officer.id });
    expect(file).not.toHaveProperty('blob');
    expect(asText(file)).not.toContain(SENTINEL);
    expect(new TextDecoder().decode(await (await openFile(file!, 'full'))!.arrayBuffer())).toBe(`PNG ${SENTINEL}`);
    expect((await record(id))?.signatures?.[0]).toMatchObject({ name: 'Pat Jones', sha256: file!.sha256 });
    await lockVault();
    expect(await openFile(file!, 'full')).toBeNull();
  });
});

describe('updateDraft, optimistic', () => {
  it('loses nothing when many edits from this tab overlap', async () => {
    const id = await startQmfVisit();
    const items = Array.from({ length: 30 }, (_, n) => `item-${n}`);
    const rowIds = await Promise.all([
      ...items.map((item) => saveAnswer(id, item, { value: 'met', note: `note ${item}` }).then(() => null)),
      addGroupRow(id, 'group-a'),
      addGroupRow(id, 'group-a'),
      saveDetails(id, { providerId: 'prov-oakwood', date: '2026-06-05', announced: false, spokeWith: 'Deputy' }, 'Oak'),
    ]);
    const rows = rowIds.filter((r): r is string => typeof r === 'string');
    await Promise.all(rows.map((rowId) => saveRowAnswer(id, 'group-a', rowId, 'who', { value: rowId, note: '' })));
    const stored = (await record(id))!;
    for (const item of items) expect(stored.answers[item]).toEqual({ value: 'met', note: `note ${item}` });
    expect(stored.answers['group-a']?.rows?.map((r) => r.answers['who']?.value).sort()).toEqual(rows.sort());
    expect(stored.subjectName).toBe('Oak');
    expect((await rawRecord(id)).edits).toBe(1 + items.length + 2 + 1 + 2);
  });

  it('keeps an edit another tab made between this tab reading the draft and writing it', async () => {
    const id = await startQmfVisit();
    await saveAnswer(id, 'first', { value: 'met', note: 'this tab' });

    // Another tab (its own connection) writes the draft; this tab's cache still holds the older copy.
    const otherTab = new QaDatabase();
    const theirs = await openRecord((await otherTab.records.get(id))!);
    const changed = structuredClone(theirs);
    changed.answers['second'] = { value: 'not-met', note: 'other tab' };
    const before = (await otherTab.records.get(id))!;
    const { row } = await sealRecord(changed, (before.edits ?? 0) + 1);
    await otherTab.records.put(row);
    otherTab.close();

    await saveAnswer(id, 'third', { value: 'partly-met', note: 'this tab again' });
    const stored = (await record(id))!;
    expect(stored.answers['first']?.note).toBe('this tab');
    expect(stored.answers['second']?.note).toBe('other tab');
    expect(stored.answers['third']?.note).toBe('this tab again');
  });

  it('never changes a copy of the record already handed out (changes work on their own copy)', async () => {
    const id = await startQmfVisit();
    const rowId = await addGroupRow(id, 'group-a');
    await saveRowAnswer(id, 'group-a', rowId, 'who', { value: 'AB', note: '' });
    await saveAnswer(id, 'staffing-rota', { value: 'met', note: 'before' });
    await saveRating(id, 'staffing', 'green', false);
    await saveAction(id, action('a1'));
    await saveActionCheck(id, { actionId: 'old-1', status: 'done', evidence: 'seen' });
    await saveSignature(id, new Blob(['png'], { type: 'image/png' }), { role: 'provider-manager', name: 'Pat' });
    const shown = (await record(id))!;
    const snapshot = JSON.stringify(shown);

    await saveAnswer(id, 'staffing-rota', { value: 'not-met', note: 'after' });
    await saveRowAnswer(id, 'group-a', rowId, 'who', { value: 'CD', note: 'changed' });
    await addGroupRow(id, 'group-a');
    await removeGroupRow(id, 'group-a', rowId);
    await saveRating(id, 'staffing', 'red', false);
    await saveRating(id, 'overall', 'amber', true);
    await saveOverrideReason(id, 'staffing', 'green', 'Worse than it looks');
    await saveAction(id, { ...action('a1'), title: 'Changed' });
    await saveAction(id, action('a2'));
    await removeAction(id, 'a2');
    await saveActionCheck(id, { actionId: 'old-1', status: 'open', evidence: '' });
    await saveSignature(id, new Blob(['png2'], { type: 'image/png' }), { role: 'provider-manager', name: 'Sam' });
    await saveDetails(id, { providerId: 'prov-oakwood', date: '2026-06-09', announced: false, spokeWith: 'X' }, 'Y');

    expect(JSON.stringify(shown)).toBe(snapshot);
    const now = (await record(id))!;
    expect(now.answers['staffing-rota']?.note).toBe('after');
    expect(now.answers['group-a']?.rows?.map((r) => r.id)).not.toContain(rowId);
    expect(now.actions.map((a) => a.title)).toEqual(['Changed']);
    expect(now.signatures?.[0]?.name).toBe('Sam');
    expect(now.subjectName).toBe('Y');
  });

  it('writes nothing when the change says so, and refuses a draft that is no longer a draft', async () => {
    const id = await startQmfVisit();
    const before = await rawRecord(id);
    await updateDraft(id, () => false);
    expect(await rawRecord(id)).toEqual(before);
    await answerEverything(id);
    await submitRecord(id);
    await expect(saveAnswer(id, 'staffing-rota', { value: 'not-met', note: '' })).rejects.toThrow(
      /no longer be changed/,
    );
  });
});

describe('briefings at rest', () => {
  it('are sealed when pulled and open for the person who pulled them', async () => {
    const briefing = {
      providerId: 'prov-oakwood',
      compiledAt: '2026-06-01T09:00:00.000Z',
      intelligence: [{ summary: `Safeguarding referral ${SENTINEL}` }],
    } as unknown as Briefing;
    const pull: PullResponse = {
      cursor: 'c1',
      full: true,
      templates: [],
      providers: [],
      briefings: [briefing],
      assignments: [],
      removed: { providers: [] },
      scope: { briefings: ['prov-oakwood'], assignments: [] },
      pinned: [],
      settings: { briefingStaleDays: 7 },
      returned: [],
    };
    await applyPull(pull);
    const row = await db().briefings.get('prov-oakwood');
    expect(row).toMatchObject({ providerId: 'prov-oakwood', compiledAt: briefing.compiledAt, ownerId: officer.id });
    expect(asText(row)).not.toContain(SENTINEL);

    function Shows() {
      const b = useBriefing('prov-oakwood') as { intelligence?: Array<{ summary: string }> } | null | undefined;
      return <p>{b === undefined ? 'loading' : (b?.intelligence?.[0]?.summary ?? 'none')}</p>;
    }
    render(<Shows />);
    await screen.findByText(`Safeguarding referral ${SENTINEL}`);
    // The visit started from it carries the snapshot, sealed in the record's body.
    const id = await startQmfVisit();
    expect(JSON.stringify((await record(id))?.briefingSnapshot)).toContain(SENTINEL);
    expect(asText(await rawRecord(id))).not.toContain(SENTINEL);
  });
});
