// How the page model (app-model.ts) reaches the page, one way per kind of driver. Every step of the
// model is written once on top of these few acts:
// - PlaywrightHands (Chromium): role and label locators with Playwright's real input and
//   auto-waiting, so a step fails when a control loses its accessible name or cannot be used;
// - InPageHands (WebKit, Firefox): the same acts done by a script inside the page over
//   EngineDriver.evaluate, finding controls by their visible label or text and polling until the
//   act succeeds (never a fixed sleep). Failures name the engine and the page heading.
import type { Page } from 'playwright-core';
import type { EngineDriver } from './driver';

export type Control = 'button' | 'link';
export type Name = string | RegExp;

export interface Hands {
  /** The text of the page's h1. */
  heading(): Promise<string>;
  waitForHeading(name: Name, timeoutMs?: number): Promise<void>;
  /** Clicks the button or link with this name: its whole name where `exact` (in-page: always its whole text). */
  press(control: Control, name: string, exact?: boolean): Promise<void>;
  has(control: Control, name: string): Promise<boolean>;
  fill(label: string, value: string): Promise<void>;
  /** Checks the n-th radio or checkbox labelled exactly `label` (the only one when nth is left out). */
  choose(label: string, nth?: number): Promise<void>;
  chosen(label: string, nth?: number): Promise<boolean | null>;
  select(label: string, option: string): Promise<void>;
  /** The evidence box of the n-th item on an area page. */
  note(index: number, text: string): Promise<void>;
  noteValue(index: number): Promise<string | null>;
  /** The text of the element with this test id, white space collapsed. */
  testId(id: string): Promise<string>;
  waitForSynced(): Promise<void>;
  /** Answers `answer` on every item of the open area that has no answer yet. */
  answerUnanswered(answer: string): Promise<void>;
  /** Checks the rating marked "(suggested)" (another would need a written reason), else `rating`. */
  rateAsSuggested(rating: string): Promise<void>;
}

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export class PlaywrightHands implements Hands {
  constructor(private readonly page: () => Page) {}

  async heading(): Promise<string> {
    return (await this.page().getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  }
  async waitForHeading(name: Name, timeoutMs?: number): Promise<void> {
    await this.page().getByRole('heading', { level: 1, name }).waitFor({ timeout: timeoutMs });
  }
  async press(control: Control, name: string, exact = false): Promise<void> {
    await this.page().getByRole(control, { name, exact }).click();
  }
  async has(control: Control, name: string): Promise<boolean> {
    return (await this.page().getByRole(control, { name }).count()) > 0;
  }
  async fill(label: string, value: string): Promise<void> {
    await this.page().getByLabel(label).fill(value);
  }
  private option(label: string, nth?: number) {
    const all = this.page().getByLabel(label, { exact: true });
    return nth === undefined ? all : all.nth(nth);
  }
  async choose(label: string, nth?: number): Promise<void> {
    await this.option(label, nth).check();
  }
  chosen(label: string, nth?: number): Promise<boolean> {
    return this.option(label, nth).isChecked();
  }
  async select(label: string, option: string): Promise<void> {
    await this.page().getByLabel(label, { exact: true }).selectOption({ label: option });
  }
  private noteBox(index: number) {
    return this.page().locator('.item').nth(index).getByRole('textbox');
  }
  async note(index: number, text: string): Promise<void> {
    await this.noteBox(index).fill(text);
  }
  noteValue(index: number): Promise<string> {
    return this.noteBox(index).inputValue();
  }
  async testId(id: string): Promise<string> {
    return collapse(await this.page().getByTestId(id).textContent());
  }
  async waitForSynced(): Promise<void> {
    // Attached, not visible: on a phone the time of the last sync is under the bar's "Details".
    await this.page().getByTestId('last-sync').filter({ hasText: 'Last synced' }).waitFor({ state: 'attached' });
  }
  async answerUnanswered(answer: string): Promise<void> {
    const page = this.page();
    const radio = page.getByRole('radio', { name: answer, exact: true });
    const groups = page.locator('fieldset.fieldset').filter({ has: radio });
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      if ((await group.getByRole('radio', { checked: true }).count()) > 0) continue;
      await group.getByRole('radio', { name: answer, exact: true }).check();
    }
  }
  async rateAsSuggested(rating: string): Promise<void> {
    const page = this.page();
    const suggested = page.getByRole('radio', { name: / \(suggested\)$/ });
    if ((await suggested.count()) > 0) await suggested.first().check();
    else await page.getByRole('radio', { name: rating, exact: true }).check();
  }
}

type Arg = string | number | null;

