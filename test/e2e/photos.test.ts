// Photos on the device (issue 5), in Chromium against the real server:
// - offline, two photos go on a visit's item and survive a reload, the registered manager signs,
//   and once online the server holds each file under the SHA-256 of its bytes, named by the record;
// - a large camera photo comes out under the size target, upright, with no EXIF or GPS data;
// - with the origin's quota made tiny, adding a photo fails with a plain message and the draft's
//   answers are unchanged.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser';
import { describeWithChromium, type ChromiumApp } from './support/chromium-suite';

const PROVIDER = 'Oakfield House';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A JPEG drawn by the browser: the left half red, the right half blue. */
async function drawJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w!, h!);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ff0000';
      context.fillRect(0, 0, w! / 2, h!);
      context.fillStyle = '#0000ff';
      context.fillRect(w! / 2, 0, w! / 2, h!);
      for (let i = 0; i < 4000; i++) {
        context.fillStyle = `hsl(${i % 360},70%,50%)`;
        context.fillRect((i * 37) % w!, (i * 91) % h!, 9, 9);
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      return btoa(text);
    },
    [width, height],
  );
  return Buffer.from(base64, 'base64');
}

/** Adds an EXIF block (APP1) saying "rotate 90° clockwise" (orientation 6) and carrying a GPS position. */
function withExif(jpeg: Buffer): Buffer {
  const tiff = Buffer.alloc(62);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8); // IFD0: two entries
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(6, 18); // Orientation = 6
  tiff.writeUInt16LE(0x8825, 22);
  tiff.writeUInt16LE(4, 24);
  tiff.writeUInt32LE(1, 26);
  tiff.writeUInt32LE(38, 30); // GPS IFD at 38
  tiff.writeUInt32LE(0, 34); // no next IFD
  tiff.writeUInt16LE(1, 38); // GPS IFD: one entry
  tiff.writeUInt16LE(0x0001, 40);
  tiff.writeUInt16LE(2, 42);
  tiff.writeUInt32LE(2, 44);
  tiff.write('N\0', 48, 'latin1'); // GPSLatitudeRef "N"
  tiff.writeUInt32LE(0, 52);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1]),
    Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 255]),
    payload,
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** The photos and signatures the device holds, their bytes opened (sealed at rest, issue 14) as base64. */
async function storedFiles(app: ChromiumApp): Promise<Array<{ sha256: string; bytes: number; base64: string }>> {
  const rows = await app.rows<{ sha256: string; base64: string }>('files');
  return rows.map((f) => ({ sha256: f.sha256, bytes: Buffer.from(f.base64, 'base64').length, base64: f.base64 }));
}

