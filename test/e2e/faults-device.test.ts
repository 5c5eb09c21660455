// Device faults (issue 7): the browser killed (SIGKILL, no shutdown) while an officer types into a
// long form, then started again on the same profile: everything typed more than a second before
// the kill is in the draft. And a second tab upgrading the local database while the app is open
// with a draft and a queued record: the app lets the upgrade through, says so, and nothing is lost.
// (A new app version while a form is dirty: update-prompt.test.ts. A rejected record not blocking
// the others: sync-faults.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeRecord } from '../../src/server/seed/record-maker';
import { Template } from '../../src/shared/schemas';
import { qmfCareHomeV2 } from '../../src/shared/templates/qmf-care-home-v2';
import { launchWithProfile, withFailureShot } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { queueRecords, readOutbox, readRecord } from './support/device';
import { openArea, signIn, startVisit, waitForHeading, waitForSynced } from './support/pages';

const PROVIDER = 'Laurel Gardens';
const AREA = 'Staffing levels and recruitment';

/** SIGKILL every process of the Chromium running on this profile (the browser, its renderers, its GPU and network services). */
function killBrowser(profile: string): void {
  execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]);
}

describeWithChromium('device faults (Chromium)', (env) => {
  it('keeps everything typed more than a second before the browser was killed', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'qa-visits-kill-'));
    let context = await launchWithProfile(profile, env.server.url);
    let page = context.pages()[0] ?? (await context.newPage());
    try {
      let id = '';
      await withFailureShot(
        () => page,
        'kill-while-typing',
        async () => {
          await page.goto('/');
          await signIn(page);
          await waitForSynced(page);
          id = await startVisit(page, PROVIDER);
          await openArea(page, AREA);
          const note = page.locator('.item').first().getByRole('textbox');
          const typed = 'Rota seen for the last four weeks; two night shifts were one carer short.';
          await note.pressSequentially(typed, { delay: 15 });
          // The promise: typed text reaches the device database within a second, with no button pressed.
          const first = qmfCareHomeV2.sections[0]!.items[0]!.id;
          await expect
            .poll(async () => (await readRecord(page, id))?.answers[first]?.note, { timeout: 1000, interval: 50 })
            .toBe(typed);
          await note.pressSequentially(' Agency use is falling since', { delay: 15 });
          killBrowser(profile);
        },
      );
      await context.close().catch(() => undefined); // the process is gone already

      context = await launchWithProfile(profile, env.server.url);
      page = context.pages()[0] ?? (await context.newPage());
      await withFailureShot(
        () => page,
        'kill-while-typing-after',
        async () => {
          await page.goto(`/visits/${id}`);
          await waitForHeading(page, PROVIDER);
          const saved = await readRecord(page, id);
          const first = qmfCareHomeV2.sections[0]!.items[0]!.id;
          expect(saved?.answers[first]?.note ?? '').toMatch(
            /^Rota seen for the last four weeks; two night shifts were one carer short\./,
          );
          await openArea(page, AREA);
          expect(await page.locator('.item').first().getByRole('textbox').inputValue()).toMatch(
            /^Rota seen for the last four weeks/,
          );
        },
      );
    } finally {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('lets another tab upgrade the database without losing a draft or a queued record', async () => {
    const context = await env.browser.newContext({ baseURL: env.server.url });
    const app = await context.newPage();
    await withFailureShot(
      () => app,
      'two-tab-upgrade',
      async () => {
        await app.goto('/');
        await signIn(app);
        await waitForSynced(app);
        const draftId = await startVisit(app, PROVIDER, { spokeWith: 'Deputy manager' });
        await openArea(app, AREA);
        await app.locator('.item').first().getByRole('textbox').fill('Typed before the other tab upgraded.');
        await expect
          .poll(async () => (await readRecord(app, draftId))?.answers[qmfCareHomeV2.sections[0]!.items[0]!.id]?.note)
          .toBe('Typed before the other tab upgraded.');
        // A queued record the device cannot send (offline), so it stays in the outbox.
        await context.setOffline(true);
        const queued = makeRecord(Template.parse(qmfCareHomeV2), {
          providerId: 'willow-bank',
          date: '2026-11-20',
          announced: true,
          spokeWith: 'Manager',
        });
        const owner = ((await readRecord(app, draftId)) as unknown as { ownerId: string }).ownerId;
        await queueRecords(app, owner, [queued]);
        const before = {
          records: await app.evaluate(
            () =>
              new Promise<number>((ok) => {
                const open = indexedDB.open('qa-visits');
                open.onsuccess = () => {
                  const r = open.result.transaction('records').objectStore('records').count();
                  r.onsuccess = () => {
                    open.result.close();
                    ok(r.result);
                  };
                };
              }),
          ),
          outbox: (await readOutbox(app)).length,
        };
        expect(before.outbox).toBe(1);

        // The other tab: the next app version's upgrade, adding a table.
        const other = await context.newPage();
        await other.goto('/');
        const upgraded = await other.evaluate(
          () =>
            new Promise<{ version: number; records: number; outbox: number; blocked: boolean }>((ok, fail) => {
              let blocked = false;
              const probe = indexedDB.open('qa-visits');
              probe.onsuccess = () => {
                const next = probe.result.version + 10;
                probe.result.close();
                const open = indexedDB.open('qa-visits', next);
                open.onblocked = () => {
                  blocked = true;
                };
                open.onupgradeneeded = () => open.result.createObjectStore('next-version-table');
                open.onerror = () => fail(open.error);
                open.onsuccess = () => {
                  const tx = open.result.transaction(['records', 'outbox']);
                  const r = tx.objectStore('records').count();
                  const o = tx.objectStore('outbox').count();
                  tx.oncomplete = () => {
                    open.result.close();
                    ok({ version: next, records: r.result, outbox: o.result, blocked });
                  };
                };
              };
            }),
        );
        expect(upgraded.records).toBe(before.records);
        expect(upgraded.outbox).toBe(1);
        await app.getByRole('alert').filter({ hasText: 'QA Visits was updated in another tab.' }).waitFor();
        await app.getByText('Everything you entered is saved.').waitFor();
        const draft = await readRecord(other, draftId);
        expect(draft?.status).toBe('draft');
        expect((await readOutbox(other)).map((e) => e.recordId)).toEqual([queued.id]);
      },
    );
    await context.close();
  });
});
