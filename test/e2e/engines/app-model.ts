// The page model: the field app as a person uses it, written once for every engine on top of
// EngineDriver. Each step acts through Hands (hands.ts: Playwright's role and label locators on
// Chromium, an in-page script on WebKit and Firefox) and then waits for a condition, never a fixed
// sleep. What only Playwright can do (setOffline, route interception, CDP, page.pdf, real keyboard
// and pointer input) is reached through `app.page` and `app.context`, on Chromium only.
//
// Signed-in devices come from the fixtures: support/chromium-suite.ts (`env.signedIn(role)`) and
// engines/suite.ts (`forEachEngine(title, scenario, { as: role })`).
import type { BrowserContext, Page } from 'playwright-core';
import type { EngineDriver } from './driver';
import { playwrightDriver } from './chromium';
import { InPageHands, PlaywrightHands, until, type Hands, type Name } from './hands';

/** The demo accounts the server seeds (DEMO_DATA=on). */
export const USERS = {
  officer: { email: 'officer@example.org', password: 'officer-demo-pass' },
  manager: { email: 'manager@example.org', password: 'manager-demo-pass' },
  qa: { email: 'qa@example.org', password: 'qa-demo-pass' },
};
export type Role = keyof typeof USERS;
export type Credentials = { email: string; password: string };

export const QMF_AREAS = [
  'Staffing levels and recruitment',
  'Staff supervision',
  'Staff training',
  'Resident care',
  'Safeguarding',
  'Management and finances',
  'Staff feedback',
  'Medicine management',
  'Feedback from residents and service users',
];

export type DeviceRecord = {
  id: string;
  status: string;
  answers: Record<string, { value: string | null; note: string }>;
  sectionRatings: Record<string, string>;
};

/** Runs in the page: how many entries one object store of the app's IndexedDB holds. */
function countStore(storeName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('qa-visits');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction(storeName).objectStore(storeName).count();
      count.onsuccess = () => {
        open.result.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}

/** Runs in the page: one object store of the app's IndexedDB, one record or all (empty when the store is missing). */
function readStore(storeName: string, key: string | null): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('qa-visits');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      if (!database.objectStoreNames.contains(storeName)) {
        database.close();
        resolve(key ? null : []);
        return;
      }
      const objects = database.transaction(storeName).objectStore(storeName);
      const request = key ? objects.get(key) : objects.getAll();
      request.onsuccess = () => {
        database.close();
        resolve(request.result ?? null);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** Runs in the page: puts submitted records and their pending outbox entries in one transaction, as submitVisit leaves them. */
function putQueued(owner: string, list: Array<Record<string, unknown> & { id: string; revision: number }>) {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('qa-visits');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const tx = database.transaction(['records', 'outbox'], 'readwrite');
      const now = Date.now();
      for (const b of list) {
        tx.objectStore('records').put({
          id: b.id,
          ownerId: owner,
          status: 'queued',
          revision: b.revision,
          baseRevision: b.baseRevision,
          templateId: b.templateId,
          templateVersion: b.templateVersion,
          kind: b.kind,
          details: b.details,
          subjectName: 'Queued by a test',
          answers: b.answers,
          sectionRatings: b.sectionRatings,
          overallRating: b.overallRating ?? null,
          ratingOverrides: b.ratingOverrides ?? {},
          actions: b.actions ?? [],
          actionChecks: b.actionChecks ?? [],
          review: null,
          startedAt: b.startedAt,
          updatedAt: now,
          submittedAt: b.submittedAt,
          receivedAt: null,
          problem: null,
        });
        tx.objectStore('outbox').add({
          recordId: b.id,
          revision: b.revision,
          body: b,
          state: 'pending',
          attempts: 0,
          lastProblem: null,
          enqueuedAt: now,
          uploaded: [],
        });
      }
      tx.oncomplete = () => {
        database.close();
        resolve();
      };
      tx.onerror = () => {
        database.close();
        reject(tx.error);
      };
    };
  });
}

