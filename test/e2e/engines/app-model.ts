// The page model: the field app as a person uses it, written once for every engine on top of
// EngineDriver. Each step acts through Hands (hands.ts: Playwright's role and label locators on
// Chromium, an in-page script on WebKit and Firefox) and then waits for a condition, never a fixed
// sleep. What only Playwright can do (setOffline, route interception, CDP, page.pdf, real keyboard
// and pointer input) is reached through `app.page` and `app.context`, on Chromium only.
//
// Signed-in devices come from the fixtures: support/chromium-suite.ts (`env.signedIn(role)`) and
// engines/suite.ts (`forEachEngine(title, scenario, { as: role })`).
//
// The app locks on every page load (issue 14: keys live only in memory). So that a test reloading
// or cold-starting a device goes on where it was, the model unlocks with the signed-in person's
// password whenever the lock screen shows: on Chromium an init script in every page of the device
// fills it in (whatever opened the page: the model, page.reload or page.goto), elsewhere
// waitForHeading does. `app.autoUnlock = false` turns that off (the lock tests). What the device
// stores is sealed under the person's key: record(), outbox bodies and files are opened in the
// page with the same password (openDeviceRows below), never through the app.
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

/** The lock screen's heading (src/app/lock/LockPage.tsx). */
export const LOCK_HEADING = 'QA Visits is locked';

/** Every password the model knows, by email: the demo accounts and whoever signed in through it. */
const knownPasswords = new Map<string, string>(Object.values(USERS).map((u) => [u.email, u.password]));
/** Per Chromium context (device): whether its pages unlock by themselves. */
const autoUnlocking = new WeakMap<BrowserContext, { on: boolean }>();

/**
 * Init script of every page of a Chromium device: when the lock screen shows, asks the test (over
 * the exposed binding, naming the email the screen shows) for the password and unlocks, once per
 * lock screen, so a wrong guess can never count towards a wipe more than once.
 */
const AUTO_UNLOCK_SCRIPT = `(() => {
  const tried = new WeakSet();
  const attempt = async () => {
    const form = document.querySelector('form[data-testid="lock-screen"]');
    if (!form || tried.has(form)) return;
    const input = form.querySelector('input[type="password"]');
    const button = form.querySelector('button[type="submit"]');
    if (!input || !button || button.disabled) return;
    tried.add(form);
    const password = await window.__qaTestUnlockPassword(document.querySelector('main')?.textContent ?? '');
    if (!password || !form.isConnected) return;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, password);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (form.isConnected) form.requestSubmit();
  };
  new MutationObserver(() => void attempt()).observe(document, { childList: true, subtree: true });
})()`;

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

/**
 * Chromium: makes every page of this device (browser context) unlock the lock screen by itself with
 * the password of the person it names, from the demo accounts and whoever signed in through a page
 * model (once per context; the bench uses it too).
 */
export async function autoUnlockDevice(context: BrowserContext): Promise<void> {
  if (autoUnlocking.has(context)) return;
  const flag = { on: true };
  autoUnlocking.set(context, flag);
  await context.exposeBinding('__qaTestUnlockPassword', (_source, shown: string) => {
    if (!flag.on) return null;
    for (const [email, password] of knownPasswords) if (shown.includes(`(${email})`)) return password;
    return null;
  });
  await context.addInitScript(AUTO_UNLOCK_SCRIPT);
}

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

/**
 * Runs in the page: rows of one object store of the app's IndexedDB (one, or all), with what the
 * app seals (issue 14) opened as the app would: the person's data key is unwrapped from the
 * keyring with the first of `passwords` that opens it (PBKDF2, as crypto/keyring.ts does) and kept
 * in the page until it reloads. Rows in the clear (before encryption, or under the browser tests'
 * plaintext switch) come as they are. A file's bytes come as base64 (`base64`, `thumbnailBase64`).
 */
