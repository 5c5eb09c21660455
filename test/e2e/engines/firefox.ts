// Firefox for the cross-engine suite: Debian's firefox-esr driven by puppeteer-core over WebDriver
// BiDi, headless, on a persistent (normal, non-private) profile. Owns that Firefox process.
//
// Quirks:
// - puppeteer-core never downloads a browser; it only writes user.js into the profile folder
//   (backing up and restoring the user's prefs.js/user.js) and starts /usr/bin/firefox-esr.
// - restart() quits Firefox and starts it again on the same folder: a true cold start. The service
//   worker registration (serviceworker.txt), CacheStorage and IndexedDB (storage/default/...) all
//   live in the profile, so the app opens from the service worker with the server unreachable.
// - Firefox's own network checks (captive portal, connectivity service, network-link offline
//   status) are off so navigator.onLine and the app's sync state only follow the app's requests.
// - A BiDi viewport belongs to the tab, so it is set again after every launch.
// - close() is time-limited: if Firefox does not quit in time its process is killed.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { EngineDriver, EngineLauncher } from './driver';

const EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const CLOSE_TIMEOUT_MS = 15_000;
const NOWHERE = 'data:,'; // an address that can never reach the network

/** On top of puppeteer's and Firefox's own automation defaults: nothing may phone home or stall. */
const PREFS: Record<string, unknown> = {
  // Service workers, IndexedDB and CacheStorage in a normal, persistent profile.
  'dom.serviceWorkers.enabled': true,
  'dom.caches.enabled': true,
  'browser.privatebrowsing.autostart': false,
  'privacy.sanitize.sanitizeOnShutdown': false,
  // Connectivity: Firefox must not decide on its own that it is offline, or probe the network.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.manage-offline-status': false,
  'network.trr.mode': 5, // no DNS over HTTPS
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'dom.push.connection.enabled': false,
  // Updates, telemetry, studies, remote settings, safe browsing.
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': NOWHERE,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'services.settings.server': NOWHERE,
  'extensions.blocklist.enabled': false,
  'extensions.update.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  // First-run pages and prompts.
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': 'about:blank',
  'startup.homepage_welcome_url.additional': '',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.firstRunURL': '',
  'browser.shell.checkDefaultBrowser': false,
  'browser.newtabpage.enabled': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.translations.enable': false,
  'termsofuse.bypassNotification': true,
};

const require = createRequire(import.meta.url);
function puppeteerMissing(): boolean {
  try {
    require.resolve('puppeteer-core');
    return false;
  } catch {
    return true;
  }
}

/** Quits Firefox; kills it if it has not gone within the time limit. Never throws or hangs. */
async function quit(browser: Browser): Promise<void> {
  const child = browser.process();
  const exited = new Promise<void>((done) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), CLOSE_TIMEOUT_MS)));
  const result = await Promise.race([
    browser
      .close()
      .then(() => exited)
      .catch(() => 'failed' as const),
    timeout,
  ]);
  clearTimeout(timer);
  if (result === 'timeout' || result === 'failed') {
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL'); // puppeteer starts Firefox in its own process group
    } catch {
      child?.kill('SIGKILL');
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
}

export const firefoxLauncher: EngineLauncher = {
  engine: 'firefox',
  unavailable() {
    if (!existsSync(EXECUTABLE)) return `no Firefox at ${EXECUTABLE} (apt-get install firefox-esr)`;
    if (puppeteerMissing()) return 'puppeteer-core is not installed (npm install)';
    return null;
  },
  async launch({ profileDir, viewport }) {
    const { default: puppeteer } = await import('puppeteer-core');
    const open = async (): Promise<{ browser: Browser; page: Page }> => {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: EXECUTABLE,
        headless: true,
        userDataDir: profileDir,
        extraPrefsFirefox: PREFS,
        protocolTimeout: 60_000,
      });
      try {
        const page = (await browser.pages())[0] ?? (await browser.newPage());
        await page.setViewport(viewport);
        return { browser, page };
      } catch (error) {
        await quit(browser);
        throw error;
      }
    };
    let current = await open();
    const driver: EngineDriver = {
      engine: 'firefox',
      playwright: null,
      goto: async (url) => void (await current.page.goto(url, { waitUntil: 'load' })),
      reload: async () => void (await current.page.reload({ waitUntil: 'load' })),
      url: async () => current.page.url(),
      evaluate: <R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A) =>
        current.page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`) as Promise<R>,
      async screenshot(path) {
        mkdirSync(dirname(path), { recursive: true });
        await current.page.screenshot({ path: path as `${string}.png`, fullPage: true });
      },
      async restart() {
        await quit(current.browser);
        current = await open();
      },
      close: () => quit(current.browser),
    };
    return driver;
  },
};