/** Runs in the page (Chromium): answers every empty radio group and checkbox group of the open form; returns how many. */
function fillEmptyChoices(): number {
  let filled = 0;
  const form = document.querySelector('main form');
  if (!form) return 0;
  const radiosByName = new Map<string, HTMLInputElement[]>();
  for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=radio]'))) {
    if (input.name.startsWith('rating-')) continue; // ratings are chosen from the suggestion
    radiosByName.set(input.name, [...(radiosByName.get(input.name) ?? []), input]);
  }
  for (const group of radiosByName.values()) {
    if (!group.some((r) => r.checked)) {
      group[0]!.click();
      filled++;
    }
  }
  const boxes = new Map<string, HTMLInputElement[]>();
  for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) {
    const key = input.closest('fieldset')?.id || input.name;
    boxes.set(key, [...(boxes.get(key) ?? []), input]);
  }
  for (const group of boxes.values()) {
    if (!group.some((b) => b.checked)) {
      group[0]!.click();
      filled++;
    }
  }
  return filled;
}

const SECTION_TEXT = 'Seen and discussed during the visit.';

export class FieldApp<D extends EngineDriver = EngineDriver> {
  private readonly hands: Hands;

  constructor(
    readonly driver: D,
    readonly baseUrl: string,
  ) {
    this.hands = driver.playwright ? new PlaywrightHands(() => this.page) : new InPageHands(driver);
  }

  // --- The escape hatch (Chromium only) ---

  /** The Playwright page of this device (it changes when the driver restarts). */
  get page(): Page {
    return this.playwright().page;
  }
  get context(): BrowserContext {
    return this.playwright().context;
  }
  /** Chromium: another tab of the same browser context (the same device), as a page model of its own. */
  async newTab(): Promise<FieldApp> {
    const { context } = this;
    const page = await context.newPage();
    return new FieldApp(await playwrightDriver(async () => ({ context, page })), this.baseUrl);
  }
  private playwright() {
    if (!this.driver.playwright) throw new Error(`[${this.driver.engine}] this step needs Playwright (Chromium only)`);
    return this.driver.playwright;
  }

  // --- Reading the page and waiting ---

  /** Polls a condition until it holds (20 s unless told), naming the engine and heading if it never does. */
  until(description: string, check: () => Promise<boolean>, timeoutMs?: number): Promise<void> {
    return until(this.driver, description, check, timeoutMs);
  }
  heading = () => this.hands.heading();
  waitForHeading = (name: Name, timeoutMs?: number) => this.hands.waitForHeading(name, timeoutMs);
  /** The text of the element with this test id, white space collapsed. */
  testId = (id: string) => this.hands.testId(id);
  /** "n visits waiting to send". */
  waitingCount = () => this.hands.testId('waiting');

  async open(path = '/'): Promise<void> {
    await this.driver.goto(`${this.baseUrl}${path}`);
  }

  // --- Single controls ---

  fill = (label: string, value: string) => this.hands.fill(label, value);
  /** Checks the n-th radio or checkbox labelled exactly `label`. */
  check = (label: string, nth = 0) => this.hands.choose(label, nth);
  checked = (label: string, nth = 0) => this.hands.chosen(label, nth);
  /** Writes the evidence of the n-th item on an area page. */
  note = (index: number, text: string) => this.hands.note(index, text);
  noteValue = (index: number) => this.hands.noteValue(index);

  // --- Steps ---

  /** From the sign-in page to My visits. */
  async signIn(who: Role | Credentials = 'officer'): Promise<void> {
    const { email, password } = typeof who === 'string' ? USERS[who] : who;
    await this.waitForHeading('Sign in');
    await this.hands.fill('Email address', email);
    await this.hands.fill('Password', password);
    await this.hands.press('button', 'Sign in');
    await this.waitForHeading('My visits');
  }

  /** Waits until a sync has finished on this device (reference data pulled, outbox drained). */
  waitForSynced = () => this.hands.waitForSynced();

  /** Opens the app, signs in as a demo account and waits for the first sync: where most tests start. */
  async openSignedIn(role: Role): Promise<void> {
    await this.open('/');
    await this.signIn(role);
    await this.waitForSynced();
  }

