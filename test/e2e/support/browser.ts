// Debian Chromium through playwright-core, with the flags this machine needs (DESIGN.md §7).
// Without Chromium the browser suites skip with a visible reason — unless REQUIRE_E2E=1 (CI),
// where a missing browser is a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  if (process.env.REQUIRE_E2E === '1') throw new Error(`REQUIRE_E2E=1 but no Chromium at ${CHROMIUM}`);
  console.warn(`\n*** Browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium). ***\n`);
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A browser with a profile on disk, so a test can quit it and start it again like a device would. */
export async function launchWithProfile(userDataDir: string, baseURL: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL,
  });
}

/** axe-core on the current page: no serious or critical WCAG 2.2 A/AA violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe violations on ${name}`).toEqual([]);
}

/** Runs a browser scenario; on failure saves a screenshot and the page text under test-results/. */
export async function withFailureShot<T>(page: () => Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync('test-results', { recursive: true });
    const current = page();
    await current.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
    writeFileSync(
      `test-results/${name}.txt`,
      `${current.url()}\n${await current
        .locator('body')
        .innerText()
        .catch(() => '')}`,
    );
    throw error;
  }
}
