// The fault suite (issue 7): the promise "never loses a visit, stores it exactly once" tested by
// breaking things on purpose against the real server and a real browser.
// - 200 queued records; the server is killed (SIGKILL) at a seeded random point of the upload and
//   started again: it then holds exactly the 200, once each, and the outbox is empty. Three seeds.
// - Every upload delivered twice, and the server's answer dropped after it committed: no record
//   is stored twice, and every one is stored.
// - The server answers 500 and 503 to the first attempts: records are retried with growing gaps
//   (backoff), never dropped.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeRecord } from '../../src/server/seed/record-maker';
import { Template } from '../../src/shared/templates/schema';
import { qmfCareHomeV2 } from '../../src/shared/templates/qmf-care-home-v2';
import { mulberry32 } from '../unit/sync/fakes';
import { describeWithChromium, type ChromiumApp } from './support/chromium-suite';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';

const template = Template.parse(qmfCareHomeV2);

/** `count` valid visits dated `date` (a day no other test uses, so the server's list can be filtered by it). */
const visits = (count: number, date: string) =>
  Array.from({ length: count }, () =>
    makeRecord(template, { providerId: 'willow-bank', date, announced: true, spokeWith: 'Registered manager' }),
  );

type Held = { id: string; revision: number };

/** Every record the server lists for the day, page by page. */
async function held(page: Page, date: string): Promise<Held[]> {
  const all: Held[] = [];
  let after = '';
  for (;;) {
    const res = await page.request.get(`/api/submissions?kind=visit&from=${date}&to=${date}&limit=200${after}`);
    if (res.status() !== 200) throw new Error(`list answered ${res.status()}`);
    const listed = (await res.json()) as { submissions: Held[]; next: string | null };
    all.push(...listed.submissions);
    if (listed.next === null) return all;
    after = `&after=${encodeURIComponent(listed.next)}`;
  }
}

/** Waits until the outbox is empty, then checks the server holds exactly `records` for their date, each once (revision 1). */
async function expectHeldExactly(app: ChromiumApp, date: string, records: { id: string }[], why = ''): Promise<void> {
  await expect.poll(async () => (await app.outbox()).length, { timeout: 90_000, interval: 250 }).toBe(0);
  const stored = await held(app.page, date);
  expect(stored, why).toHaveLength(records.length);
  expect(new Set(stored.map((s) => s.id))).toEqual(new Set(records.map((r) => r.id)));
  expect(stored.every((s) => s.revision === 1)).toBe(true);
}

/** Queues `records` on the device as the signed-in person and asks it to sync now. */
/** Queues the records and presses "Sync now"; answers when the press began (the test's clock, as the proxy's). */
async function queueAndSync(app: ChromiumApp, records: ReturnType<typeof visits>): Promise<number> {
  const me = (await (await app.page.request.get('/api/session')).json()) as { user: { id: string } };
  await app.queueRecords(me.user.id, records);
  const pressed = Date.now();
  await app.syncNow();
  return pressed;
}

describeWithChromium('fault suite (Chromium, real server)', (env) => {
  /** The officer's device (service worker blocked, so every request is seen), signed in through `baseURL`. */
  const device = (baseURL = env.server.url) => env.signedIn('officer', { baseURL, serviceWorkers: 'block' });

  /** A device signed in through a fault proxy in front of the real server, closed afterwards. */
  async function throughFaultProxy(body: (app: ChromiumApp, proxy: FaultProxy) => Promise<void>): Promise<void> {
    const target = new URL(env.server.url);
    const proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port) });
    try {
      const app = await device(proxy.url);
      await body(app, proxy);
      await app.driver.close();
    } finally {
      await proxy.close();
    }
  }

  it('stores 200 queued records exactly once when the server is killed mid-upload, for three seeds', async () => {
    for (const [round, seed] of [11, 2026, 90210].entries()) {
      const app = await device();
      const page = app.page;
      const date = `2026-11-0${round + 1}`;
      const records = visits(200, date);
      const random = mulberry32(seed); // seeded, so a failing kill point can be replayed
      const killAfter = 1 + Math.floor(random() * 180); // stored records before the kill
      await queueAndSync(app, records);
      // Kill as soon as the server holds `killAfter` of them: mid-stream, usually mid-request.
      await expect
        .poll(async () => (await held(page, date)).length, { timeout: 60_000, interval: 25 })
        .toBeGreaterThanOrEqual(killAfter);
      await env.server.kill();
      await env.server.restart();
      await app.syncNow();
      await expectHeldExactly(app, date, records, `seed ${seed}, killed after ${killAfter}`);
      await app.driver.close();
    }
  });

  it('stores each record once when every upload arrives twice and answers are lost after commit', async () => {
    await throughFaultProxy(async (app, proxy) => {
      const date = '2026-11-11';
      const records = visits(20, date);
      // First attempt: delivered twice, then the answer is dropped; later attempts: delivered twice and answered.
      proxy.setFault(({ n }): Fault => (n === 1 ? 'drop-answer' : 'twice'));
      await queueAndSync(app, records);
      await expectHeldExactly(app, date, records);
      for (const record of records.slice(0, 5)) {
        const history = (await (await app.page.request.get(`/api/submissions/${record.id}/revisions`)).json()) as {
          revisions: Held[];
        };
        expect(history.revisions.map((r) => r.revision)).toEqual([1]);
      }
      // Every record was attempted at least twice (its first answer was lost).
      for (const record of records)
        expect(proxy.attempts.filter((a) => a.recordId === record.id).length).toBeGreaterThanOrEqual(2);
    });
  });

  it('retries records the server refuses with 500 and 503, with growing gaps, and drops none', async () => {
    await throughFaultProxy(async (app, proxy) => {
      const date = '2026-11-12';
      const records = visits(3, date);
      // The server is unwell for its first four upload requests (500, 503, 500, 503), then recovers.
      proxy.setFault((): Fault =>
        proxy.attempts.length <= 4 ? (proxy.attempts.length % 2 === 1 ? 500 : 503) : 'pass',
      );
      const pressed = await queueAndSync(app, records);
      await expectHeldExactly(app, date, records);
      // From the attempt the press made: a sync the app began on its own just before the press may
      // already have had its 500, and a press is a person asking to try now, not a backoff retry.
      const afterPress = proxy.attempts.filter((a) => a.at >= pressed);
      const times = afterPress.slice(0, 5).map((a) => a.at);
      expect(times.length).toBeGreaterThanOrEqual(4);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // Backoff: each wait after a failure is longer than the one before, and none is a tight loop.
      expect(gaps[0]).toBeGreaterThan(500);
      for (let i = 1; i < gaps.length; i++)
        expect(gaps[i]!, `gaps ${gaps.join(', ')} ms`).toBeGreaterThan(gaps[i - 1]!);
    });
  });
});
