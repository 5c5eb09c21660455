// The thin layer each browser engine implements for the cross-engine suite: open a URL, run a
// function in the page, quit and relaunch with the same profile. Everything a person does is
// written once, in app-model.ts, on top of `evaluate`.
export type EngineName = 'chromium' | 'webkit' | 'firefox';

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
}

export interface EngineLauncher {
  readonly engine: EngineName;
  /** Null when this machine can run the engine, else why not (e.g. a missing package). */
  unavailable(): string | null;
  launch(options: { profileDir: string; viewport: { width: number; height: number } }): Promise<EngineDriver>;
}
