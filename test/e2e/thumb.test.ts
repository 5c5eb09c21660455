// Issue 17, the parts left after the first round, in Chromium at phone (390 × 844, touch) and iPad
// (820 × 1180) size: the office tables stack on a phone (each cell labelled by its column) with
// short dates, and the inbox's dates keep to one line on an iPad; the report charts' text is at
// least 14 px on a phone; the rating reason and the review comment have a character count; an
// error link on check answers lands on the field itself; the sync bar is one line on a phone and
// opens for its details. Each would fail on the code before it. Last, every page is walked as an
// officer, a manager and a QA manager at both sizes: nothing scrolls sideways, axe finds no
// serious or critical violation, and every target is at least 24 × 24 px (WCAG 2.5.8).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import type { Role } from './engines/app-model';
import { expectAccessible } from './support/browser';
import { describeWithChromium, type ChromiumApp, type ChromiumEnv } from './support/chromium-suite';
import { qmfCareHomeV2 } from '../../src/shared/templates/index';
import { recordBody } from '../server/helpers';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const IPAD = { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true };
const PROVIDER = 'Willow Bank Care Home';
const AREA = 'Staffing levels and recruitment';

/** Opens `path` inside the running app (as a link would, without reloading and so re-locking it). */
async function go(app: ChromiumApp, path: string): Promise<void> {
  await app.page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await settled(app.page);
}

/** Waits until the page has a heading and nothing on it is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !/Loading…/.test(document.querySelector('main')?.textContent ?? ''), null, {
    timeout: 20_000,
  });
  await page.waitForTimeout(200);
}

/** Content wider than the window. */
const sideways = (page: Page) =>
  page.evaluate(() =>
    document.documentElement.scrollWidth > window.innerWidth
      ? `${document.documentElement.scrollWidth}px of content in a ${window.innerWidth}px window`
      : null,
  );

/**
 * How a table's cells are set out: whether each data cell is a block of its own labelled by its
 * column's heading (a label shown before it, the same text as the heading), and the tallest line
 * count of any cell holding a date.
 */
function tableLayout(caption: string) {
  return (async () => {
    const table = Array.from(document.querySelectorAll('table')).find((t) =>
      (t.caption?.textContent ?? '').includes(caption),
    );
    if (!table) return null;
    const headings = Array.from(table.querySelectorAll('thead th')).map((th) => (th.textContent ?? '').trim());
    const unlabelled: string[] = [];
    for (const row of Array.from(table.tBodies[0]?.rows ?? []).slice(0, 5))
      Array.from(row.cells).forEach((cell, i) => {
        if (cell.tagName !== 'TD') return;
        const before = getComputedStyle(cell, '::before');
        const shown = before.content !== 'none' && before.content !== 'normal' && before.display !== 'none';
        const heading = headings[i] ?? '';
        if (heading === '' || heading === 'Open' || heading === 'Update') return; // speak for themselves
        if (
          !shown ||
          (cell as HTMLElement).dataset.label !== heading ||
          getComputedStyle(cell).display === 'table-cell'
        )
          unlabelled.push(`${heading}: "${(cell.textContent ?? '').trim().slice(0, 30)}"`);
      });
    return { width: table.getBoundingClientRect().width, unlabelled };
  })();
}

/**
 * Targets failing WCAG 2.5.8 (target size, minimum): links, buttons, fields and summaries (a radio
 * or checkbox with its label) under `min` px either way pass only by the spacing exception: a
 * circle of `min` px diameter centred on the target's box meets no other target and no other
 * undersized target's circle. Links inline in a sentence are exempt (they still count as targets
 * that others must keep clear of).
 */