describeWithChromium('photos on the device (Chromium)', (env) => {
  it('keeps two photos and a signature offline through a reload, then the server holds each under its hash, named by the record', async () => {
    const app = await env.signedIn('officer');
    const { page, context } = app;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const photoA = await drawJpeg(page, 2400, 1800);
    const photoB = await drawJpeg(page, 1200, 900);
    await context.setOffline(true);

    const id = await app.startVisit(PROVIDER);
    await app.openArea('Resident care');
    await app.answerArea('Met', 'Green');
    const input = page.getByLabel(/^Add a photo/).first();
    await input.setInputFiles([
      { name: 'call-bell.jpg', mimeType: 'image/jpeg', buffer: photoA },
      { name: 'trolley.jpg', mimeType: 'image/jpeg', buffer: photoB },
    ]);
    await expect.poll(() => page.getByTestId('photo').count(), { timeout: 20_000 }).toBe(2);
    await page
      .getByLabel(/^Caption for photo 1/)
      .first()
      .fill('Call bell in room 12 not working');
    await page
      .getByLabel(/^Caption for photo 1/)
      .first()
      .blur();
    await expect
      .poll(async () => JSON.stringify((await app.record(id))?.answers ?? {}))
      .toContain('Call bell in room 12 not working');
    await expectAccessible(page, 'area with photos');
    await page.reload();
    await app.waitForHeading('Resident care');
    await expect.poll(() => page.getByTestId('photo').count()).toBe(2);
    await expect.poll(() => page.getByRole('img', { name: 'Call bell in room 12 not working' }).count()).toBe(1);
    await app.backToVisit(PROVIDER);

    await app.completeAllAreas(PROVIDER, ['Resident care']);

    // A photo in a row of a repeating group: one person spoken to, with a photo of what they showed.
    await app.openArea('Feedback from residents and service users');
    await app.fillSection();
    await page
      .getByLabel(/^Add a photo for .*\(Person spoken to 1\)/)
      .first()
      .setInputFiles({ name: 'menu.jpg', mimeType: 'image/jpeg', buffer: await drawJpeg(page, 800, 600) });
    await expect.poll(() => page.getByTestId('photo').count(), { timeout: 20_000 }).toBe(1);
    await app.backToVisit(PROVIDER);

    // The registered manager signs for the feedback, with a finger on the pad.
    await app.openSignatures();
    await page.getByLabel('Name of the person signing').fill('Ann Hughes');
    await app.drawSignature();
    await page.getByRole('button', { name: 'Save the signature' }).click();
    await page.getByText('Signed by Ann Hughes').waitFor();
    await expectAccessible(page, 'signatures');
    await page.reload();
    await page.getByText('Signed by Ann Hughes').waitFor();
    await page.getByRole('img', { name: 'Signature of Ann Hughes' }).waitFor();
    await page.getByRole('link', { name: 'Return to the visit' }).click();
    await app.waitForHeading(PROVIDER);
    await app.checkAnswers();
    await expect.poll(() => page.getByRole('img', { name: 'Call bell in room 12 not working' }).count()).toBe(1);
    await app.submitVisit();
    expect(await page.getByTestId('upload-progress').textContent()).toMatch(
      /^Photos and signatures sent: 0 of 4 \(0 kB of (\d+ kB|\d+\.\d MB)\)$/,
    );
    const files = await storedFiles(app);
    expect(files).toHaveLength(4); // two photos on an item, one in a group row, and the signature
    for (const f of files) expect(sha(Buffer.from(f.base64, 'base64'))).toBe(f.sha256);

    await context.setOffline(false);
    await expect.poll(() => app.waitingCount(), { timeout: 30_000 }).toBe('0 visits waiting to send');

    const api = await env.api('officer');
    const record = (await (await api.get(`/api/submissions/${id}`)).json()) as {
      body: { answers: Record<string, { attachments?: Array<{ sha256: string; caption: string }> }> };
    };
    type Cell = { attachments?: Array<{ sha256: string; caption: string }> };
    const answers = record.body.answers as Record<string, Cell & { rows?: Array<{ answers: Record<string, Cell> }> }>;
    const named = Object.values(answers).flatMap((a) => [
      ...(a.attachments ?? []),
      ...(a.rows ?? []).flatMap((r) => Object.values(r.answers).flatMap((c) => c.attachments ?? [])),
    ]);
    const signatures =
      (record.body as { signatures?: Array<{ sha256: string; name: string; role: string }> }).signatures ?? [];
    expect(signatures.map((x) => [x.name, x.role])).toEqual([['Ann Hughes', 'provider-manager']]);
    expect([...named.map((a) => a.sha256), ...signatures.map((x) => x.sha256)].sort()).toEqual(
      files.map((f) => f.sha256).sort(),
    );
    expect(named.map((a) => a.caption)).toContain('Call bell in room 12 not working');
    for (const f of files) {
      const held = await api.get(`/api/attachments/${f.sha256}`);
      expect(held.status()).toBe(200);
      expect(sha(Buffer.from(await held.body()))).toBe(f.sha256);
    }
    expect((await app.record(id))?.status).toBe('sent');

    // The QA manager reviews it on a phone (issue 17): named by the provider, not its id; the
    // decision first, within reach; every section folded under its title and rating; the photos,
    // which this phone never held, read from the server.
    const qa = await env.signedIn('qa', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await qa.page.goto(`/review/${id}`);
    await qa.page.getByRole('heading', { level: 1, name: `Review: ${PROVIDER}` }).waitFor();
    const signOff = (await qa.page.getByRole('button', { name: 'Sign off' }).boundingBox())!;
    expect(signOff.y + signOff.height).toBeLessThan(844);
    expect(signOff.y).toBeLessThan((await qa.page.getByTestId('summary-fold').first().boundingBox())!.y);
    const folded = await qa.page.evaluate(() => document.documentElement.scrollHeight);
    await qa.page.getByRole('button', { name: 'Open every section' }).click();
    const photo = qa.page.getByRole('img', { name: 'Call bell in room 12 not working' });
    await photo.waitFor();
    const callBell = named.find((a) => a.caption === 'Call bell in room 12 not working')!;
    expect(await photo.getAttribute('src')).toBe(`/api/attachments/${callBell.sha256}`);
    await photo.scrollIntoViewIfNeeded(); // loaded lazily, as it comes into view
    await expect
      .poll(() =>
        photo.evaluate((img) => ((img as HTMLImageElement).complete ? (img as HTMLImageElement).naturalWidth : 0)),
      )
      .toBeGreaterThan(0);
    const open = await qa.page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`review page at 390 px: ${folded} px folded, ${open} px with every section open (the layout before)`);
    expect(folded).toBeLessThanOrEqual(open / 2);
    await expectAccessible(qa.page, 'review on a phone');
  });

  it('stores a large camera photo under 1600 px, upright, with its EXIF and GPS data gone', async () => {
    const app = await env.signedIn('officer');
    const page = app.page;
    const original = withExif(await drawJpeg(page, 4000, 3000)); // landscape pixels, "rotate 90°" in EXIF
    expect(original.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true);
    await app.startVisit(PROVIDER);
    await app.openArea('Staff training');
    await page
      .getByLabel(/^Add a photo/)
      .first()
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: original });
    await expect.poll(() => page.getByTestId('photo').count(), { timeout: 20_000 }).toBe(1);
    const [file] = await storedFiles(app);
    const bytes = Buffer.from(file!.base64, 'base64');
    expect(bytes.length).toBeLessThan(700 * 1024);
    expect(bytes.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
    const shape = await page.evaluate(async (b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/jpeg' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const top = context.getImageData(bitmap.width / 2, 20, 1, 1).data;
      const bottom = context.getImageData(bitmap.width / 2, bitmap.height - 20, 1, 1).data;
      return { width: bitmap.width, height: bitmap.height, top: [top[0], top[2]], bottom: [bottom[0], bottom[2]] };
    }, file!.base64);
    // Rotated upright: 3000 × 4000 scaled to 1200 × 1600; the red left half is now on top.
    expect([shape.width, shape.height]).toEqual([1200, 1600]);
    expect(shape.top[0]).toBeGreaterThan(150);
    expect(shape.bottom[1]).toBeGreaterThan(150);

    // The storage page accounts for the photo and says whether the data is kept safe.
    await page.goto('/storage');
    await app.waitForHeading('Storage on this device');
    const photosRow = page.locator('.summary-row').filter({ hasText: 'Photos and signatures' });
    expect(await photosRow.textContent()).toMatch(/\d+ kB|\d+\.\d MB/);
    expect(await page.getByTestId('persisted').textContent()).toMatch(/keep|clear|does not say/);
    expect(await page.getByTestId('usage').textContent()).toMatch(/ of /);
    await expectAccessible(page, 'storage');
  });

  it('says plainly that a photo could not be saved when the device is out of space, and keeps the answers', async () => {
    // The quota override takes effect on a profile's own storage, not an incognito-style context.
    const app = await env.signedIn('officer', { profile: true });
    let page = app.page;
    const photo = await drawJpeg(page, 3000, 2000);
    const id = await app.startVisit(PROVIDER);
    await app.openArea('Staff supervision');
    await app.answerArea('Met', 'Green');
    await expect.poll(async () => Object.keys((await app.record(id))?.answers ?? {}).length).toBeGreaterThan(3);
    const before = (await app.record(id))?.answers;

    // Chromium applies a quota override to an origin's storage when it is next opened, so quit,
    // start again with the same profile, and set the quota before the app opens its database.
    await app.driver.restart();
    page = app.page;
    const cdp = await app.context.newCDPSession(page);
    const origin = new URL(env.server.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    await page.goto(`/visits/${id}/areas/supervision`);
    await app.waitForHeading('Staff supervision');
    await page
      .getByLabel(/^Add a photo/)
      .first()
      .setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: photo });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be saved' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/out of storage space/);
    expect(await page.getByTestId('photo').count()).toBe(0);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    expect((await app.record(id))?.answers).toEqual(before);
  });
});