/** Runs in the page: finds controls by label/text and acts on them. Self-contained by necessity. */
function act(command: string, a: Arg, b: Arg): unknown {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const labelled = (text: Arg): HTMLElement[] =>
    Array.from(document.querySelectorAll('label'))
      .filter((label) => norm(label.textContent) === text && label.htmlFor)
      .map((label) => document.getElementById(label.htmlFor))
      .filter((el): el is HTMLElement => el !== null);
  const control = (kind: Arg, text: Arg) =>
    Array.from(document.querySelectorAll<HTMLElement>(kind === 'link' ? 'a' : 'button, [role=button]')).find(
      (e) => norm(e.textContent) === text,
    );
  const setValue = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
    setter?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const check = (el: HTMLInputElement | undefined) => {
    if (!el) return false;
    if (!el.checked) el.click();
    return el.checked;
  };
  switch (command) {
    case 'heading':
      return norm(document.querySelector('h1')?.textContent);
    case 'testid':
      return norm(document.querySelector(`[data-testid="${a}"]`)?.textContent);
    case 'has':
      return control(a, b) !== undefined;
    case 'press': {
      const el = control(a, b);
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
    case 'select': {
      const el = labelled(a)[0] as HTMLSelectElement | undefined;
      const option = el && Array.from(el.options).find((o) => norm(o.textContent) === b);
      if (!el || !option) return false;
      el.value = option.value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }
    case 'check':
      return check(labelled(a)[Number(b ?? 0)] as HTMLInputElement | undefined);
    case 'checked':
      return (labelled(a)[Number(b ?? 0)] as HTMLInputElement | undefined)?.checked ?? null;
    case 'note': {
      const el = document.querySelectorAll<HTMLTextAreaElement>('.item textarea')[Number(a)];
      if (!el) return false;
      setValue(el, String(b));
      return true;
    }
    case 'note-value':
      return document.querySelectorAll<HTMLTextAreaElement>('.item textarea')[Number(a)]?.value ?? null;
    case 'answer-unanswered': {
      const items = Array.from(document.querySelectorAll<HTMLFieldSetElement>('.item fieldset'));
      for (const item of items) {
        const radios = Array.from(item.querySelectorAll<HTMLInputElement>('input[type=radio]'));
        if (radios.some((r) => r.checked)) continue;
        radios.find((r) => norm(document.querySelector(`label[for="${r.id}"]`)?.textContent) === a)?.click();
      }
      return items.length > 0;
    }
    case 'rate-as-suggested': {
      const suggested = Array.from(document.querySelectorAll('label')).find(
        (l) => norm(l.textContent).endsWith('(suggested)') && l.htmlFor,
      );
      return check((suggested ? document.getElementById(suggested.htmlFor) : labelled(a)[0]) as HTMLInputElement);
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

/** Polls `check` every 100 ms until it holds; the timeout names the engine and the page heading. */
export async function until(
  driver: EngineDriver,
  description: string,
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
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
  const heading = await driver.evaluate(act, 'heading', null, null).catch(() => '?');
  throw new Error(
    `[${driver.engine}] timed out waiting for ${description} (page heading "${String(heading)}")${lastError ? `: ${String(lastError)}` : ''}`,
  );
}

export class InPageHands implements Hands {
  constructor(private readonly driver: EngineDriver) {}

  private run<T>(command: string, a: Arg = null, b: Arg = null): Promise<T> {
    return this.driver.evaluate(act, command, a, b) as Promise<T>;
  }
  /** Repeats an act until it reports success. */
  private async retry(description: string, command: string, a: Arg = null, b: Arg = null): Promise<void> {
    await until(this.driver, description, () => this.run<boolean>(command, a, b));
  }

  heading = () => this.run<string>('heading');
  testId = (id: string) => this.run<string>('testid', id);
  async waitForHeading(name: Name, timeoutMs?: number): Promise<void> {
    const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
    await until(this.driver, `heading "${String(name)}"`, async () => matches(await this.heading()), timeoutMs);
  }
  press = (control: Control, name: string) => this.retry(`"${name}" to click`, 'press', control, name);
  has = (control: Control, name: string) => this.run<boolean>('has', control, name);
  fill = (label: string, value: string) => this.retry(`field "${label}"`, 'fill', label, value);
  choose = (label: string, nth = 0) => this.retry(`option "${label}" #${nth}`, 'check', label, nth);
  chosen = (label: string, nth = 0) => this.run<boolean | null>('checked', label, nth);
  select = (label: string, option: string) => this.retry(`"${option}" in "${label}"`, 'select', label, option);
  note = (index: number, text: string) => this.retry(`evidence box #${index}`, 'note', index, text);
  noteValue = (index: number) => this.run<string | null>('note-value', index);
  async waitForSynced(): Promise<void> {
    await until(this.driver, 'a finished sync', async () => (await this.testId('last-sync')).startsWith('Last synced'));
  }
  answerUnanswered = (answer: string) => this.retry(`every item answered "${answer}"`, 'answer-unanswered', answer);
  rateAsSuggested = (rating: string) => this.retry(`the rating (else "${rating}")`, 'rate-as-suggested', rating);
}
