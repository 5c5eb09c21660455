// Encryption at rest in Chromium (issue 14), production build and real server. Sentinels go where
// the app keeps what people write: the name of who was spoken to, an answer's value, an evidence
// note, a briefing's intelligence (entered in the office before the device pulls it) and a photo.
// While the app holds them all, the browser is closed (everything flushed) and every file of the
// profile's IndexedDB (LevelDB and blob files), Cache Storage, Service Worker, Local Storage and
// Session Storage folders is scanned, as UTF-8 and as UTF-16LE text and for the photo's bytes:
// nothing is found. The same flow with the test-only plaintext switch finds every one of them, so
// the scan can fail. Chromium's own session-restore files (Sessions/) are measured alongside: what
// they keep of typed text with the form open, after leaving it, behind the lock screen and after
// sign-out (test-results/sessions-residue.json; the README states the residual risk).
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithChromium, type ChromiumEnv } from './support/chromium-suite';
import { FieldApp, LOCK_HEADING } from './engines/app-model';
import { launchWithProfile, playwrightDriver, type ChromiumDriver } from './engines/chromium';
import { calendarDay } from '../../src/shared/calendar';

const PROVIDER = 'Willow Bank Care Home';
const PROVIDER_ID = 'willow-bank';
const FEEDBACK = 'Feedback from residents and service users';

/** A random sentinel: letters and digits, no prefix shared with another (so no compression folds it). */
const sentinel = () => `q${randomBytes(12).toString('hex')}z`;

/** The profile folders where the site's own storage lives (under Default/). */
const SITE_STORAGE = ['IndexedDB', 'WebStorage', 'Service Worker', 'Local Storage', 'Session Storage', 'File System'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Which of `needles` occur in any file under `dirs` (text as UTF-8 and UTF-16LE, bytes as they are), and where. */
function scan(profile: string, dirs: string[], needles: Record<string, Buffer[]>): Record<string, string[]> {
  const files = dirs.flatMap((d) => filesUnder(join(profile, 'Default', d)));
  const found: Record<string, string[]> = {};
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const [name, patterns] of Object.entries(needles))
      if (patterns.some((p) => bytes.includes(p))) (found[name] ??= []).push(relative(profile, file));
  }
  return found;
}

const asText = (text: string) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];

/** A JPEG drawn by the browser, busy enough that its compressed bytes are unlike anything else. */
async function drawJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(800, 600);
    const context = canvas.getContext('2d')!;
    for (let i = 0; i < 3000; i++) {
      context.fillStyle = `hsl(${(i * 47) % 360},70%,${30 + (i % 40)}%)`;
      context.fillRect((i * 37) % 800, (i * 91) % 600, 13, 11);
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

type Device = { app: FieldApp<ChromiumDriver>; profile: string };

const profiles: string[] = [];
afterAll(() => {
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

/** A device on a profile folder of its own; `plaintext` sets the test-only switch before the app loads. */
async function device(env: ChromiumEnv, options: { plaintext?: boolean; profile?: string } = {}): Promise<Device> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'qa-visits-at-rest-'));
  if (!options.profile) profiles.push(profile);
  const driver = await playwrightDriver(async () => {
    const context = await launchWithProfile(profile, { baseURL: env.server.url });
    if (options.plaintext) await context.addInitScript('globalThis.__QA_VISITS_PLAINTEXT_FOR_TEST__ = true;');
    return context;
  }, profile);
  return { app: new FieldApp(driver, env.server.url), profile };
}

/** The office records intelligence on the provider before the officer's device pulls its briefing. */
async function recordIntelligence(env: ChromiumEnv, summary: string): Promise<void> {
  const qa = await env.api('qa');
  const response = await qa.post(`/api/providers/${PROVIDER_ID}/intelligence`, {
    data: { kind: 'complaint', date: calendarDay(new Date()), summary, status: 'open' },
  });
  expect(response.status(), await response.text()).toBe(201);
}

