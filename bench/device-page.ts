// Browser-side code of the device bench (bench/device.ts). Each function runs inside the app's
// page (passed to page.evaluate or addInitScript), so it refers to nothing outside its own body;
// that is why names such as 'qa-visits' and 'bench-expect-rows' are spelt out in each.
// The probes only watch: a 'complete' listener on the app's read-write IndexedDB transactions
// (when a write has landed) and a MutationObserver on My visits (when the rows are in the page,
// and when the lock screen went). They do no work inside the app's transactions, so what is timed
// is the app's own code. What the app stores is sealed (issue 14): device.ts reads it opened,
// through the page model's openDeviceRows, and setup writes go in the clear (as rows from before
// encryption), which the app reads as they are and seals at its next unlock.
import type { LocalRecord } from '../src/app/storage/database';
import type { RecordBody } from '../src/shared/records/schema';

export interface Commit {
  /** performance.now() when the transaction's 'complete' event fired: the write is in IndexedDB. */
  at: number;
  stores: string[];
}

export interface Probe {
  commits: Commit[];
  onCommit: ((commit: Commit) => void) | null;
  /**
   * My visits: when the groups counting `expect` records (and the "Sent" group) were first in the
   * document, each with its rows or its first page and a "Show more" button, and the frame after; and when the lock screen, shown first on every load, went (the person unlocked).
   */
  list: { expect: number; domAt: number | null; paintAt: number | null; unlockedAt: number | null };
  scratch: IDBDatabase | null;
  record: LocalRecord | null;
  /** The app's saveAnswer, from the built answer-store chunk (the module instance the page already runs). */
  saveAnswer: ((id: string, itemId: string, answer: { value: string | null; note: string }) => Promise<void>) | null;
  /** The app's submitRecord, from the built record-store chunk. */
  submitRecord: ((id: string) => Promise<void>) | null;
  /** The exports of the last chunk imported by importChunk. */
  chunk: Record<string, unknown> | null;
  /** Runs `start` just after a frame; ms until the next read-write transaction on records commits. */
  timeRecordWrite(what: string, start: () => void): Promise<number>;
  open(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase>;
  request<T>(request: IDBRequest<T>): Promise<T>;
  done(tx: IDBTransaction): Promise<void>;
}

type ProbeWindow = { __bench: Probe };

/**
 * Scripts compiled by tsx/esbuild wrap named functions in `__name(...)`; a function serialised
 * into the page needs that helper to exist there too.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Init script, on every document before the app's own scripts. */
export function installProbes(): void {
  const commits: Commit[] = [];
  const expect = sessionStorage.getItem('bench-expect-rows');
  const state: Probe = {
    commits,
    onCommit: null,
    list: { expect: expect === null ? -1 : Number(expect), domAt: null, paintAt: null, unlockedAt: null },
    scratch: null,
    record: null,
    saveAnswer: null,
    submitRecord: null,
    chunk: null,
    timeRecordWrite: (what, start) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what} was not written within 10 s`)), 10_000);
        let started = 0;
        state.onCommit = (commit) => {
          if (!commit.stores.includes('records')) return;
          state.onCommit = null;
          clearTimeout(timer);
          resolve(commit.at - started);
        };
        requestAnimationFrame(() =>
          setTimeout(() => {
            started = performance.now();
            try {
              start();
            } catch (error) {
              reject(error);
            }
          }, 0),
        );
      }),
    open: (name, upgrade) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => upgrade?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }),
    request: (request) =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }),
    done: (tx) =>
      new Promise((resolve, reject) => {
        tx.addEventListener('complete', () => resolve());
        tx.addEventListener('error', () => reject(tx.error));
        tx.addEventListener('abort', () => reject(tx.error));
      }),
  };
  (window as unknown as ProbeWindow).__bench = state;

  // Registered before Dexie sets its own handlers, so this listener runs first: the time is the
  // commit, not the commit plus the app's reaction to it.
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
    const tx = transaction.apply(this, args);
    if (tx.mode === 'readwrite' && this.name === 'qa-visits') {
      const stores = Array.from(tx.objectStoreNames);
      tx.addEventListener('complete', () => {
        const commit = { at: performance.now(), stores };
        commits.push(commit);
        state.onCommit?.(commit);
      });
    }
    return tx;
  };

  if (state.list.expect >= 0) {
    const { list } = state;
    let locked = false;
    const observer = new MutationObserver(() => {
      if (document.querySelector('form[data-testid="lock-screen"]')) locked = true;
      else if (locked && list.unlockedAt === null) list.unlockedAt = performance.now();
      if (list.domAt !== null || document.getElementById('group-sent') === null) return;
      // Every group's heading counts all its records, and shows its rows or its first page of them
      // with a "Show more" button for the rest (issue 16): the list is open, every record reachable.
      const sections = Array.from(document.querySelectorAll('section[aria-labelledby^="group-"]'));
      let counted = 0;
      for (const section of sections) {
        const count = Number(/\((\d+)\)/.exec(section.querySelector('h2')?.textContent ?? '')?.[1] ?? 0);
        counted += count;
        const rows = section.querySelectorAll('li').length;
        if (rows < count && section.querySelector('button') === null) return;
      }
      if (counted < list.expect) return;
      list.domAt = performance.now();
      observer.disconnect();
      // A frame later the rows have been laid out and painted: that is "visible".
      requestAnimationFrame(() => setTimeout(() => (list.paintAt = performance.now()), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  }
}

/** Lets the app finish reacting to the last write (live queries re-read, Preact re-renders) before the next sample. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 500 }), 20));
}

/** Writes a draft as given, straight into IndexedDB (setup, not timed): in the clear, as a row from before encryption. */
export async function fillDraft(record: LocalRecord): Promise<number> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const db = await bench.open('qa-visits');
  const tx = db.transaction('records', 'readwrite');
  await bench.request(tx.objectStore('records').put({ ...record, updatedAt: Date.now() }));
  await bench.done(tx);
  db.close();
  return Object.keys(record.answers).length;
}

/**
 * Keeps the draft (opened: the plaintext record an app without encryption would put) in the page,
 * and makes a scratch database shaped like the app's records store.
 */
export async function prepareBarePut(record: LocalRecord): Promise<number> {
  const bench = (window as unknown as ProbeWindow).__bench;
  bench.record = record;
  await bench.request(indexedDB.deleteDatabase('bench-scratch'));
  // Same key path and indexes as the app's `records` store (Dexie: 'id, status, updatedAt, ownerId').
  bench.scratch = await bench.open('bench-scratch', (db) => {
    const store = db.createObjectStore('records', { keyPath: 'id' });
    for (const index of ['status', 'updatedAt', 'ownerId']) store.createIndex(index, index);
  });
  return JSON.stringify(bench.record).length;
}

/**
 * One bare put of the stored draft into the scratch database: ms until its transaction completes.
 * Started just after a frame, like the app's samples, so no frame of the page's own is due.
 */
export function barePutOnce(): Promise<number> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const db = bench.scratch!;
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        const started = performance.now();
        const tx = db.transaction('records', 'readwrite');
        tx.oncomplete = () => resolve(performance.now() - started);
        tx.onerror = () => reject(tx.error);
        tx.objectStore('records').put(bench.record!);
      }, 0),
    );
  });
}

export async function dropScratch(): Promise<void> {
  const bench = (window as unknown as ProbeWindow).__bench;
  bench.scratch?.close();
  bench.scratch = null;
  await bench.request(indexedDB.deleteDatabase('bench-scratch'));
}

/**
 * Clicks the option of `itemId` that is not chosen ("met" or "partly met"), as a person does:
 * the app's change handler saves it. ms from the click until the app's read-write transaction on
 * `records` has committed. Started just after a frame like the other samples, but headless
 * Chromium paints the newly checked radio straight away, so that paint (a couple of ms on a long
 * form) often lands inside the sample.
 */
export function saveOnce(itemId: string): Promise<number> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const target = ['met', 'partly-met']
    .map((value) => document.querySelector<HTMLInputElement>(`input[type="radio"][name="${itemId}"][value="${value}"]`))
    .find((input) => input !== null && !input.checked);
  if (!target) return Promise.reject(new Error(`No unchosen "met"/"partly met" option for ${itemId} on this page`));
  return bench.timeRecordWrite(`The answer to ${itemId}`, () => target.click());
}

/**
 * An expression for page.evaluate that imports a built chunk into `__bench.chunk`. Importing the
 * chunk's URL gives the module instance the app already runs (same Dexie database object). A
 * string, not a function: a test runner may rewrite `import()` in the bench's own code.
 */
export function importChunk(chunkUrl: string): string {
  return `import(${JSON.stringify(chunkUrl)}).then((m) => { window.__bench.chunk = m; })`;
}

/**
 * Finds saveAnswer among the minified exports of the imported answer-store chunk: the one function
 * taking (id, itemId, answer) that writes `value` and `note` and touches no group rows (the other
 * exports take 2, 4 or 5 arguments, or change rows).
 */
export function findSaveAnswer(): number {
  const bench = (window as unknown as ProbeWindow).__bench;
  const found = Object.values(bench.chunk ?? {}).filter(
    (f): f is NonNullable<Probe['saveAnswer']> =>
      typeof f === 'function' &&
      f.length === 3 &&
      /\bvalue\b/.test(String(f)) &&
      /\bnote\b/.test(String(f)) &&
      !/\brows\b/.test(String(f)),
  );
  if (found.length === 1) bench.saveAnswer = found[0]!;
  return found.length;
}

/** One call of the app's saveAnswer, started just after a frame: ms until its transaction has committed. */
export function storeSaveOnce(arg: { id: string; itemId: string; value: string; note: string }): Promise<number> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const save = bench.saveAnswer!;
  return new Promise((resolve, reject) => {
    bench
      .timeRecordWrite(
        `The answer to ${arg.itemId}`,
        () => void save(arg.id, arg.itemId, { value: arg.value, note: arg.note }).catch(reject),
      )
      .then(resolve, reject);
  });
}

/**
 * Finds submitRecord among the minified exports of the imported record-store chunk: the one function
 * of one argument that queues the record and writes the outbox (the others take two arguments, or
 * neither queue nor touch the outbox).
 */
export function findSubmitRecord(): number {
  const bench = (window as unknown as ProbeWindow).__bench;
  const found = Object.values(bench.chunk ?? {}).filter(
    (f): f is NonNullable<Probe['submitRecord']> =>
      typeof f === 'function' && f.length === 1 && /\bqueued\b/.test(String(f)) && /\boutbox\b/.test(String(f)),
  );
  if (found.length === 1) bench.submitRecord = found[0]!;
  return found.length;
}

/** Submits drafts one after another through the app's submitRecord (each one Dexie transaction). */
export async function submitAll(ids: string[]): Promise<void> {
  const submit = (window as unknown as ProbeWindow).__bench.submitRecord!;
  for (const id of ids) await submit(id);
}

/**
 * Makes the app look again for rows in the clear at its next unlock (it stops once it has sealed
 * everything of a person: crypto/seal-legacy.ts), so what setup wrote is sealed like a person's.
 */
export async function forgetSealedMarker(): Promise<void> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const db = await bench.open('qa-visits');
  const tx = db.transaction('keyring', 'readwrite');
  const store = tx.objectStore('keyring');
  for (const entry of (await bench.request(store.getAll())) as Array<{ sealedAll?: boolean }>) {
    delete entry.sealedAll;
    store.put(entry);
  }
  await bench.done(tx);
  db.close();
}

/** How many records are still in the clear (written by setup; the app seals them after unlocking). */
export async function clearRecordCount(): Promise<number> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const db = await bench.open('qa-visits');
  const rows = (await bench.request(db.transaction('records').objectStore('records').getAll())) as Array<{
    head?: unknown;
  }>;
  db.close();
  return rows.filter((r) => r.head === undefined).length;
}

/**
 * Whether the sync the app starts once it has sealed what was in the clear (after unlocking) has
 * pulled: a transaction on templates committed after the last one that wrote records alone.
 */
export function pulledAfterSealing(): boolean {
  const { commits } = (window as unknown as ProbeWindow).__bench;
  let sealing = -1;
  commits.forEach((c, at) => {
    if (c.stores.length === 1 && c.stores[0] === 'records') sealing = at;
  });
  return commits.some((c, at) => at > sealing && c.stores.includes('templates'));
}

/** Counts what the device holds: outbox rows, and records by status. */
export async function deviceCounts(): Promise<{ outbox: number; byStatus: Record<string, number> }> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const db = await bench.open('qa-visits');
  const tx = db.transaction(['records', 'outbox']);
  const outbox = await bench.request(tx.objectStore('outbox').count());
  const byStatus: Record<string, number> = {};
  for (const status of ['draft', 'queued', 'sent', 'attention']) {
    byStatus[status] = await bench.request(tx.objectStore('records').index('status').count(status));
  }
  db.close();
  return { outbox, byStatus };
}

/**
 * Clicks "Sync now" and resolves with the ms until the `n`-th entry has left the outbox (the
 * commit of the transaction that removes it and marks its record sent).
 */
export async function syncNowAndWait(n: number): Promise<number> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Sync now');
  if (!button || button.disabled) throw new Error('No enabled "Sync now" button');
  // The engine marks records sent in batches (a commit may mark several): after each commit that
  // marks some, the outbox is counted, and the drain ends at the commit that left it empty.
  const db = await bench.open('qa-visits');
  const left = () => bench.request(db.transaction('outbox').objectStore('outbox').count());
  return new Promise<number>((resolve, reject) => {
    let finished = false;
    const finish = (value: number | Error) => {
      if (finished) return;
      finished = true;
      bench.onCommit = null;
      clearTimeout(timer);
      db.close();
      if (typeof value === 'number') resolve(value);
      else reject(value);
    };
    const timer = setTimeout(async () => {
      finish(new Error(`${await left()} of ${n} outbox entries were still waiting after 10 minutes`));
    }, 600_000);
    let started = 0;
    bench.onCommit = (commit) => {
      if (!(commit.stores.includes('outbox') && commit.stores.includes('records'))) return;
      void left().then((count) => count === 0 && finish(commit.at - started), finish);
    };
    started = performance.now();
    button.click();
  });
}

/**
 * The floor for sending: the same bodies PUT one after another (the engine sends one at a time)
 * with plain fetch from this page, each answer read in full. ms for all of them.
 */
export async function plainPuts(bodies: RecordBody[]): Promise<number> {
  const started = performance.now();
  for (const body of bodies) {
    const response = await fetch(`/api/submissions/${encodeURIComponent(body.id)}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.text();
    if (response.status !== 201) throw new Error(`A plain PUT was answered ${response.status}`);
  }
  return performance.now() - started;
}

