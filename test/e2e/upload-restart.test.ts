// Issue 5: the server stops halfway through uploading a record's photos and starts again. The
// record then completes: the files already stored are not sent again, the rest are, and the
// server never held the record without its files.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithChromium } from './support/chromium-suite';

const PROVIDER = 'Primrose Villa';

async function photo(page: Page, hue: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (h) => {
    const canvas = new OffscreenCanvas(1200, 900);
    const context = canvas.getContext('2d')!;
    for (let i = 0; i < 300; i++) {
      context.fillStyle = `hsl(${(h + i) % 360},60%,${30 + (i % 40)}%)`;
      context.fillRect((i * 53) % 1200, (i * 29) % 900, 80, 60);
    }
    const bytes = new Uint8Array(
      await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer(),
    );
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, hue);
  return Buffer.from(base64, 'base64');
}

describeWithChromium('upload interrupted by a server restart (Chromium)', (env) => {
  it('resumes with the files not yet stored and stores the record once, after all its files', async () => {
    const app = await env.signedIn('officer');
    const { page, context } = app;
    const photos = await Promise.all([0, 90, 180, 270].map((h) => photo(page, h)));
    await context.setOffline(true);
    const id = await app.startVisit(PROVIDER);
    await app.openArea('Medicine management');
    await app.answerArea('Met', 'Green');
    await page
      .getByLabel(/^Add a photo/)
      .first()
      .setInputFiles(photos.map((buffer, i) => ({ name: `photo-${i}.jpg`, mimeType: 'image/jpeg', buffer })));
    await expect.poll(() => page.getByTestId('photo').count(), { timeout: 30_000 }).toBe(4);
    await app.backToVisit(PROVIDER);
    await app.completeAllAreas(PROVIDER, ['Medicine management']);
    await app.checkAnswers();
    await app.submitVisit();

    // Back online; the server goes down as the third file is about to be sent.
    const uploads: string[] = [];
    let stopped = false;
    await page.route('**/api/attachments/*', async (route) => {
      uploads.push(route.request().url().split('/').pop()!);
      if (uploads.length === 3 && !stopped) {
        stopped = true;
        await env.server.stop();
      }
      await route.continue().catch(() => undefined);
    });
    await context.setOffline(false);
    await expect.poll(() => stopped, { timeout: 30_000 }).toBe(true);
    await expect
      .poll(async () => (await page.getByTestId('upload-progress').textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/^Photos and signatures sent: 2 of 4/);

    // While it is down and after it restarts, the server holds two files and no record.
    await context.setOffline(true);
    await env.server.restart();
    const api = await env.api('officer');
    expect((await api.get(`/api/submissions/${id}`)).status()).toBe(404);
    const [first, second] = uploads;
    expect((await api.get(`/api/attachments/${first}`)).status()).toBe(200);
    expect((await api.get(`/api/attachments/${second}`)).status()).toBe(200);

    const before = uploads.length;
    await context.setOffline(false);
    await app.syncNow();
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');
    const after = uploads.slice(before);
    expect(new Set(after).size).toBe(after.length);
    expect(after).not.toContain(first);
    expect(after).not.toContain(second);

    const stored = (await (await api.get(`/api/submissions/${id}`)).json()) as {
      revision: number;
      body: { answers: Record<string, { attachments?: Array<{ sha256: string }> }> };
    };
    expect(stored.revision).toBe(1);
    const named = Object.values(stored.body.answers)
      .flatMap((a) => a.attachments ?? [])
      .map((a) => a.sha256);
    expect(named).toHaveLength(4);
    for (const hash of named) {
      const held = await api.get(`/api/attachments/${hash}`);
      expect(held.status()).toBe(200);
      expect(
        createHash('sha256')
          .update(await held.body())
          .digest('hex'),
      ).toBe(hash);
    }
  });
});