  syncNow = () => this.hands.press('button', 'Sync now');

  /** Waits until the device has nothing waiting to send. */
  async waitForAllSent(timeoutMs = 60_000): Promise<void> {
    const sent = async () => (await this.waitingCount()) === '0 visits waiting to send';
    await this.until('the outbox to drain', sent, timeoutMs);
  }

  /**
   * Quits the browser and starts it again on the same profile, then opens the app at My visits
   * from the service worker: a device's cold start. `offline` (Chromium) starts it with no network.
   */
  async coldStart(options: { offline?: boolean } = {}): Promise<void> {
    await this.driver.restart();
    if (options.offline) await this.context.setOffline(true);
    await this.open('/');
    await this.waitForHeading('My visits');
  }

  /** From My visits: starts a visit to `provider` and returns its id. */
  async startVisit(provider: string, options: { announced?: boolean; spokeWith?: string } = {}): Promise<string> {
    await this.hands.press('button', 'Start a visit');
    await this.waitForHeading('Start a visit');
    await this.hands.select('Provider', provider);
    await this.hands.choose(options.announced === false ? 'Unannounced' : 'Announced');
    await this.hands.fill('Who did you speak to?', options.spokeWith ?? 'Registered manager; two senior carers');
    await this.hands.press('button', 'Start visit');
    await this.waitForHeading(provider);
    const url = await this.driver.url();
    const id = new URL(url).pathname.split('/')[2];
    if (!id) throw new Error(`[${this.driver.engine}] no visit id in ${url}`);
    return id;
  }

  /** From the task list to an area. */
  async openArea(area: string): Promise<void> {
    await this.hands.press('link', area, true);
    await this.waitForHeading(area);
  }

  /** Answers every unanswered item of the open area `answer` and rates it (as suggested, when the template suggests). */
  async answerArea(answer = 'Met', rating = 'Green'): Promise<void> {
    await this.hands.answerUnanswered(answer);
    await this.hands.rateAsSuggested(rating);
  }

  async backToVisit(provider: string): Promise<void> {
    await this.hands.press('link', 'Return to the visit');
    await this.waitForHeading(provider);
  }

  /** On templates with an overall judgement (QMF v2 on), gives it from the task list and returns. */
  async giveOverallRating(provider: string, rating = 'Green'): Promise<void> {
    if (!(await this.hands.has('link', 'Overall RAG rating'))) return;
    await this.hands.press('link', 'Overall RAG rating');
    await this.waitForHeading('Overall RAG rating');
    await this.hands.rateAsSuggested(rating);
    await this.hands.press('button', 'Save and return');
    await this.waitForHeading(provider);
  }

  /** Answers every area not in `skip` "Met" / "Green" from the task list, then the overall rating if the template asks for one. */
  async completeAllAreas(provider: string, skip: string[] = []): Promise<void> {
    for (const area of QMF_AREAS.filter((a) => !skip.includes(a))) {
      await this.openArea(area);
      await this.answerArea('Met', 'Green');
      await this.backToVisit(provider);
    }
    await this.giveOverallRating(provider, 'Green');
  }

  /** From the task list to the check-answers page. */
  async checkAnswers(): Promise<void> {
    await this.hands.press('link', 'Check answers and submit');
    await this.waitForHeading('Check your answers');
  }

  /** From the check-answers page back to My visits, the record submitted. */
  async submitVisit(button = 'Submit visit'): Promise<void> {
    await this.hands.press('button', button);
    await this.waitForHeading('My visits');
  }

  /** Starts, completes and submits a visit; returns its id. */
  async submitCompleteVisit(provider: string): Promise<string> {
    const id = await this.startVisit(provider);
    await this.completeAllAreas(provider);
    await this.checkAnswers();
    await this.submitVisit();
    return id;
  }

