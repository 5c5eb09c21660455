// Device faults (issue 7): the browser killed (SIGKILL, no shutdown) while an officer types into a
// long form, then started again on the same profile: everything typed more than a second before
// the kill is in the draft. And a second tab upgrading the local database while the app is open
// with a draft and a queued record: the app lets the upgrade through, says so, and nothing is lost.
// (A new app version while a form is dirty: update-prompt.test.ts. A rejected record not blocking
// the others: sync-faults.test.ts.)
import { expect, it } from 'vitest';
import { makeRecord } from '../../src/server/seed/record-maker';
import { Template } from '../../src/shared/templates/schema';
import { qmfCareHomeV2 } from '../../src/shared/templates/qmf-care-home-v2';
import { describeWithChromium } from './support/chromium-suite';

const PROVIDER = 'Laurel Gardens';
const AREA = 'Staffing levels and recruitment';

describeWithChromium('device faults (Chromium)', (env) => {
  it('keeps everything typed more than a second before the browser was killed', async () => {
    const app = await env.signedIn('officer', { profile: true });
    let page = app.page;
    const id = await app.startVisit(PROVIDER);
    await app.openArea(AREA);
    const note = page.locator('.item').first().getByRole('textbox');
    const typed = 'Rota seen for the last four weeks; two night shifts were one carer short.';
    await note.pressSequentially(typed, { delay: 15 });
    // The promise: typed text reaches the device database within a second, with no button pressed.
    const first = qmfCareHomeV2.sections[0]!.items[0]!.id;
    await expect
      .poll(async () => (await app.record(id))?.answers[first]?.note, { timeout: 1000, interval: 50 })
      .toBe(typed);
    await note.pressSequentially(' Agency use is falling since', { delay: 15 });
    app.driver.crash();

    await app.driver.restart();
    page = app.page;
    await page.goto(`/visits/${id}`);
    await app.waitForHeading(PROVIDER);
    const saved = await app.record(id);
    expect(saved?.answers[first]?.note ?? '').toMatch(
      /^Rota seen for the last four weeks; two night shifts were one carer short\./,
    );
    await app.openArea(AREA);
    expect(await page.locator('.item').first().getByRole('textbox').inputValue()).toMatch(
      /^Rota seen for the last four weeks/,
    );
  });

  it('lets another tab upgrade the database without losing a draft or a queued record', async () => {
    const app = await env.signedIn('officer');
    const { page, context } = app;
    const draftId = await app.startVisit(PROVIDER, { spokeWith: 'Deputy manager' });
    await app.openArea(AREA);
    await page.locator('.item').first().getByRole('textbox').fill('Typed before the other tab upgraded.');
    await expect
      .poll(async () => (await app.record(draftId))?.answers[qmfCareHomeV2.sections[0]!.items[0]!.id]?.note)
      .toBe('Typed before the other tab upgraded.');
    // A queued record the device cannot send (offline), so it stays in the outbox.
    await context.setOffline(true);
    const queued = makeRecord(Template.parse(qmfCareHomeV2), {
      providerId: 'willow-bank',
      date: '2026-11-20',
      announced: true,
      spokeWith: 'Manager',
    });
    const owner = ((await app.record(draftId)) as unknown as { ownerId: string }).ownerId;
    await app.queueRecords(owner, [queued]);
    const before = {
      records: await app.count('records'),
      outbox: (await app.outbox()).length,
    };
    expect(before.outbox).toBe(1);

    // The other tab: the next app version's upgrade, adding a table.
    const other = await app.newTab();
    await other.page.goto('/');
    const upgraded = await other.page.evaluate(
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
    await page.getByRole('alert').filter({ hasText: 'QA Visits was updated in another tab.' }).waitFor();
    await page.getByText('Everything you entered is saved.').waitFor();
    const draft = await other.record(draftId);
    expect(draft?.status).toBe('draft');
    expect((await other.outbox()).map((e) => e.recordId)).toEqual([queued.id]);
  });
});
