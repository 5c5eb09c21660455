// The frame every Chromium browser file shares: a fresh real server (production build, embedded
// database, demo data) and one Chromium per file, both cleaned up afterwards; skipped with a
// visible reason when Chromium is missing (a failure under REQUIRE_E2E=1, see browser.ts).
import { afterAll, beforeAll, describe } from 'vitest';
import type { Browser } from 'playwright-core';
import { haveChromium, launchChromium } from './browser';
import { startServer, type RunningServer } from './server';

export type ChromiumEnv = { server: RunningServer; browser: Browser };

/** `define` reads `env.server` / `env.browser` inside its tests (they exist once beforeAll ran). */
export function describeWithChromium(title: string, define: (env: ChromiumEnv) => void): void {
  describe.skipIf(!haveChromium)(title, () => {
    const env = {} as ChromiumEnv;
    beforeAll(async () => {
      env.server = await startServer();
      env.browser = await launchChromium();
    });
    afterAll(async () => {
      await env.browser?.close();
      await env.server?.cleanup();
    });
    define(env);
  });
}
