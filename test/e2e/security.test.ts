// Browser half of the security suite (issue 7, part 2), in real Chromium against the production
// build: the Content-Security-Policy the server sends stops script it did not ship — an inline
// <script> injected into the served page, one added at run time, an inline event handler and
// eval — and reports each violation, while the app itself loads without one; and signing out of a
// device with nothing unsent leaves nothing of the app's behind: no IndexedDB database, nothing in
// local or session storage, no API response in Cache Storage (the precached app shell may stay),
// no session cookie. session-expiry.test.ts covers sign-out with unsent work and the IndexedDB wipe
// after it; this adds the other stores and the plain case.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { USERS } from './engines/app-model';
import { describeWithChromium } from './support/chromium-suite';

type Flags = { __pwned?: string[]; __violations?: Array<{ directive: string; blocked: string; sample: string }> };

/** Records CSP violations from the first byte of every document, before any page script runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Flags;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__violations!.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
}

const flags = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Flags;
    return { pwned: w.__pwned ?? [], violations: w.__violations ?? [] };
  });

describeWithChromium('security in the browser (Chromium)', (env) => {
  it('loads the app with no CSP violation, and runs no script the server did not ship', async () => {
    // No service worker here: it would answer the second navigation from its precache, past page.route.
    const app = await env.newApp({ serviceWorkers: 'block' });
    const page = app.page;
    await watchViolations(page);
    // The app as shipped: working, and nothing of its own refused by its policy.
    await page.goto('/');
    await app.waitForHeading('Sign in');
    expect((await flags(page)).violations).toEqual([]);

    // The same page with an inline script spliced in (as a stored-XSS bug or a tampering proxy
    // would), served with the server's own headers.
    const injected = '<script>(window.__pwned = window.__pwned || []).push("inline")</script>';
    await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const original = await route.fetch();
      const html = (await original.text()).replace('<head>', `<head>${injected}`);
      await route.fulfill({ response: original, body: html });
    });
    const response = await page.goto('/?injected');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await response?.text()).toContain(injected);
    await app.waitForHeading('Sign in');

    // Injected at run time: a script element and an inline event handler.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = '(window.__pwned = window.__pwned || []).push("runtime")';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', '(window.__pwned = window.__pwned || []).push("handler")');
      img.src = 'data:,not-an-image';
      document.body.append(img);
    });
    // eval from a same-origin script (code evaluated through the DevTools protocol is exempt from
    // CSP, so the attempt has to come from a file the page loads, as a tampered bundle would).
    await page.route('**/assets/eval-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'try { (0, eval)(\'(window.__pwned = window.__pwned || []).push("eval")\'); } catch (e) { window.__evalRefused = e.name; }',
      }),
    );
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const probe = Object.assign(document.createElement('script'), {
            src: '/assets/eval-probe.js',
            onload: resolve,
            onerror: reject,
          });
          document.body.append(probe);
        }),
    );
    expect(await page.evaluate(() => (window as unknown as { __evalRefused?: string }).__evalRefused)).toBe(
      'EvalError',
    );
    await expect.poll(async () => (await flags(page)).violations.length).toBeGreaterThanOrEqual(4);
    const { pwned, violations } = await flags(page);
    expect(pwned).toEqual([]);
    expect(violations.map((v) => v.directive).sort()).toEqual([
      'script-src',
      'script-src-attr',
      'script-src-elem',
      'script-src-elem',
    ]);
    expect(violations.every((v) => v.blocked === 'inline' || v.blocked === 'eval')).toBe(true);
    // The app still works under the refused injection.
    await page.getByLabel('Email address').fill(USERS.officer.email);
  });

  it('signing out with nothing unsent leaves no IndexedDB, storage, cached API response or session behind', async () => {
    const app = await env.signedIn('officer');
    const { page, context } = app;
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
    const storage = () =>
      page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
    const cached = () =>
      page.evaluate(async () => {
        const out: Record<string, string[]> = {};
        for (const name of await caches.keys())
          out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
        return out;
      });
    const sessionCookie = async () => (await context.cookies()).filter((c) => c.name === 'qa_session').length;

    // Before: the device holds the officer's data, the shell is precached, a session is open.
    expect(await databases()).toEqual(['qa-visits', 'qa-visits-device']);
    await expect.poll(async () => Object.values(await cached()).flat()).toContain('/index.html');
    expect(await sessionCookie()).toBe(1);

    await app.openSignOut();
    await app.signOutAndClear();

    await expect.poll(databases).toEqual([]);
    expect(await storage()).toEqual({ local: [], session: [] });
    const after = await cached();
    expect(
      Object.keys(after).every((name) => name.startsWith('workbox-precache')),
      JSON.stringify(Object.keys(after)),
    ).toBe(true);
    expect(
      Object.values(after)
        .flat()
        .filter((path) => path.startsWith('/api/')),
    ).toEqual([]);
    expect(await sessionCookie()).toBe(0);
    // Nothing to tell the next person who was here, and the server no longer knows the session.
    expect(await page.getByLabel('Email address').inputValue()).toBe('');
    expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);
    // A reload does not bring any of it back (no store re-created from memory or the service worker).
    await page.reload();
    await app.waitForHeading('Sign in');
    expect((await databases()).filter((name) => name === 'qa-visits')).toEqual([]);
    expect(await storage()).toEqual({ local: [], session: [] });
  });
});
