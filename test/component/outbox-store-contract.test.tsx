// The OutboxStore contract (outbox-contract.ts) run against both outboxes: the engine tests'
// in-memory fake, and the app's Dexie store over fake-indexeddb with records queued by the real
// submit.
import { db } from '../../src/app/storage/database';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { fromRecordBody } from '../../src/app/records/record-body';
import { submitRecord } from '../../src/app/records/record-store';
import { MemoryOutbox } from '../unit/sync/fakes';
import { outboxContract } from './outbox-contract';
import { officer, outboxFor, record, resetDevice } from './helpers';

outboxContract('the in-memory outbox (engine tests)', async () => {
  const outbox = new MemoryOutbox();
  return {
    store: outbox,
    enqueue: async (body) => void outbox.add(body),
    entries: async (recordId) => outbox.rows.filter((r) => r.recordId === recordId),
    record: async (recordId) => outbox.records.get(recordId),
    reviseRecord: async (recordId) => {
      const state = outbox.records.get(recordId)!;
      Object.assign(state, { status: 'draft', revision: state.revision + 1 });
    },
  };
});

outboxContract('the Dexie outbox (the app)', async () => {
  await resetDevice();
  return {
    store: createOutboxStore(officer.id),
    enqueue: async (body) => {
      await db().records.add({
        ...fromRecordBody(body),
        ownerId: officer.id,
        status: 'draft',
        subjectName: 'Oakwood House',
        review: null,
        updatedAt: 0,
        receivedAt: null,
        problem: null,
      });
      await submitRecord(body.id);
    },
    entries: outboxFor,
    record,
    reviseRecord: async (recordId) => {
      const current = (await record(recordId))!;
      await db().records.update(recordId, { status: 'draft', revision: current.revision + 1 });
    },
  };
});
