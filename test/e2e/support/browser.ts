// Debian Chromium for the Chromium suites (the launch flags live with the driver, engines/chromium.ts).
// Without Chromium the browser suites skip with a visible reason — unless REQUIRE_E2E=1 (CI),
// where a missing browser is a failure.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../engines/chromium';

export { CHROMIUM };
export const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  if (process.env.REQUIRE_E2E === '1') throw new Error(`REQUIRE_E2E=1 but no Chromium at ${CHROMIUM}`);
  console.warn(`\n*** Browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium). ***\n`);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
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

/** After a failure: a screenshot and the page's address and text under test-results/. */
export async function keepFailure(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
  const text = await page
    .locator('body')
    .innerText()
    .catch(() => '');
  writeFileSync(`test-results/${name}.txt`, `${page.url()}\n${text}`);
}
