// The field app as a person uses it, written once for every engine on top of EngineDriver:
// each step finds controls by their visible label or text inside the page, acts, and then waits
// for a condition (never a fixed sleep). Failures name the engine and the page heading.
import type { EngineDriver } from './driver';

type Arg = string | number | null;

/** Runs in the page: finds controls by label/text and acts on them. Self-contained by necessity. */
function act(command: string, a: Arg, b: Arg): unknown {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const labelled = (text: Arg): HTMLElement[] =>
    Array.from(document.querySelectorAll('label'))
      .filter((label) => norm(label.textContent) === text && label.htmlFor)
      .map((label) => document.getElementById(label.htmlFor))
      .filter((el): el is HTMLElement => el !== null);
  const setValue = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
    setter?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  switch (command) {
    case 'heading':
      return norm(document.querySelector('h1')?.textContent);
    case 'testid':
      return norm(document.querySelector(`[data-testid="${a}"]`)?.textContent);
    case 'has-text':
      return norm(document.body.textContent).includes(String(a));
    case 'click': {
      const el = Array.from(document.querySelectorAll<HTMLElement>('button, a')).find((e) => norm(e.textContent) === a);
      if (!el || (el as HTMLButtonElement).disabled) return false;
      el.click();
      return true;
    }
    case 'fill': {
      const el = labelled(a)[0] as HTMLInputElement | undefined;
      if (!el) return false;
      setValue(el, String(b));
      return true;
    }
    case 'value':
      return (labelled(a)[Number(b ?? 0)] as HTMLInputElement | undefined)?.value ?? null;
    case 'select': {
      const el = labelled(a)[0] as HTMLSelectElement | undefined;
      const option = el && Array.from(el.options).find((o) => norm(o.textContent) === b);
      if (!el || !option) return false;
      el.value = option.value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }
    case 'check': {
      const el = labelled(a)[Number(b ?? 0)] as HTMLInputElement | undefined;
      if (!el) return false;
      if (!el.checked) el.click();
      return el.checked;
    }
    case 'checked':
      return (labelled(a)[Number(b ?? 0)] as HTMLInputElement | undefined)?.checked ?? null;
    case 'note': {
      // The evidence box of the n-th item on an area page.
      const el = document.querySelectorAll<HTMLTextAreaElement>('.item textarea')[Number(a)];
      if (!el) return false;
      setValue(el, String(b));
      return true;
    }
    case 'note-value':
      return document.querySelectorAll<HTMLTextAreaElement>('.item textarea')[Number(a)]?.value ?? null;
    case 'rate-as-suggested': {
      const suggested = Array.from(document.querySelectorAll('label')).find(
        (l) => norm(l.textContent).endsWith('(suggested)') && l.htmlFor,
      );
      const input = (suggested ? document.getElementById(suggested.htmlFor) : labelled(a)[0]) as
        HTMLInputElement | undefined;
      if (!input) return false;
      if (!input.checked) input.click();
      return input.checked;
    }
    case 'answer-area': {
      // Every item not yet answered gets `a`; the area is rated `b`.
      const items = Array.from(document.querySelectorAll<HTMLFieldSetElement>('.item fieldset'));
      for (const item of items) {
        const radios = Array.from(item.querySelectorAll<HTMLInputElement>('input[type=radio]'));
        if (radios.some((r) => r.checked)) continue;
        radios.find((r) => norm(document.querySelector(`label[for="${r.id}"]`)?.textContent) === a)?.click();
      }
      // The rating the answers suggest when there is one (a different one would need a reason), else `b`.
      const suggested = Array.from(document.querySelectorAll('label')).find(
        (l) => norm(l.textContent).endsWith('(suggested)') && l.htmlFor,
      );
      const rating = (suggested ? document.getElementById(suggested.htmlFor) : labelled(b)[0]) as
        HTMLInputElement | undefined;
      if (rating && !rating.checked) rating.click();
      return items.length > 0 && rating !== undefined;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

export class FieldApp {
  constructor(
    readonly driver: EngineDriver,
    readonly baseUrl: string,
  ) {}

  private run<T>(command: string, a: Arg = null, b: Arg = null): Promise<T> {
    return this.driver.evaluate(act, command, a, b) as Promise<T>;
  }

  /** Polls a condition in the page until it holds. */
  async until(description: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown = null;
    while (Date.now() < deadline) {
      try {
        if (await check()) return;
      } catch (error) {
        lastError = error; // the page may be navigating
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const heading = await this.heading().catch(() => '?');
    throw new Error(
      `[${this.driver.engine}] timed out waiting for ${description} (page heading "${heading}")${lastError ? `: ${String(lastError)}` : ''}`,
    );
  }

  heading = () => this.run<string>('heading');
  testId = (id: string) => this.run<string>('testid', id);
  hasText = (text: string) => this.run<boolean>('has-text', text);

  async open(path = '/'): Promise<void> {
    await this.driver.goto(`${this.baseUrl}${path}`);
  }
  async waitForHeading(text: string, timeoutMs?: number): Promise<void> {
    await this.until(`heading "${text}"`, async () => (await this.heading()) === text, timeoutMs);
  }
  async click(text: string): Promise<void> {
    await this.until(`"${text}" to click`, () => this.run<boolean>('click', text));
  }
  async fill(label: string, value: string): Promise<void> {
    await this.until(`field "${label}"`, () => this.run<boolean>('fill', label, value));
  }
  async check(label: string, nth = 0): Promise<void> {
    await this.until(`option "${label}" #${nth}`, () => this.run<boolean>('check', label, nth));
  }
  checked = (label: string, nth = 0) => this.run<boolean | null>('checked', label, nth);
  async note(index: number, text: string): Promise<void> {
    await this.until(`evidence box #${index}`, () => this.run<boolean>('note', index, text));
  }
  noteValue = (index: number) => this.run<string | null>('note-value', index);

  async signIn(email: string, password: string): Promise<void> {
    await this.waitForHeading('Sign in');
    await this.fill('Email address', email);
    await this.fill('Password', password);
    await this.click('Sign in');
    await this.waitForHeading('My visits');
  }

  async waitForSynced(): Promise<void> {
    await this.until('a finished sync', async () => (await this.testId('last-sync')).startsWith('Last synced'));
  }

  async startVisit(provider: string): Promise<string> {
    await this.click('Start a visit');
    await this.waitForHeading('Start a visit');
    await this.until(`provider "${provider}"`, () => this.run<boolean>('select', 'Provider', provider));
    await this.check('Announced');
    await this.fill('Who did you speak to?', 'Registered manager; deputy manager');
    await this.click('Start visit');
    await this.waitForHeading(provider);
    const id = new URL(await this.driver.url()).pathname.split('/')[2];
    if (!id) throw new Error(`[${this.driver.engine}] no visit id in the URL`);
    return id;
  }

  /** Answers every unanswered item of an area `answer` and rates it (as suggested, when the template suggests), from the task list and back. */
  async answerArea(area: string, provider: string, answer = 'Met', rating = 'Green'): Promise<void> {
    await this.click(area);
    await this.waitForHeading(area);
    await this.until(`all of "${area}" answered`, () => this.run<boolean>('answer-area', answer, rating));
    await this.click('Return to the visit');
    await this.waitForHeading(provider);
  }

  /** Gives the overall judgement when the template asks for one (QMF v2 on), from the task list and back. */
  async overallRating(provider: string, rating = 'Green'): Promise<void> {
    if (!(await this.run<boolean>('has-text', 'Overall RAG rating'))) return;
    await this.click('Overall RAG rating');
    await this.waitForHeading('Overall RAG rating');
    // The suggested rating (choosing another would need a written reason), else `rating`.
    await this.until('the overall rating', () => this.run<boolean>('rate-as-suggested', rating));
    await this.click('Save and return');
    await this.waitForHeading(provider);
  }

  /** What the device holds for a visit, read straight from IndexedDB. */
  record(
    id: string,
  ): Promise<{ status: string; answers: Record<string, { value: string | null; note: string }> } | null> {
    return this.driver.evaluate(
      (key: string) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('qa-visits');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            const get = database.transaction('records').objectStore('records').get(key);
            get.onsuccess = () => {
              database.close();
              resolve(get.result ?? null);
            };
            get.onerror = () => reject(get.error);
          };
        }),
      id,
    ) as Promise<{ status: string; answers: Record<string, { value: string | null; note: string }> } | null>;
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
