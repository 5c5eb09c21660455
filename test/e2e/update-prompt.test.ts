// A new app version deployed while a visit is being edited: the new service worker waits, the
// page shows a prompt and does not reload; only "Update now" reloads, and the draft is intact.
import { afterAll, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';
import { ROOT, startServer } from './support/server';

/** A copy of the production build that the test can redeploy (the server serves this folder). */
let staticDir = '';
function serveACopy() {
  staticDir = mkdtempSync(join(tmpdir(), 'qa-visits-dist-'));
  cpSync(join(ROOT, 'dist'), staticDir, { recursive: true });
  return startServer({ staticDir });
}

describeWithChromium(
  'service worker update prompt (Chromium)',
  (env) => {
    afterAll(() => {
      if (staticDir) rmSync(staticDir, { recursive: true, force: true });
    });

    it('prompts for a waiting version and never reloads a page with work in progress', async () => {
      const app = await env.signedIn('officer');
      const page = app.page;
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

      const id = await app.startVisit('Laurel Gardens');
      await app.openArea('Staff supervision');
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
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
        true,
      );
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');
      expect(await note.inputValue()).toBe('No supervision records since June.');

      // Accepting reloads into the new version with the draft identical.
      await expect
        .poll(async () => (await app.record(id))?.answers['supervision-policy']?.note)
        .toBe('No supervision records since June.');
      const before = await app.record(id);
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Update now' }).click()]);
      await app.waitForHeading('Staff supervision');
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
      expect(await page.locator('.item').first().getByRole('textbox').inputValue()).toBe(
        'No supervision records since June.',
      );
      expect((await app.record(id))?.answers).toEqual(before?.answers);
      await expect.poll(() => page.getByRole('region', { name: 'Update available' }).count()).toBe(0);
    });
  },
  { server: serveACopy },
);