type Sentinels = { name: string; answer: string; note: string; intelligence: string };

/**
 * Signs in, pulls the briefing, starts a visit from it naming who was spoken to, writes an answer
 * and an evidence note, adds a photo; returns the photo's stored bytes (full and thumbnail) as the
 * app holds them, and leaves the device on the area page with the note in its field.
 */
async function holdSentinels(app: FieldApp<ChromiumDriver>, s: Sentinels): Promise<Buffer[]> {
  await app.openSignedIn('officer');
  const page = app.page;
  await expect
    .poll(async () => JSON.stringify(await app.rows('briefings')), { timeout: 30_000 })
    .toContain(s.intelligence);
  const id = await app.startVisit(PROVIDER, { spokeWith: s.name });

  await app.openArea(FEEDBACK);
  await page.getByRole('button', { name: /^Add a person spoken to/ }).click();
  await page.getByLabel('What they told you').first().fill(s.answer);
  await page.getByLabel('What they told you').first().blur();
  await app.backToVisit(PROVIDER);

  await app.openArea('Staffing levels and recruitment');
  await app.note(0, s.note);
  await page
    .getByLabel(/^Add a photo/)
    .first()
    .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await drawJpeg(page) });
  await expect.poll(() => page.getByTestId('photo').count(), { timeout: 20_000 }).toBe(1);
  await expect.poll(async () => JSON.stringify(await app.record(id)), { timeout: 10_000 }).toContain(s.note);
  const held = JSON.stringify(await app.record(id));
  for (const text of [s.name, s.answer, s.intelligence]) expect(held).toContain(text);

  // The photo as stored (re-encoded by the app): 64 bytes from the middle of the file and of its thumbnail.
  const [file] = await app.rows<{ base64: string; thumbnailBase64: string }>('files');
  return [file!.base64, file!.thumbnailBase64].map((b64) => {
    const bytes = Buffer.from(b64, 'base64');
    const at = Math.floor(bytes.length / 2);
    return bytes.subarray(at, at + 64);
  });
}

const needlesOf = (s: Sentinels, photo: Buffer[]): Record<string, Buffer[]> => ({
  'who was spoken to': asText(s.name),
  'an answer': asText(s.answer),
  'an evidence note': asText(s.note),
  "a briefing's intelligence": asText(s.intelligence),
  'the photo': [photo[0]!],
  "the photo's thumbnail": [photo[1]!],
});

