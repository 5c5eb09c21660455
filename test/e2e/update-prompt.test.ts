// A new app version deployed while a visit is being edited: the new service worker waits, the
// page shows a prompt and does not reload; only "Update now" reloads, and the draft is intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expectAccessible, haveChromium, launchChromium, withFailureShot } from './support/browser';
import { readRecord } from './support/device';
import { ROOT, startServer, type RunningServer } from './support/server';
import { openArea, signIn, startVisit, waitForHeading, waitForSynced } from './support/pages';

describe.skipIf(!haveChromium)('service worker update prompt (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'qa-visits-dist-'));
    cpSync(join(ROOT, 'dist'), staticDir, { recursive: true });
    server = await startServer({ staticDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('prompts for a waiting version and never reloads a page with work in progress', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await withFailureShot(
      () => page,
      'update-prompt',
      async () => {
        await page.goto('/');
        await signIn(page);
        await waitForSynced(page);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

        const id = await startVisit(page, 'Laurel Gardens');
        await openArea(page, 'Staff supervision');
        await page.getByRole('radio', { name: 'Not met' }).first().check();
        const note = page.locator('.item').first().getByRole('textbox');
        await note.fill('No supervision records since June.');
        await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));

        // Deploy a new version: the service worker script changes.
        appendFileSync(join(staticDir, 'sw.js'), '\n// build 2\n');
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
        const prompt = page.getByRole('region', { name: 'Update available' });
        await prompt.waitFor();
        await expectAccessible(page, 'update prompt');

        // The new worker waits; the page was not reloaded and the half-typed note is still there.
        expect(
          await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)),
        ).toBe(true);
        expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');
        expect(await note.inputValue()).toBe('No supervision records since June.');

        // Accepting reloads into the new version with the draft identical.
        await expect
          .poll(async () => (await readRecord(page, id))?.answers['supervision-policy']?.note)
          .toBe('No supervision records since June.');
        const before = await readRecord(page, id);
        await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Update now' }).click()]);
        await waitForHeading(page, 'Staff supervision');
        expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
        expect(await page.locator('.item').first().getByRole('textbox').inputValue()).toBe(
          'No supervision records since June.',
        );
        expect((await readRecord(page, id))?.answers).toEqual(before?.answers);
        await expect.poll(() => page.getByRole('region', { name: 'Update available' }).count()).toBe(0);
      },
    );
    await context.close();
  });
});