/** Ids of the records the server holds for the signed-in person, every page of the list. */
export async function serverIds(): Promise<string[]> {
  const ids: string[] = [];
  let after = '';
  for (;;) {
    const response = await fetch(`/api/submissions?limit=200${after}`, { credentials: 'same-origin' });
    const page = (await response.json()) as { submissions: Array<{ id: string }>; next: string | null };
    ids.push(...page.submissions.map((s) => s.id));
    if (page.next === null) return ids;
    after = `&after=${encodeURIComponent(page.next)}`;
  }
}

/** Empties the records and outbox stores (setup for the list bench, not timed). */
export async function clearRecords(): Promise<void> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const db = await bench.open('qa-visits');
  const tx = db.transaction(['records', 'outbox'], 'readwrite');
  tx.objectStore('records').clear();
  tx.objectStore('outbox').clear();
  await bench.done(tx);
  db.close();
}

export async function putRecords(records: LocalRecord[]): Promise<void> {
  const bench = (window as unknown as ProbeWindow).__bench;
  const db = await bench.open('qa-visits');
  const tx = db.transaction('records', 'readwrite');
  for (const record of records) tx.objectStore('records').put(record);
  await bench.done(tx);
  db.close();
}

/** How many rows My visits should show on the next load, read by installProbes (null: don't watch). */
export function expectRows(n: number | null): void {
  if (n === null) sessionStorage.removeItem('bench-expect-rows');
  else sessionStorage.setItem('bench-expect-rows', String(n));
}

export function listTimes(): Probe['list'] {
  return (window as unknown as ProbeWindow).__bench.list;
}

/**
 * Presses every "Show more" on My visits until each group lists all its rows; the rows then in the
 * page (every record reachable, issue 16). Not timed.
 */
export async function revealAll(): Promise<number> {
  for (;;) {
    const button = Array.from(
      document.querySelectorAll<HTMLButtonElement>('section[aria-labelledby^="group-"] button'),
    ).find((b) => b.textContent?.startsWith('Show '));
    if (!button) break;
    const before = document.querySelectorAll('section[aria-labelledby^="group-"] li').length;
    button.click();
    const deadline = performance.now() + 10_000;
    while (document.querySelectorAll('section[aria-labelledby^="group-"] li').length === before) {
      if (performance.now() > deadline) throw new Error('"Show more" added no rows within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  return document.querySelectorAll('section[aria-labelledby^="group-"] li').length;
}