function smallTargets(min: number): string[] {
  const problems: string[] = [];
  const radius = min / 2;
  const boxOf = (el: HTMLElement) =>
    el.matches('input[type=radio], input[type=checkbox]') ? (el.parentElement ?? el) : el;
  const describe = (el: HTMLElement, box: DOMRect) =>
    `${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim().slice(0, 40)}" is ${Math.round(box.width)}×${Math.round(box.height)}`;
  /** A link set inline among other words of its block. */
  const inSentence = (el: HTMLElement) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.parentElement?.closest('p, li, dd, dt, td, th, div, span, label, legend') ?? el.parentElement;
    const own = (el.textContent ?? '').trim().length;
    return ((block?.textContent ?? '').replace(/\s+/g, ' ').trim().length ?? 0) > own + 3;
  };
  const targets: { el: HTMLElement; target: HTMLElement; box: DOMRect; small: boolean; exempt: boolean }[] = [];
  const seen = new Set<HTMLElement>();
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('a, button, select, textarea, input, summary'))) {
    const target = boxOf(el);
    if (seen.has(target)) continue;
    seen.add(target);
    const box = target.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right < 0 || box.left > window.innerWidth) continue; // hidden or off-screen (skip link)
    if (getComputedStyle(target).visibility === 'hidden') continue;
    const small = box.width < min || box.height < min;
    targets.push({ el, target, box, small, exempt: small && inSentence(el) });
  }
  const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  /** How far a point is from a box (0 inside it). */
  const distance = (p: { x: number; y: number }, box: DOMRect) =>
    Math.hypot(Math.max(box.left - p.x, 0, p.x - box.right), Math.max(box.top - p.y, 0, p.y - box.bottom));
  for (const t of targets) {
    if (!t.small || t.exempt) continue;
    const c = centre(t.box);
    const clash = targets.find((o) => {
      if (o === t || o.target.contains(t.target) || t.target.contains(o.target)) return false;
      if (distance(c, o.box) < radius) return true; // the circle meets the other target
      if (o.small && !o.exempt) {
        const oc = centre(o.box);
        return Math.hypot(c.x - oc.x, c.y - oc.y) < min; // the two circles meet
      }
      return false;
    });
    if (clash) problems.push(`${describe(t.el, t.box)}, its ${min} px circle meeting ${describe(clash.el, clash.box)}`);
  }
  return problems;
}

