// Retention on the device (issue 14), in Chromium against a real server configured with
// DEVICE_SENT_RETENTION_DAYS=0: a sent record and its photo are gone from the device after the
// next start; a queued one, with its photo, is not.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { USERS } from './engines/app-model';
import { describeWithChromium } from './support/chromium-suite';
import { startServer } from './support/server';
import { arrivedRecords, coldStart, deviceFiles, deviceOutbox, deviceRecords } from './support/device-people';

/** A small JPEG drawn by the browser, different for each `seed`. */
async function jpeg(page: Page, seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (n) => {
    const canvas = new OffscreenCanvas(320, 240);
    const context = canvas.getContext('2d')!;
    context.fillStyle = `hsl(${(n * 97) % 360},70%,50%)`;
    context.fillRect(0, 0, 320, 240);
    context.fillStyle = '#fff';
    context.fillRect(n * 10, n * 10, 40, 40);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, seed);
  return Buffer.from(base64, 'base64');
}

describeWithChromium(
  'retention on the device with a 0-day setting (Chromium)',
  (env) => {
    it('removes a sent record and its photo at the next start, and keeps a queued one', async () => {
      const app = await env.signedIn('officer', { profile: true });
      const { context } = app;

      /** Starts a visit with one photo on an item, completes and submits it; returns its id and the photo's hash. */
      async function visitWithPhoto(provider: string, seed: number): Promise<[string, string | undefined]> {
        const id = await app.startVisit(provider);
        await app.openArea('Resident care');
        await app.answerArea('Met', 'Green');
        await app.page
          .getByLabel(/^Add a photo/)
          .first()
          .setInputFiles({ name: `p${seed}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(app.page, seed) });
        await expect.poll(() => app.page.getByTestId('photo').count(), { timeout: 20_000 }).toBe(1);
        const photo = (await deviceFiles(app)).find((f) => f.recordId === id)?.sha256;
        await app.backToVisit(provider);
        await app.completeAllAreas(provider, ['Resident care']);
        await app.checkAnswers();
        await app.submitVisit();
        return [id, photo];
      }

      const [sent, sentPhoto] = await visitWithPhoto('Primrose Villa', 1);
      // Sent: the council holds it (the waiting count alone may not have caught up with the submit yet).
      const qa = await env.api('qa');
      await expect.poll(async () => (await arrivedRecords(qa)).map((r) => r.id), { timeout: 30_000 }).toEqual([sent]);
      await expect.poll(async () => (await deviceOutbox(app)).length, { timeout: 30_000 }).toBe(0);
      expect(sentPhoto).toMatch(/^[0-9a-f]{64}$/);

      await context.setOffline(true);
      const [queued, queuedPhoto] = await visitWithPhoto('Laurel Gardens', 2);
      expect(queuedPhoto).toMatch(/^[0-9a-f]{64}$/);

      // The next start, still offline (so nothing is sent or pulled meanwhile).
      await coldStart(app, USERS.officer, { offline: true });
      // Retention runs shortly after the first screen (main.tsx), not before it.
      await expect
        .poll(async () => (await deviceRecords(app)).map((r) => r.id), { timeout: 20_000 })
        .not.toContain(sent);
      await expect
        .poll(async () => (await deviceFiles(app)).map((f) => f.sha256), { timeout: 20_000 })
        .not.toContain(sentPhoto);
      const records = await deviceRecords(app);
      expect(records.find((r) => r.id === queued)?.status).toBe('queued');
      expect((await deviceFiles(app)).map((f) => f.sha256)).toContain(queuedPhoto);
      expect((await deviceOutbox(app)).map((e) => e.recordId)).toEqual([queued]);
      expect(await app.waitingCount()).toBe('1 visit waiting to send');

      // The storage page says sent visits go at once under this setting.
      await app.page.getByRole('link', { name: 'Storage on this device' }).click();
      await app.waitForHeading('Storage on this device');
      await app.page.getByText('Sent visits, with their photos and signatures, are removed 0 days after').waitFor();
    });
  },
  { server: () => startServer({ env: { DEVICE_SENT_RETENTION_DAYS: '0' } }) },
);