export function openDeviceRows(storeName: string, key: string | null, passwords: string[]): Promise<unknown> {
  type Sealed = { iv: Uint8Array; data: ArrayBuffer } | { plain: string | Blob };
  type Row = Record<string, unknown>;
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const encoder = new TextEncoder();
  const base64 = (bytes: Uint8Array) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  return (async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('qa-visits');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!database.objectStoreNames.contains(storeName)) return key ? null : [];
      const store = database.transaction(storeName).objectStore(storeName);
      const rows = (key ? [await request(store.get(key))] : await request(store.getAll())) as Array<Row | undefined>;
      const keyring = database.objectStoreNames.contains('keyring')
        ? ((await request(database.transaction('keyring').objectStore('keyring').getAll())) as Array<{
            userId: string;
            wraps: Array<{ kind: string; salt: Uint8Array; iterations: number; iv: Uint8Array; data: ArrayBuffer }>;
          }>)
        : [];
      const page = window as unknown as { __qaTestKeys?: Record<string, CryptoKey> };
      const keys = (page.__qaTestKeys ??= {});
      const keyOf = async (owner: string): Promise<CryptoKey> => {
        const known = keys[owner];
        if (known) return known;
        const wrap = keyring.find((e) => e.userId === owner)?.wraps.find((w) => w.kind === 'password');
        if (!wrap) throw new Error(`no key of ${owner} on this device`);
        for (const password of passwords) {
          const base = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
          const kek = await crypto.subtle.deriveKey(
            {
              name: 'PBKDF2',
              hash: 'SHA-256',
              salt: wrap.salt as Uint8Array<ArrayBuffer>,
              iterations: wrap.iterations,
            },
            base,
            { name: 'AES-GCM', length: 256 },
            false,
            ['decrypt'],
          );
          try {
            const raw = await crypto.subtle.decrypt(
              {
                name: 'AES-GCM',
                iv: wrap.iv as Uint8Array<ArrayBuffer>,
                additionalData: encoder.encode(`qa-visits:data-key:password:${owner}`),
              },
              kek,
              wrap.data,
            );
            return (keys[owner] = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']));
          } catch {
            // not this password
          }
        }
        throw new Error(`none of the known passwords opens the key of ${owner}`);
      };
      const openBytes = async (owner: string, purpose: string, sealed: Sealed): Promise<Uint8Array> => {
        if ('plain' in sealed)
          return typeof sealed.plain === 'string'
            ? encoder.encode(sealed.plain)
            : new Uint8Array(await sealed.plain.arrayBuffer());
        const additionalData = encoder.encode(`qa-visits:${purpose}:${owner}`);
        const iv = sealed.iv as Uint8Array<ArrayBuffer>;
        return new Uint8Array(
          await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, await keyOf(owner), sealed.data),
        );
      };
      const openJson = async (owner: string, purpose: string, sealed: Sealed) =>
        JSON.parse(new TextDecoder().decode(await openBytes(owner, purpose, sealed))) as Row;
      const opened = async (row: Row | undefined): Promise<Row | null> => {
        if (!row) return null;
        const owner = row.ownerId as string;
        if (storeName === 'records' && row.head && row.body) {
          const { head, body, answerParts, edits: _edits, ...clear } = row;
          const { reviewComment, ...named } = await openJson(owner, 'record-head', head as Sealed);
          const review = clear.review ? { ...(clear.review as Row), comment: reviewComment ?? '' } : clear.review;
          const content = await openJson(owner, 'record-body', body as Sealed);
          // The answers are sealed in parts by item id (records/sealed-record.ts).
          const parts = await Promise.all(
            ((answerParts as Sealed[] | undefined) ?? []).map((part) => openJson(owner, 'record-answers', part)),
          );
          const answers = answerParts ? Object.assign({}, ...parts) : content.answers;
          return { ...clear, ...named, review, ...content, answers };
        }
        if (storeName === 'outbox' && row.sealedBody) {
          const { sealedBody, ...clear } = row;
          return { ...clear, body: await openJson(owner, 'outbox-body', sealedBody as Sealed) };
        }
        if (storeName === 'briefings' && row.sealed)
          return {
            ...(await openJson(owner, 'briefing', row.sealed as Sealed)),
            providerId: row.providerId,
            compiledAt: row.compiledAt,
          };
        if (storeName === 'files') {
          const { sealed, blob, thumbnail, ...clear } = row as Row & {
            sealed?: { blob: Sealed; thumbnail: Sealed | null };
            blob?: Blob;
            thumbnail?: Blob | null;
          };
          const bytes = sealed
            ? await openBytes(owner, 'file', sealed.blob)
            : new Uint8Array(await blob!.arrayBuffer());
          const small = sealed
            ? sealed.thumbnail && (await openBytes(owner, 'thumbnail', sealed.thumbnail))
            : thumbnail && new Uint8Array(await thumbnail.arrayBuffer());
          return { ...clear, base64: base64(bytes), thumbnailBase64: small ? base64(small) : null };
        }
        return row;
      };
      const all = await Promise.all(rows.map(opened));
      return key ? all[0] : all;
    } finally {
      database.close();
    }
  })();
}