describeWithChromium('pages under a thumb (Chromium, phone and iPad)', (env) => {
  it('stacks the office tables on a phone, labelled, with short dates; keeps inbox dates on one line on an iPad', async () => {
    const qa = await env.signedIn('qa', PHONE);
    const page = qa.page;
    const tables = [
      { path: '/office/inbox', caption: 'records' },
      { path: '/office/actions', caption: 'open actions, overdue first' },
      { path: '/office/actions', caption: 'Significant actions closed within 3 months' },
      { path: '/office/providers', caption: 'providers' },
    ];
    for (const { path, caption } of tables) {
      await go(qa, path);
      await page.locator('table').first().waitFor();
      const layout = await page.evaluate(tableLayout, caption);
      expect(layout, `${path}: a table "${caption}"`).not.toBeNull();
      expect(layout!.unlabelled, `${path} "${caption}": cells not stacked with their column's heading`).toEqual([]);
      expect(layout!.width, `${path} "${caption}" fits the phone`).toBeLessThanOrEqual(360);
      expect(await sideways(page), path).toBeNull();
    }
    await go(qa, '/office/inbox');
    const firstDate = page.locator('table tbody tr').first().locator('td').first();
    expect(await firstDate.textContent()).toMatch(/^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Oct|Nov|Dec) \d{4}$/);
    await page.screenshot({ path: 'test-results/thumb-inbox-390.png' });
    await expectAccessible(page, 'inbox, stacked');
    await go(qa, '/office/actions');
    await page.getByRole('table', { name: /open actions?, overdue first/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/thumb-actions-390.png' });
    await expectAccessible(page, 'actions tracker, stacked');
    await go(qa, '/office/providers');
    await expectAccessible(page, 'register, stacked');

    const ipad = await env.signedIn('qa', IPAD);
    await go(ipad, '/office/inbox');
    const lines = await ipad.page
      .locator('table tbody tr')
      .first()
      .locator('td')
      .evaluateAll((cells) => {
        // The lines its text runs over: the tops of the boxes of each of its text nodes.
        const linesOf = (element: Element) => {
          const tops = new Set<number>();
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
          }
          return tops.size;
        };
        return [linesOf(cells[0]!), linesOf(cells[3]!)];
      });
    expect(lines[0], 'the record date on one line').toBe(1);
    expect(lines[1], 'the received date and time on at most two lines').toBeLessThanOrEqual(2);
    expect(await sideways(ipad.page), 'inbox on an iPad').toBeNull();
    const wide = await ipad.page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!;
      return wrap.scrollWidth - wrap.clientWidth;
    });
    expect(wide, 'the inbox needs no scrolling sideways on an iPad').toBeLessThanOrEqual(0);
  });

  it('sets the report charts’ text at 14 px or more on a phone', async () => {
    const qa = await env.signedIn('qa', PHONE);
    for (const path of ['/office/reports/quarterly', '/office/actions']) {
      await go(qa, path);
      await qa.page.locator('.chart-label').first().waitFor();
      const sizes = await qa.page.evaluate(() =>
        Array.from(document.querySelectorAll<SVGTextElement>('.chart-label, .chart-value')).map((text) => {
          // The size as drawn: the font size times the chart's scale on the screen.
          const scale = text.ownerSVGElement!.getScreenCTM()!.a;
          return Math.round(parseFloat(getComputedStyle(text).fontSize) * scale * 10) / 10;
        }),
      );
      expect(sizes.length, path).toBeGreaterThan(0);
      expect(Math.min(...sizes), `${path}: the smallest chart text, in px`).toBeGreaterThanOrEqual(14);
      expect(await sideways(qa.page), path).toBeNull();
    }
    await qa.page.screenshot({ path: 'test-results/thumb-chart-390.png' });
    await expectAccessible(qa.page, 'actions tracker chart');
  });

  it('counts the characters of a rating’s reason and of a review comment', async () => {
    const app = await env.signedIn('officer', PHONE);
    const page = app.page;
    await app.startVisit(PROVIDER);
    await app.openArea(AREA);
    await app.answerArea('Met', 'Green');
    await page.getByRole('radio', { name: 'Red', exact: true }).check();
    const reason = page.getByRole('textbox', { name: /^Why is your rating Red/ });
    await reason.waitFor();
    expect(await reason.evaluate((box) => box.getAttribute('aria-describedby') ?? '')).toMatch(/-reason-info/);
    await reason.fill('x'.repeat(3_500));
    const count = page.getByTestId('count').filter({ hasText: 'You have 500 characters remaining' });
    await count.waitFor();
    await reason.fill('x'.repeat(4_002));
    await page.getByTestId('count').filter({ hasText: 'You have 2 characters too many' }).waitFor();
    await expectAccessible(page, 'area with a rating reason over its limit');

    const qa = await env.signedIn('qa', PHONE);
    await go(qa, '/office/inbox');
    await qa.page
      .getByRole('link', { name: /^Moderate/ })
      .first()
      .click();
    await qa.waitForHeading(/^Review: /);
    const comment = qa.page.getByRole('textbox', { name: 'Comment' });
    expect(await comment.evaluate((box) => box.getAttribute('aria-describedby') ?? '')).toContain(
      'review-comment-info',
    );
    await comment.fill('y'.repeat(4_001));
    await qa.page.getByTestId('count').filter({ hasText: 'You have 1 character too many' }).waitFor();
    const sent: string[] = [];
    qa.page.on('request', (r) => void (r.url().endsWith('/review') && sent.push(r.url())));
    await qa.page.getByRole('button', { name: 'Return for amendment' }).click();
    await qa.page
      .getByRole('alert')
      .filter({ hasText: 'Your comment must be 4,000 characters or fewer' })
      .first()
      .waitFor();
    expect(sent, 'nothing sent for the server to refuse').toEqual([]);
    await expectAccessible(qa.page, 'review with a comment over its limit');
  });

  it('takes an error link on check answers to the field itself', async () => {
    const app = await env.signedIn('officer', PHONE);
    const page = app.page;
    await app.startVisit(PROVIDER);
    await app.openArea(AREA);
    // One question answered: the area is started, so each of its other questions is listed.
    await page.getByRole('radio', { name: 'Met', exact: true }).first().check();
    await page.getByRole('link', { name: 'Return to the visit' }).click();
    await app.waitForHeading(PROVIDER);
    await app.checkAnswers();
    const group = page.getByRole('region', { name: AREA });
    const links = group.getByRole('link');
    expect(await links.count()).toBeGreaterThan(1);
    const link = links.nth(1);
    const href = (await link.getAttribute('href'))!;
    expect(href, 'the link names the field').toMatch(/#[\w-]+$/);
    await link.click();
    await app.waitForHeading(AREA);
    const target = href.split('#')[1]!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);
    const inView = await page.evaluate((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, target);
    expect(inView, 'the field is on the screen').toBe(true);
    expect(await page.evaluate(() => window.scrollY), 'scrolled down to it').toBeGreaterThan(0);
    await expectAccessible(page, 'area opened at a field');
  });

  it('shows the sync status in one line on a phone, with its details a button away', async () => {
    const app = await env.signedIn('officer', PHONE);
    const page = app.page;
    const bar = page.getByRole('region', { name: 'Sync status' });
    const height = (await bar.boundingBox())!.height;
    console.log(`Sync bar at 390 px: ${Math.round(height)} px of 844 (124 px before)`);
    expect(height, 'the bar is one line, far under a fifth of the screen').toBeLessThanOrEqual(844 / 12);
    expect(await page.getByTestId('waiting').isVisible()).toBe(true);
    expect(await app.waitingCount()).toBe('0 visits waiting to send');
    const toggle = page.getByRole('button', { name: 'Sync details' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'Sync now' }).isVisible()).toBe(false);
    await page.screenshot({ path: 'test-results/thumb-sync-bar-390.png' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Sync now' }).waitFor();
    expect(await page.getByTestId('last-sync').isVisible()).toBe(true);
    await expectAccessible(page, 'sync bar opened');
    await app.syncNow();
    await app.waitForSynced();

    const ipad = await env.signedIn('officer', IPAD);
    expect(await ipad.page.getByRole('button', { name: 'Sync now' }).isVisible(), 'wider, all of it shows').toBe(true);
    expect(await ipad.page.getByRole('button', { name: 'Sync details' }).isVisible()).toBe(false);
  });

  describe.each([
    ['phone', PHONE],
    ['iPad', IPAD],
  ] as const)('every page at %s size', (size, device) => {
    it.each(['officer', 'manager', 'qa'] as const)(
      `as the %s: no sideways scroll, axe clean, targets of 24 px`,
      async (role) => {
        await walk(env, role, device, size);
      },
      300_000,
    );
  });
});

