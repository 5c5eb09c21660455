// Chromium for the cross-engine suite: Debian's chromium through playwright-core, with a
// persistent profile so a relaunch is a real cold start.
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { EngineDriver, EngineLauncher } from './driver';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumLauncher: EngineLauncher = {
  engine: 'chromium',
  unavailable: () => (existsSync(EXECUTABLE) ? null : `no Chromium at ${EXECUTABLE} (apt-get install chromium)`),
  async launch({ profileDir, viewport }) {
    const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: EXECUTABLE,
        headless: true,
        args: ARGS,
        viewport,
      });
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    };
    let current = await open();
    const driver: EngineDriver = {
      engine: 'chromium',
      goto: async (url) => void (await current.page.goto(url)),
      reload: async () => void (await current.page.reload()),
      url: async () => current.page.url(),
      evaluate: (fn, ...args) => current.page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`),
      screenshot: async (path) => void (await current.page.screenshot({ path, fullPage: true })),
      async restart() {
        await current.context.close();
        current = await open();
      },
      close: () => current.context.close(),
    };
    return driver;
  },
};
