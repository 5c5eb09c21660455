// When a device asks the server which sent records it still holds, and what it asks (issue 16 item 5).
import { describe, expect, it } from 'vitest';
import {
  answeredBy,
  missingAsked,
  RECONCILE_EVERY_MS,
  receiptChunks,
  receiptKeys,
  reconcileDue,
} from '../../../src/app/sync/receipts-plan';
import { RECEIPTS_MAX } from '../../../src/shared/sync/receipts';

const ME = 'officer-1';
const T = 1_800_000_000_000;

describe('reconcileDue', () => {
  it('asks the first time, for another person, and when the server is a new process', () => {
    expect(reconcileDue(undefined, ME, 's1', T)).toBe(true);
    expect(reconcileDue({ person: 'officer-2', server: 's1', at: T }, ME, 's1', T)).toBe(true);
    expect(reconcileDue({ person: ME, server: 's1', at: T }, ME, 's2', T + 1)).toBe(true);
    expect(reconcileDue({ person: ME, server: null, at: T }, ME, 's1', T + 1)).toBe(true);
  });

  it('does not ask again of the same server within the hour, nor of a server that names no process', () => {
    expect(reconcileDue({ person: ME, server: 's1', at: T }, ME, 's1', T + RECONCILE_EVERY_MS - 1)).toBe(false);
    expect(reconcileDue({ person: ME, server: 's1', at: T }, ME, null, T + 1)).toBe(false);
  });

  it('asks again after an hour, or when the clock went back', () => {
    expect(reconcileDue({ person: ME, server: 's1', at: T }, ME, 's1', T + RECONCILE_EVERY_MS)).toBe(true);
    expect(reconcileDue({ person: ME, server: 's1', at: T }, ME, 's1', T - 1)).toBe(true);
  });
});

describe('receiptKeys', () => {
  it("lists this person's sent revisions once each, leaving out others' work, unsent work and what is queued", () => {
    const summaries = [
      { id: 'a', ownerId: ME, status: 'sent', revision: 1 },
      { id: 'b', ownerId: 'officer-2', status: 'sent', revision: 1 },
      { id: 'c', ownerId: ME, status: 'queued', revision: 1 },
      { id: 'd', ownerId: ME, status: 'draft', revision: 2 },
      { id: 'e', ownerId: ME, status: 'sent', revision: 3 },
      { id: 'f', ownerId: ME, status: 'sent', revision: 1 },
      { id: 'a', ownerId: ME, status: 'sent', revision: 1 },
      { id: 'g', ownerId: ME, status: 'attention', revision: 1 },
    ];
    expect(receiptKeys(summaries, ME, new Set(['f:1']))).toEqual([
      { id: 'a', revision: 1 },
      { id: 'e', revision: 3 },
    ]);
  });
});

describe('receiptChunks', () => {
  it('splits into requests of at most RECEIPTS_MAX, in order, and makes none for nothing', () => {
    const keys = Array.from({ length: RECEIPTS_MAX * 2 + 1 }, (_, i) => ({ id: `r${i}`, revision: 1 }));
    const chunks = receiptChunks(keys);
    expect(chunks.map((c) => c.length)).toEqual([RECEIPTS_MAX, RECEIPTS_MAX, 1]);
    expect(chunks.flat()).toEqual(keys);
    expect(receiptChunks([])).toEqual([]);
  });
});

describe('missingAsked', () => {
  it('keeps only revisions that were asked about, once each', () => {
    const asked = [
      { id: 'a', revision: 1 },
      { id: 'b', revision: 2 },
    ];
    expect(
      missingAsked(asked, [
        { id: 'b', revision: 2 },
        { id: 'b', revision: 2 },
        { id: 'a', revision: 2 },
        { id: 'z', revision: 1 },
      ]),
    ).toEqual([{ id: 'b', revision: 2 }]);
  });
});

describe('answeredBy', () => {
  it('names the server when every answer came from the same process, else none', () => {
    expect(answeredBy(['s1', 's1'])).toBe('s1');
    expect(answeredBy(['s1', 's2'])).toBeNull();
    expect(answeredBy([])).toBeNull();
  });
});
