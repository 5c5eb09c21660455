// The thin layer each browser engine implements: open a URL, run a function in the page, quit and
// relaunch with the same profile. Everything a person does is written once, in app-model.ts, on
// top of it.
import type { BrowserContext, Page } from 'playwright-core';

export type EngineName = 'chromium' | 'webkit' | 'firefox';

/** The Playwright objects behind a Chromium driver: the escape hatch for what only Playwright can do. */
export interface PlaywrightHandles {
  readonly page: Page;
  readonly context: BrowserContext;
}

export interface EngineDriver {
  readonly engine: EngineName;
  /** Navigates the one window to an absolute URL and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /**
   * Runs `fn` in the page with JSON-serialisable `args` and returns its (awaited) JSON result.
   * `fn` must be self-contained: it is sent to the browser as source text.
   */
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  screenshot(path: string): Promise<void>;
  /** Quits the browser and starts it again with the same profile (a cold start), on a blank page. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /**
   * Chromium only (null elsewhere): the current page and context (they change on restart), for
   * real keyboard and pointer input, role locators, setOffline, route interception, CDP, page.pdf.
   */
  readonly playwright: PlaywrightHandles | null;
}

export interface EngineLauncher {
  readonly engine: EngineName;
  /** Null when this machine can run the engine, else why not (e.g. a missing package). */
  unavailable(): string | null;
  launch(options: { profileDir: string; viewport: { width: number; height: number } }): Promise<EngineDriver>;
}
