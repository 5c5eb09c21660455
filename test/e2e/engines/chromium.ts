// Chromium: Debian's chromium through playwright-core, with the flags this machine needs
// (docs/budgets-and-testing.md). One driver for every Chromium test: the cross-engine suite launches it on a
// persistent profile (so a relaunch is a real cold start); the Chromium suites (support/chromium-suite.ts)
// also run it on a plain browser context. Either way it keeps its Playwright page and context
// reachable through `playwright`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import type { EngineDriver, EngineLauncher, PlaywrightHandles } from './driver';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with a profile on disk, so a test can quit it and start it again like a device would. */
export function launchWithProfile(profileDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

export interface ChromiumDriver extends EngineDriver {
  readonly playwright: PlaywrightHandles;
  /**
   * SIGKILLs every process of the browser on this profile (the browser, its renderers, its GPU and
   * network services): no shutdown, as a crash or a flat battery would. restart() then starts it again.
   */
  crash(): void;
}

/**
 * A driver over the contexts `open` makes (on their first page, unless it names one): one now, and
 * a new one on each restart (after closing the last). `profileDir` is the folder a persistent
 * `open` launches on, if any (for crash()).
 */
export async function playwrightDriver(
  open: () => Promise<BrowserContext | PlaywrightHandles>,
  profileDir: string | null = null,
): Promise<ChromiumDriver> {
  const start = async (): Promise<PlaywrightHandles> => {
    const opened = await open();
    if ('page' in opened) return opened;
    return { context: opened, page: opened.pages()[0] ?? (await opened.newPage()) };
  };
  let current = await start();
  let crashed = false;
  return {
    engine: 'chromium',
    playwright: {
      get page() {
        return current.page;
      },
      get context() {
        return current.context;
      },
    },
    goto: async (url) => void (await current.page.goto(url)),
    reload: async () => void (await current.page.reload()),
    url: async () => current.page.url(),
    evaluate: (fn, ...args) => current.page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`),
    screenshot: async (path) => void (await current.page.screenshot({ path, fullPage: true })),
    crash() {
      if (profileDir === null) throw new Error('crash() needs a browser on a profile folder');
      execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${profileDir}`]);
      crashed = true;
    },
    async restart() {
      if (crashed)
        await current.context.close().catch(() => undefined); // the process is gone already
      else await current.context.close();
      crashed = false;
      current = await start();
    },
    close: () => current.context.close(),
  };
}

export const chromiumLauncher: EngineLauncher = {
  engine: 'chromium',
  unavailable: () => (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install chromium)`),
  launch: ({ profileDir, viewport }) => playwrightDriver(() => launchWithProfile(profileDir, { viewport }), profileDir),
};