describeWithChromium('encryption at rest (Chromium)', (env) => {
  const residue: Record<string, Record<string, string[]>> = {};

  it('keeps every sentinel out of the site’s storage on disk while the app holds them', async () => {
    const s = { name: sentinel(), answer: sentinel(), note: sentinel(), intelligence: sentinel() };
    await recordIntelligence(env, s.intelligence);
    const { app, profile } = await device(env);
    const photo = await holdSentinels(app, s);
    await app.driver.close();

    const files = SITE_STORAGE.flatMap((d) => filesUnder(join(profile, 'Default', d)));
    expect(files.some((f) => f.includes('IndexedDB'))).toBe(true);
    expect(scan(profile, SITE_STORAGE, needlesOf(s, photo))).toEqual({});
    // For the README: whatever else in the profile holds any of them (Chromium's own files).
    const everywhere = readdirSync(join(profile, 'Default')).filter((d) => !SITE_STORAGE.includes(d));
    const elsewhere = scan(profile, everywhere, {
      ...needlesOf(s, photo),
      'the provider (page title)': asText(PROVIDER),
    });
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/profile-residue.json', `${JSON.stringify(elsewhere, null, 2)}\n`);
    console.log(`Outside the site's storage: ${JSON.stringify(elsewhere, null, 2)}`);

    // Still all there for the app: it opens again, unlocks, and shows the note.
    const again = await device(env, { profile });
    await again.app.open('/');
    await again.app.waitForHeading('My visits');
    expect(JSON.stringify(await again.app.rows('records'))).toContain(s.note);
    await again.app.driver.close();
  });

  it('finds every sentinel with the test-only plaintext switch, so the scan can fail', async () => {
    const s = { name: sentinel(), answer: sentinel(), note: sentinel(), intelligence: sentinel() };
    await recordIntelligence(env, s.intelligence);
    const { app, profile } = await device(env, { plaintext: true });
    const photo = await holdSentinels(app, s);
    await app.driver.close();
    const found = scan(profile, SITE_STORAGE, needlesOf(s, photo));
    expect(Object.keys(found).sort()).toEqual(Object.keys(needlesOf(s, photo)).sort());
  });

  it('keeps typed text out of Chromium’s session-restore files; clearing the page alone would not', async () => {
    const measure = async (
      label: string,
      after: (app: FieldApp<ChromiumDriver>) => Promise<void>,
      options: { fieldsAutocompleteOn?: boolean } = {},
    ) => {
      const note = sentinel();
      const { app, profile } = await device(env);
      await app.page.clock.install();
      await app.openSignedIn('officer');
      const id = await app.startVisit('Laurel Gardens');
      await app.openArea('Staffing levels and recruitment');
      // The control: the fields as a browser treats them by default (autocomplete on).
      if (options.fieldsAutocompleteOn)
        await app.page.evaluate(() => {
          for (const el of document.querySelectorAll('main textarea, main input'))
            el.setAttribute('autocomplete', 'on');
        });
      await app.note(0, note);
      await expect.poll(async () => JSON.stringify(await app.record(id)), { timeout: 10_000 }).toContain(note);
      await after(app);
      await app.driver.close();
      residue[label] = scan(profile, ['Sessions'], { 'the typed note': asText(note) });
    };
    const leaveForTaskList = (app: FieldApp<ChromiumDriver>) => app.backToVisit('Laurel Gardens');
    const lock = async (app: FieldApp<ChromiumDriver>) => {
      app.autoUnlock = false;
      await app.page.clock.fastForward('05:30');
      await app.waitForHeading(LOCK_HEADING);
    };
    const signOut = async (app: FieldApp<ChromiumDriver>) => {
      await app.page.getByRole('link', { name: 'Sign out' }).click();
      await app.waitForHeading('Sign out');
      await app.page.getByLabel('I understand that the unsent visits will be deleted').check();
      await app.page.getByRole('button', { name: 'Sign out and clear this device' }).click();
      await app.waitForHeading('Sign in');
    };
    await measure('app fields: form open when the browser closed', async () => undefined);
    await measure('app fields: form left for the task list, then closed', leaveForTaskList);
    await measure(
      'control, fields autocomplete=on: form left for the task list, lock screen shown, then closed',
      async (app) => {
        await leaveForTaskList(app);
        await lock(app);
      },
      { fieldsAutocompleteOn: true },
    );
    await measure('control, fields autocomplete=on: signed out, then closed', signOut, { fieldsAutocompleteOn: true });
    // Not asserted (it depends on whether Chromium wrote the page's state before the lock replaced it).
    await measure('measured, fields autocomplete=on: lock screen shown over the open form, then closed', lock, {
      fieldsAutocompleteOn: true,
    });
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/sessions-residue.json', `${JSON.stringify(residue, null, 2)}\n`);
    console.log(`Sessions/ residue: ${JSON.stringify(residue, null, 2)}`);
    for (const [label, found] of Object.entries(residue))
      if (label.startsWith('app fields')) expect(found, label).toEqual({});
    // Without the app's autocomplete="off", neither the lock screen nor sign-out clearing the page
    // removes what Chromium already wrote: the scan finds it (and so can fail).
    for (const [label, found] of Object.entries(residue))
      if (label.startsWith('control')) expect(Object.keys(found), label).toEqual(['the typed note']);
  });
});
