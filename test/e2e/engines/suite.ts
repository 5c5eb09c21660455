// Runs one browser scenario on every engine: a fresh server behind a loopback proxy and a fresh
// profile per engine, the page model (app-model.ts) opened and signed in as `as` when given. A missing engine is skipped with its reason, or fails naming the engine
// when REQUIRE_E2E=1 (CI). On failure a screenshot is kept under test-results/.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines } from './index';
import { FieldApp, type Role } from './app-model';
import type { EngineDriver, EngineLauncher, EngineName } from './driver';
import { startProxy, type LoopbackProxy } from '../support/proxy';
import { startServer, type RunningServer } from '../support/server';

/** Each engine at the screen it is most often met on: iPad (WebKit), phone (Chromium), laptop (Firefox). */
export const VIEWPORTS: Record<EngineName, { width: number; height: number }> = {
  webkit: { width: 1024, height: 1366 },
  chromium: { width: 390, height: 844 },
  firefox: { width: 1280, height: 800 },
};

export type EngineRun = {
  engine: EngineName;
  driver: EngineDriver;
  app: FieldApp;
  server: RunningServer;
  proxy: LoopbackProxy;
  viewport: { width: number; height: number };
};

type Options = { as?: Role; timeoutMs?: number };

export function forEachEngine(title: string, scenario: (run: EngineRun) => Promise<void>, options: Options = {}): void {
  for (const launcher of engines) describeEngine(launcher, title, scenario, options);
}

function describeEngine(
  launcher: EngineLauncher,
  title: string,
  scenario: (run: EngineRun) => Promise<void>,
  { as, timeoutMs = 180_000 }: Options,
) {
  const reason = launcher.unavailable();
  const required = process.env.REQUIRE_E2E === '1';
  if (reason !== null && !required) console.warn(`\n*** ${launcher.engine}: "${title}" SKIPPED — ${reason} ***\n`);

  describe.skipIf(reason !== null && !required)(`${title} on ${launcher.engine}`, () => {
    let server: RunningServer;
    let proxy: LoopbackProxy;
    let driver: EngineDriver | null = null;
    let profile = '';

    beforeAll(async () => {
      if (reason !== null) throw new Error(`${launcher.engine} is required (REQUIRE_E2E=1) but ${reason}`);
      server = await startServer();
      proxy = await startProxy({ host: '127.0.0.1', port: server.port });
      profile = mkdtempSync(join(tmpdir(), `qa-visits-${launcher.engine}-`));
    });
    afterAll(async () => {
      await driver?.close().catch(() => undefined);
      await proxy?.close();
      await server?.cleanup();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    it(
      `[${launcher.engine}] ${title}`,
      async () => {
        const viewport = VIEWPORTS[launcher.engine];
        driver = await launcher.launch({ profileDir: profile, viewport });
        const app = new FieldApp(driver, proxy.url);
        try {
          if (as) await app.openSignedIn(as);
          await scenario({ engine: launcher.engine, driver, app, server, proxy, viewport });
        } catch (error) {
          mkdirSync('test-results', { recursive: true });
          await driver
            .screenshot(`test-results/${title.replace(/\W+/g, '-')}-${launcher.engine}.png`)
            .catch(() => undefined);
          throw error;
        }
      },
      timeoutMs,
    );
  });
}