  /**
   * Chromium: answers everything visible in the open section whatever its item types (radios,
   * checkboxes, text, numbers, dates), adds one row to each repeating group, and picks the
   * suggested rating; repeated until nothing visible is left empty, since answers can reveal items.
   */
  async fillSection(): Promise<void> {
    const page = this.page;
    // Real buttons only: a file input ("Add a photo") also has the button role.
    const addRow = page.locator('main form button').filter({ hasText: /^Add a / });
    for (let n = await addRow.count(); n > 0; n--) await addRow.first().click();
    for (let pass = 0; pass < 4; pass++) {
      const changed = (await page.evaluate(fillEmptyChoices)) + (await this.fillEmptyText());
      if (changed === 0) break;
    }
    if ((await page.locator('input[type=radio][name^="rating-"]').count()) > 0) await this.chooseSuggestedRating();
  }

  private async fillEmptyText(): Promise<number> {
    let filled = 0;
    const fields = this.page
      .locator('main form')
      .locator('textarea, input[type=text], input[type=date], input[inputmode=decimal]');
    const count = await fields.count();
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      if (!(await field.isVisible()) || (await field.inputValue()) !== '') continue;
      const type = await field.getAttribute('type');
      const mode = await field.getAttribute('inputmode');
      await field.fill(
        type === 'date' ? new Date().toISOString().slice(0, 10) : mode === 'decimal' ? '2' : SECTION_TEXT,
      );
      await field.blur();
      filled++;
    }
    return filled;
  }

  /** Chromium: checks the rating marked "(suggested)", or the first rating when nothing is suggested yet. */
  async chooseSuggestedRating(): Promise<void> {
    const page = this.page;
    const ratings = page.locator('input[type=radio][name^="rating-"]');
    await ratings.first().waitFor();
    const suggested = page.getByRole('radio', { name: /\(suggested\)$/ });
    if ((await suggested.count()) > 0) await suggested.first().check();
    else await ratings.first().check();
  }

  // --- The device's own store ---

  /** What the device holds for a record, read straight from IndexedDB. */
  async record(id: string): Promise<DeviceRecord | null> {
    return (await this.driver.evaluate(readStore, 'records', id)) as DeviceRecord | null;
  }

  /** How many entries an object store of the device database holds. */
  count = (storeName: string) => this.driver.evaluate(countStore, storeName);

  async outbox(): Promise<Array<{ recordId: string; state: string }>> {
    return (await this.driver.evaluate(readStore, 'outbox', null)) as Array<{ recordId: string; state: string }>;
  }

  /**
   * Puts submitted records straight into the device database, as submitVisit leaves them (a queued
   * record and its pending outbox entry), so a test can queue hundreds without typing them. The
   * app picks them up on its next drain.
   */
  async queueRecords(
    ownerId: string,
    bodies: Array<{ id: string; revision: number; details: unknown } & Record<string, unknown>>,
  ): Promise<void> {
    await this.driver.evaluate(putQueued, ownerId, bodies);
  }

  /**
   * Layout problems on the current page: horizontal scrolling, and touch targets (links, buttons,
   * fields, and each radio or checkbox with its label) smaller than 44 × 44 CSS px.
   */
  layoutProblems(): Promise<string[]> {
    return this.driver.evaluate(() => {
      const problems: string[] = [];
      if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        problems.push(
          `scrolls sideways: content ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`,
        );
      }
      const targets = Array.from(document.querySelectorAll<HTMLElement>('a, button, select, textarea, input'));
      for (const el of targets) {
        const box = (
          el.matches('input[type=radio], input[type=checkbox]') ? (el.parentElement ?? el) : el
        ).getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right < 0 || box.left > window.innerWidth) continue; // hidden or off-screen (skip link)
        if (box.width < 44 || box.height < 44) {
          problems.push(
            `${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim().slice(0, 40)}" is ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
        }
      }
      return problems;
    });
  }

  /** Resolves once a service worker controls the page (so the app can open offline). */
  async waitForServiceWorker(): Promise<void> {
    await this.until('a service worker in control', () =>
      this.driver.evaluate(() => navigator.serviceWorker?.controller != null),
    );
  }
}
