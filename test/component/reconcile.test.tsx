// Durable acknowledgement (issue 16 item 5): a sent record the server no longer holds (a PGlite
// server that lost what it had not written to disk, one restored from a backup) goes back in the
// outbox with the very body it was first sent with, and out again through the normal engine;
// someone else's sent work on a shared device is never asked about or re-queued.
import { beforeEach, expect, it } from 'vitest';
import { submitRecord } from '../../src/app/records/record-store';
import { requeueSent } from '../../src/app/records/requeue';
import { RECONCILE_KEY, reconcileReceipts, type Request } from '../../src/app/sync/reconcile';
import { deleteValue } from '../../src/app/storage/device-keyval';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { drain, type Transport } from '../../src/app/sync/engine';
import { db } from '../../src/app/storage/database';
import type { RecordBody } from '../../src/shared/records/schema';
import type { ReceiptKey } from '../../src/shared/sync/receipts';
import {
  answerEverything,
  officer,
  otherOfficer,
  outboxFor,
  record,
  resetDevice,
  startQmfVisit,
  storeTemplate,
} from './helpers';
import { putRecord } from './device-fixtures';

/** A server that holds what it was sent (by id:revision), and answers receipts from that. */
function fakeServer(server = 's1') {
  const held = new Set<string>();
  const asked: Array<{ person: string; records: ReceiptKey[] }> = [];
  const bodies: RecordBody[] = [];
  const request: Request = async (method, url, body) => {
    expect(`${method} ${url}`).toBe('POST /api/sync/receipts');
    const ask = body as { person: string; records: ReceiptKey[] };
    asked.push(ask);
    const missing = ask.records.filter((k) => !held.has(`${k.id}:${k.revision}`));
    return { kind: 'response', status: 200, body: { missing, server: state.server } };
  };
  const transport: Transport = {
    async putSubmission(body) {
      bodies.push(body);
      held.add(`${body.id}:${body.revision}`);
      return {
        kind: 'response',
        status: 201,
        body: { id: body.id, revision: body.revision, receivedAt: '2026-12-07T10:00:00.000Z', created: true },
      };
    },
    putAttachment: async () => ({ kind: 'response', status: 201, body: {} }),
  };
  const state = { server, held, asked, bodies, request, transport };
  return state;
}

/** A visit submitted through the real stores and sent by the engine to `server`. */
async function sentVisit(server: ReturnType<typeof fakeServer>): Promise<string> {
  const id = await startQmfVisit();
  await answerEverything(id);
  await submitRecord(id);
  expect((await drain(createOutboxStore(officer.id), server.transport)).sent).toBe(1);
  expect((await record(id))?.status).toBe('sent');
  return id;
}

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
  await deleteValue(RECONCILE_KEY);
});

it('re-queues the sent records the server lost, with the body first sent, and the engine sends them again', async () => {
  const server = fakeServer();
  const kept = await sentVisit(server);
  const lost = await sentVisit(server);
  const firstBody = server.bodies.find((b) => b.id === lost)!;
  // Someone else's sent work on this shared device, and their queued work: never asked about.
  await putRecord('theirs', otherOfficer.id, { status: 'sent' });
  // The server is restored from a copy taken before `lost` arrived, and starts again.
  server.held.delete(`${lost}:1`);
  server.server = 's2';

  const outcome = await reconcileReceipts(officer.id, 's2', server.request);
  expect(outcome).toEqual({ kind: 'done', asked: 2, requeued: 1 });
  expect(server.asked).toHaveLength(1);
  expect(server.asked[0]!.person).toBe(officer.id);
  expect(server.asked[0]!.records.map((k) => k.id).sort()).toEqual([kept, lost].sort());
  expect((await record(lost))?.status).toBe('queued');
  expect((await record(kept))?.status).toBe('sent');
  const [entry] = await outboxFor(lost);
  expect(entry).toMatchObject({ revision: 1, ownerId: officer.id, state: 'pending', attempts: 0 });
  expect(entry!.body).toEqual(firstBody);
  expect((await db().summaries.get(lost))?.status).toBe('queued');

  const again = await drain(createOutboxStore(officer.id), server.transport);
  expect(again).toMatchObject({ sent: 1, attention: 0, result: 'done' });
  expect(server.bodies.filter((b) => b.id === lost)).toEqual([firstBody, firstBody]);
  expect((await record(lost))?.status).toBe('sent');
  expect(await db().outbox.count()).toBe(0);
  expect((await db().records.get('theirs'))?.status).toBe('sent');
});

it('asks again only when due: not of the same server within the hour; of a new server at once', async () => {
  const server = fakeServer();
  await sentVisit(server);
  const now = Date.now();
  expect((await reconcileReceipts(officer.id, 's1', server.request, now)).kind).toBe('done');
  expect(await reconcileReceipts(officer.id, 's1', server.request, now + 60_000)).toEqual({ kind: 'not-due' });
  expect(server.asked).toHaveLength(1);
  server.server = 's2';
  expect(await reconcileReceipts(officer.id, 's2', server.request, now + 120_000)).toEqual({
    kind: 'done',
    asked: 1,
    requeued: 0,
  });
  expect(server.asked).toHaveLength(2);
});

it('leaves the mark unchanged when the server cannot be asked, so the next sync asks again', async () => {
  const server = fakeServer();
  await sentVisit(server);
  const down: Request = async () => ({ kind: 'network-error', message: 'offline' });
  expect((await reconcileReceipts(officer.id, 's1', down)).kind).toBe('failed');
  const refused: Request = async () => ({ kind: 'response', status: 403, body: { error: 'forbidden', message: 'no' } });
  expect((await reconcileReceipts(officer.id, 's1', refused)).kind).toBe('failed');
  expect((await reconcileReceipts(officer.id, 's1', server.request)).kind).toBe('done');
});

it('asks a server from before receipts (404) again only an hour later', async () => {
  const server = fakeServer();
  await sentVisit(server);
  const now = Date.now();
  let asked = 0;
  const older: Request = async () => (asked++, { kind: 'response', status: 404, body: null });
  expect((await reconcileReceipts(officer.id, null, older, now)).kind).toBe('failed');
  expect(await reconcileReceipts(officer.id, null, older, now + 60_000)).toEqual({ kind: 'not-due' });
  expect(asked).toBe(1);
});

it("re-queues nothing that is not the person's sent revision, nor twice", async () => {
  const server = fakeServer();
  const id = await sentVisit(server);
  expect(await requeueSent(id, 2, officer.id)).toBe(false);
  expect(await requeueSent(id, 1, otherOfficer.id)).toBe(false);
  expect(await requeueSent('no-such-record', 1, officer.id)).toBe(false);
  expect(await requeueSent(id, 1, officer.id)).toBe(true);
  expect(await requeueSent(id, 1, officer.id)).toBe(false);
  expect(await db().outbox.count()).toBe(1);
});
