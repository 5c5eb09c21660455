// The frame every Chromium browser file shares: a fresh real server (production build, embedded
// database, demo data) and one Chromium per file, both cleaned up afterwards; skipped with a
// visible reason when Chromium is missing (a failure under REQUIRE_E2E=1, see browser.ts).
//
// Inside a test, `env` hands out devices as page models (engines/app-model.ts):
//   const app = await env.signedIn('officer');              // opened, signed in, first sync done
//   const app = await env.signedIn('manager', { viewport, isMobile: true });
//   const app = await env.signedIn('officer', { profile: true }); // own profile: driver.restart() is a cold start
//   const app = await env.newApp({ serviceWorkers: 'block' });    // nothing opened yet
//   const api = await env.api('qa');                          // the API as that account, no page
// Each is closed when the test ends; if the test failed, a screenshot and the page text of every
// device are kept under test-results/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished } from 'vitest';
import type { APIRequestContext, Browser, BrowserContextOptions } from 'playwright-core';
import { FieldApp, USERS, type Role } from '../engines/app-model';
import { launchWithProfile, playwrightDriver, type ChromiumDriver } from '../engines/chromium';
import { haveChromium, keepFailure, launchChromium } from './browser';
import { startServer, type RunningServer } from './server';

export type AppOptions = BrowserContextOptions & {
  /** A browser of its own on a fresh profile folder (removed afterwards), so restart() is a real cold start. */
  profile?: boolean;
};

export type ChromiumApp = FieldApp<ChromiumDriver>;

export type ChromiumEnv = {
  server: RunningServer;
  browser: Browser;
  /** A new device (a browser context on the server's URL unless `baseURL` says otherwise) with nothing opened yet. */
  newApp(options?: AppOptions): Promise<ChromiumApp>;
  /** A new device opened at /, signed in as the demo `role`, its first sync done. */
  signedIn(role: Role, options?: AppOptions): Promise<ChromiumApp>;
  /** The API as the demo `role` (sign-in checked), through a context of its own. */
  api(role: Role): Promise<APIRequestContext>;
};

const slug = (text: string) => text.replace(/\W+/g, '-').slice(0, 80);

/** `define` uses `env` inside its tests (the server and browser exist once beforeAll ran). */
export function describeWithChromium(
  title: string,
  define: (env: ChromiumEnv) => void,
  options: { server?: () => Promise<RunningServer> } = {},
): void {
  describe.skipIf(!haveChromium)(title, () => {
    let devices = 0;
    const env: ChromiumEnv = {
      server: undefined as unknown as RunningServer,
      browser: undefined as unknown as Browser,
      async newApp({ profile = false, ...contextOptions } = {}) {
        const baseURL = contextOptions.baseURL ?? env.server.url;
        const profileDir = profile ? mkdtempSync(join(tmpdir(), 'qa-visits-profile-')) : null;
        const device = ++devices;
        let driver: ChromiumDriver | null = null;
        onTestFinished(async ({ task }) => {
          try {
            const file = basename(task.file.name).replace(/\.test\.ts$/, '');
            if (task.result?.state === 'fail' && driver)
              await keepFailure(driver.playwright.page, `${file}-${slug(task.name)}-${device}`);
          } finally {
            await driver?.close().catch(() => undefined);
            if (profileDir) rmSync(profileDir, { recursive: true, force: true });
          }
        });
        const options = { ...contextOptions, baseURL };
        driver = await playwrightDriver(
          () => (profileDir ? launchWithProfile(profileDir, options) : env.browser.newContext(options)),
          profileDir,
        );
        return new FieldApp(driver, baseURL);
      },
      async signedIn(role, options) {
        const app = await env.newApp(options);
        await app.openSignedIn(role);
        return app;
      },
      async api(role) {
        const context = await env.browser.newContext({ baseURL: env.server.url });
        onTestFinished(() => context.close());
        expect((await context.request.post('/api/session', { data: USERS[role] })).status(), `${role} signs in`).toBe(
          200,
        );
        return context.request;
      },
    };
    beforeAll(async () => {
      env.server = await (options.server ?? startServer)();
      env.browser = await launchChromium();
    });
    afterAll(async () => {
      await env.browser?.close();
      await env.server?.cleanup();
    });
    define(env);
  });
}
