// The device database upgrade to v5 (issue 14) gives every outbox entry and file the person of
// its record, and keeps every draft, outbox entry and file — those whose record is gone too.
import { expect, it } from 'vitest';
import { db } from '../../src/app/storage/database';
import { clearEntry as entry, clearFile as file, clearRecord as record, openOldDevice } from './old-device';

it("upgrades v4 entries and files to name their record's person, losing nothing", async () => {
  const old = await openOldDevice(4);
  await old.table('records').bulkAdd([record('a1', 'u-a', 'queued'), record('b1', 'u-b', 'draft')]);
  await old.table('outbox').bulkAdd([entry('a1'), entry('gone')]);
  await old.table('files').bulkAdd([file('1'.repeat(64), 'a1'), file('2'.repeat(64), 'b1'), file('3'.repeat(64), 'x')]);
  old.close();

  const database = db();
  expect(await database.records.count()).toBe(2);
  expect((await database.outbox.toArray()).map((e) => [e.recordId, e.ownerId])).toEqual([
    ['a1', 'u-a'],
    ['gone', undefined], // two people on the device: an entry without its record keeps no person
  ]);
  expect((await database.files.toArray()).map((f) => [f.recordId, f.ownerId])).toEqual([
    ['a1', 'u-a'],
    ['b1', 'u-b'],
    ['x', undefined],
  ]);
  expect(await database.outbox.where('[ownerId+state]').equals(['u-a', 'pending']).count()).toBe(1);
  expect(database.verno).toBeGreaterThanOrEqual(5);
});

it('gives an entry without its record the one person on the device, when there is only one', async () => {
  const old = await openOldDevice(4);
  await old.table('records').add(record('a1', 'u-a', 'draft'));
  await old.table('outbox').add(entry('gone'));
  old.close();

  expect((await db().outbox.toArray()).map((e) => e.ownerId)).toEqual(['u-a']);
});