/** Runs in the page: how many outbox entries of the signed-in person wait to be sent (what "n visits waiting to send" counts). */
function pendingOfSignedIn(): Promise<number> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const open = (name: string) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const o = indexedDB.open(name);
      o.onsuccess = () => resolve(o.result);
      o.onerror = () => reject(o.error);
    });
  return (async () => {
    const device = await open('qa-visits-device');
    const user = device.objectStoreNames.contains('keyval')
      ? ((await request(device.transaction('keyval').objectStore('keyval').get('last-user'))) as
          { id: string } | undefined)
      : undefined;
    device.close();
    const database = await open('qa-visits');
    try {
      if (!database.objectStoreNames.contains('outbox')) return 0;
      const rows = (await request(database.transaction('outbox').objectStore('outbox').getAll())) as Array<{
        ownerId?: string;
        state: string;
      }>;
      return rows.filter((r) => r.state === 'pending' && (r.ownerId === undefined || r.ownerId === user?.id)).length;
    } finally {
      database.close();
    }
  })();
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

  /** The person last signed in through the model: whose password unlocks the lock screen. */
  private credentials: Credentials = USERS.officer;
  /** Chromium: the auto-unlocker of the current context is in place. */
  private armed: Promise<void> = Promise.resolve();

  constructor(
    readonly driver: D,
    readonly baseUrl: string,
  ) {
    this.hands = driver.playwright ? new PlaywrightHands(() => this.page) : new InPageHands(driver);
    if (driver.playwright) {
      this.armed = this.armAutoUnlock();
      // A restart is a new context: it needs its own auto-unlocker before anything loads in it.
      const restart = driver.restart.bind(driver);
      (driver as { restart: () => Promise<void> }).restart = async () => {
        await restart();
        this.armed = this.armAutoUnlock();
        await this.armed;
      };
    }
  }

  /** Whether the lock screen is unlocked by itself with the signed-in person's password (on by default). */
  get autoUnlock(): boolean {
    return this.driver.playwright ? (autoUnlocking.get(this.context)?.on ?? true) : this.inPageAutoUnlock;
  }
  set autoUnlock(on: boolean) {
    if (this.driver.playwright) {
      const flag = autoUnlocking.get(this.context);
      if (flag) flag.on = on;
      else autoUnlocking.set(this.context, { on });
    } else this.inPageAutoUnlock = on;
  }
  private inPageAutoUnlock = true;

  private armAutoUnlock(): Promise<void> {
    return autoUnlockDevice(this.context);
  }

  /** Every password worth trying for the device's keys: the signed-in person's first. */
  private passwords(): string[] {
    return [...new Set([this.credentials.password, ...knownPasswords.values()])];
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

  /**
   * Waits for the page heading. Should the lock screen show meanwhile (a reload, a cold start),
   * it is unlocked with the signed-in person's password first (Chromium: by the init script).
   */
  async waitForHeading(name: Name, timeoutMs?: number): Promise<void> {
    if (this.driver.playwright || !this.autoUnlock) return this.hands.waitForHeading(name, timeoutMs);
    const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
    await this.until(
      `heading "${String(name)}"`,
      async () => {
        const heading = await this.hands.heading();
        if (matches(heading)) return true;
        if (heading === LOCK_HEADING && !matches(LOCK_HEADING)) await this.unlock();
        return false;
      },
      timeoutMs,
    );
  }

  /** On the lock screen: unlocks with `password` (the signed-in person's unless told) and waits until it has gone. */
  async unlock(password = this.credentials.password): Promise<void> {
    await this.hands.fill('Password', password);
    await this.hands.press('button', 'Unlock');
    await this.until('the lock screen to go', async () => (await this.hands.heading()) !== LOCK_HEADING, 30_000);
  }
  /** The text of the element with this test id, white space collapsed. */
  testId = (id: string) => this.hands.testId(id);
  /** "n visits waiting to send". */
  waitingCount = () => this.hands.testId('waiting');

  async open(path = '/'): Promise<void> {
    await this.armed;
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
    this.credentials = { email, password };
    knownPasswords.set(email, password);
    await this.armed;
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

  /** Presses "Sync now", first opening the sync bar's details where they are folded (a phone, Chromium). */
  async syncNow(): Promise<void> {
    if (this.driver.playwright) {
      const toggle = this.page.getByRole('button', { name: 'Sync details' });
      if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
    await this.hands.press('button', 'Sync now');
  }

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

  /** From the task list to the signatures page. */
  async openSignatures(): Promise<void> {
    await this.hands.press('link', 'Signatures');
    await this.waitForHeading('Signatures');
  }

  /** Chromium, on the signatures page: signs on the pad with the mouse, a zigzag stroke as a finger draws. */
  async drawSignature(): Promise<void> {
    const { page } = this;
    const box = await page.getByRole('img', { name: /draw the signature here/ }).boundingBox();
    if (!box) throw new Error('no signature pad on the page');
    const middle = box.y + box.height / 2;
    await page.mouse.move(box.x + 20, middle);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 20 + i * 12, middle + (i % 2 ? -15 : 15));
    await page.mouse.up();
  }

  /** From any page with the account links to the sign-out page. */
  async openSignOut(): Promise<void> {
    await this.hands.press('link', 'Sign out');
    await this.waitForHeading('Sign out');
  }

  /** On the sign-out page: signs out and clears the device (nothing unsent, or already confirmed), to Sign in. */
  async signOutAndClear(): Promise<void> {
    await this.hands.press('button', 'Sign out and clear this device');
    await this.waitForHeading('Sign in');
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

  /** From the check-answers page, through the confirmation ("Visit submitted"), back to My visits. */
  async submitVisit(button = 'Submit visit'): Promise<void> {
    await this.hands.press('button', button);
    await this.waitForHeading(/^(Visit|Observation|Audit) submitted$/);
    await this.hands.press('link', 'Go to My visits');
    await this.waitForHeading('My visits');
    await this.waitForWaitingCount();
  }

  /**
   * Waits until "n visits waiting to send" shows what the device's outbox holds for the signed-in
   * person: the count is a live query, re-read a moment after each write (more so while the
   * newly opened page decrypts its list).
   */
  async waitForWaitingCount(timeoutMs = 15_000): Promise<void> {
    await this.until(
      'the waiting count to show the outbox',
      async () => {
        const n = await this.driver.evaluate(pendingOfSignedIn);
        return (await this.waitingCount()) === `${n} ${n === 1 ? 'visit' : 'visits'} waiting to send`;
      },
      timeoutMs,
    );
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
    return (await this.driver.evaluate(openDeviceRows, 'records', id, this.passwords())) as DeviceRecord | null;
  }

  /** Every row of an object store of the device database, opened (see openDeviceRows). */
  async rows<T = Record<string, unknown>>(storeName: string): Promise<T[]> {
    return (await this.driver.evaluate(openDeviceRows, storeName, null, this.passwords())) as T[];
  }

  /** How many entries an object store of the device database holds. */
  count = (storeName: string) => this.driver.evaluate(countStore, storeName);

  /** Every row of an object store as the device keeps it, sealed fields unopened (empty when there is no such store). */
  async storedRows<T = Record<string, unknown>>(storeName: string): Promise<T[]> {
    return (await this.driver.evaluate(readStore, storeName, null)) as T[];
  }

  outbox = () => this.storedRows<{ recordId: string; state: string }>('outbox');

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