/** axe's serious and critical WCAG 2.2 A/AA violations on the page (as expectAccessible, listed rather than thrown). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The pages a role reaches, opened in turn and checked; a visit started for the field pages. */
async function walk(env: ChromiumEnv, role: Role, device: typeof PHONE, size: string): Promise<void> {
  const app = await env.signedIn(role, device);
  const page = app.page;
  const seen: string[] = [];
  const problems: string[] = [];
  const check = async (name: string) => {
    await settled(page);
    const wide = await sideways(page);
    if (wide) problems.push(`${name}: ${wide}`);
    for (const small of await page.evaluate(smallTargets, 24)) problems.push(`${name}: ${small}`);
    for (const violation of await axeViolations(page)) problems.push(`${name}: ${violation}`);
    seen.push(name);
  };
  await check('my visits');
  for (const path of ['/providers', '/deadlines', '/storage', '/sign-out']) {
    await go(app, path);
    await check(path);
  }
  await go(app, '/providers');
  await page.locator('main a[href$="/briefing"]').first().click();
  await check('a briefing');
  if (role === 'officer') {
    await go(app, '/');
    const id = await app.startVisit(PROVIDER);
    await check('task list');
    await app.openArea(AREA);
    await check('area');
    await page.getByRole('link', { name: 'Return to the visit' }).click();
    await app.waitForHeading(PROVIDER);
    await fieldTasks(app, id, check);
    await app.checkAnswers();
    await check('check answers (incomplete)');
    await amendAndConflict(env, app, check);
  } else {
    for (const path of ['/office', '/office/inbox', '/office/actions']) {
      await go(app, path);
      await check(path);
    }
    if (role === 'manager') {
      await go(app, '/');
      await page.getByRole('link', { name: 'Start an observation of practice' }).click();
      await app.waitForHeading('Start an observation of practice');
      await check('start an observation');
      await page.getByRole('radio', { name: /home visit/i }).check();
      await page.getByLabel('Practitioner observed').fill('Alex Morgan');
      await page.getByLabel('Practitioner’s role').fill('Social worker');
      await page.getByLabel('Team').fill('North Children in Need');
      await page.getByRole('button', { name: 'Start observation' }).click();
      await app.waitForHeading('Alex Morgan');
      const id = new URL(page.url()).pathname.split('/')[2]!;
      await check('observation task list');
      await page.getByTestId('section-task').first().click();
      await check('observation section');
      await go(app, `/visits/${id}`);
      await fieldTasks(app, id, check);
    }
    await go(app, '/office/inbox');
    if ((await page.getByRole('link', { name: /^Moderate/ }).count()) > 0) {
      await page
        .getByRole('link', { name: /^Moderate/ })
        .first()
        .click();
      await check('review');
      await go(app, '/office/inbox');
      await page.locator('table tbody tr th a').first().click();
      await check('record report');
    }
  }
  if (role === 'qa') {
    for (const path of ['/office/providers', '/office/reports/quarterly', '/office/import']) {
      await go(app, path);
      await check(path);
    }
    await go(app, '/office/providers');
    await page.locator('table tbody tr th a').first().click();
    await check('provider office page');
  }
  console.log(`${role} at ${size}: ${seen.length} pages walked: ${seen.join('; ')}`);
  expect(problems, `${role} at ${size}`).toEqual([]);
}

type Check = (name: string) => Promise<void>;

/**
 * From a record's task list: the overall judgement (when its template asks for one), the
 * signatures (when its kind is signed), and the actions, before and after one is raised; back on
 * the task list at the end.
 */
async function fieldTasks(app: ChromiumApp, id: string, check: Check): Promise<void> {
  const page = app.page;
  const task = (href: string) => page.locator(`main a.task-name[href="/visits/${id}/${href}"]`);
  const heading = (await page.locator('main h1').first().textContent())!.trim();
  const back = async () => {
    await go(app, `/visits/${id}`);
    await app.waitForHeading(heading);
  };
  if ((await task('judgement').count()) > 0) {
    await task('judgement').click();
    await check('overall judgement');
    await app.chooseSuggestedRating();
    await check('overall judgement, rated');
    await back();
  }
  if ((await task('signatures').count()) > 0) {
    await task('signatures').click();
    await check('signatures');
    await back();
  }
  await task('actions').click();
  await check('actions');
  await page.getByLabel('Action', { exact: true }).fill('Refresh safeguarding training for night staff');
  await page.getByLabel('What must change').fill('Three of five night staff had no safeguarding training this year.');
  await page.getByRole('radio', { name: 'Routine' }).check();
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByTestId('raised-action').waitFor();
  await check('actions, one raised');
  await back();
}

/**
 * A record sent, then returned by the QA manager (through the API): the officer amends it, while
 * their other device sends its own amendment first, so the app sets the two side by side.
 */
async function amendAndConflict(env: ChromiumEnv, app: ChromiumApp, check: Check): Promise<void> {
  const page = app.page;
  const officer = await env.api('officer');
  const qa = await env.api('qa');
  const visit = { providerId: 'meadowview-court', date: '2026-11-02', announced: true, spokeWith: 'Deputy manager' };
  const body = recordBody(qmfCareHomeV2, visit);
  expect((await officer.put(`/api/submissions/${body.id}`, { data: body })).status()).toBe(201);
  const returned = await qa.post(`/api/submissions/${body.id}/review`, {
    data: { decision: 'return', revision: 1, comment: 'Say who you spoke to by role.' },
  });
  expect(returned.status()).toBe(200);
  await go(app, '/');
  await app.syncNow();
  const row = page.getByTestId('returned').filter({ has: page.locator(`a[href="/visits/${body.id}/check"]`) });
  await row.waitFor({ timeout: 30_000 });
  await check('my visits, one returned');
  await row.locator(`a[href="/visits/${body.id}/check"]`).click();
  await check('returned record');
  await page.getByRole('button', { name: 'Amend this visit' }).click();
  await check('amendment task list');
  await page.getByRole('link', { name: 'Visit details' }).click();
  await check('amendment details');
  await page.getByLabel('Who did you speak to?').fill('Deputy manager; two senior carers (amended on the tablet)');
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.locator('main a.task-name').first().waitFor();
  const phone = {
    ...body,
    revision: 2,
    baseRevision: 1,
    details: { ...visit, spokeWith: 'Deputy manager (amended on the phone)' },
  };
  expect((await officer.put(`/api/submissions/${body.id}`, { data: phone })).status()).toBe(201);
  await app.checkAnswers();
  await check('amendment check answers');
  await app.submitVisit();
  const attention = page.locator('#group-attention').locator('..');
  await attention.locator(`a[href^="/visits/${body.id}"]`).first().waitFor({ timeout: 30_000 });
  await check('my visits, one needing attention');
  await attention.locator(`a[href^="/visits/${body.id}"]`).first().click();
  await page.getByRole('link', { name: 'Compare with the council’s copy' }).click();
  await app.waitForHeading('Your amendment and the council’s copy differ');
  await check('conflict');
}
