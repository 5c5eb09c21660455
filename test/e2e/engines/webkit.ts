// WebKit for the cross-engine suite: WebKitGTK driven through Debian's WebKitWebDriver (W3C
// WebDriver over Node's fetch), on a private Xvfb display. Owns those processes, a scratch folder
// for the browser shim, and the layout of the profile folder the suite hands it.
//
// Quirks:
// - MiniBrowser (the default WebKitGTK browser) always uses an ephemeral, in-memory website data
//   store when run with --automation, so nothing would survive a relaunch. Instead WebKitWebDriver
//   launches BROWSER below, a ~25-line WebKitGTK browser (python3-gi + gir1.2-webkit2-4.1) that
//   allows automation on a web context whose data lives in the profile folder. restart() therefore
//   quits that browser and starts a new one on the same folder: a true cold start (service worker
//   registrations, CacheStorage, IndexedDB, localStorage and cookies all survive). Cookies
//   persist only because the shim asks for it: WebKitGTK keeps them in memory by default.
// - The GTK build has no headless mode, hence Xvfb (`-displayfd` picks a free display number).
// - The window holds only the web view, so the W3C window rect is the CSS viewport.
// - 127.0.0.1 is a secure context in WebKitGTK: service workers work on the plain http origin.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../support/server';
import type { EngineDriver, EngineLauncher } from './driver';

const WEBDRIVER = process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
const PYTHON = '/usr/bin/python3';
const PACKAGES = 'apt-get install webkit2gtk-driver xvfb python3-gi gir1.2-webkit2-4.1';

/** The browser WebKitWebDriver starts: argv = [profile folder, pid file, --automation]. */
const BROWSER = `#!${PYTHON}
import os, sys, gi
gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')
from gi.repository import GLib, Gtk, WebKit2
profile, pid_file = sys.argv[1], sys.argv[2]
with open(pid_file, 'w') as f: f.write(str(os.getpid()))
GLib.set_prgname('qa-visits-webkit')
manager = WebKit2.WebsiteDataManager(base_data_directory=os.path.join(profile, 'data'),
                                     base_cache_directory=os.path.join(profile, 'cache'))
context = WebKit2.WebContext(website_data_manager=manager)
context.get_cookie_manager().set_persistent_storage(os.path.join(profile, 'cookies.sqlite'),
                                                   WebKit2.CookiePersistentStorage.SQLITE)
context.set_automation_allowed(True)
windows = set()
def closed(window):
    windows.discard(window)
    if not windows: Gtk.main_quit()
def create_view(session):
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    window = Gtk.Window(); window.set_default_size(800, 600); window.add(view)
    view.connect('close', lambda _: window.destroy()); window.connect('destroy', closed)
    windows.add(window); window.show_all()
    return view
def started(_, session):
    info = WebKit2.ApplicationInfo.new()
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(info)
    session.connect('create-web-view', create_view)
context.connect('automation-started', started)
Gtk.main()
`;

let pythonReason: string | null | undefined;
function pythonWebKitMissing(): string | null {
  if (pythonReason !== undefined) return pythonReason;
  const probe = spawnSync(
    PYTHON,
    ['-c', "import gi; gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')"],
    { timeout: 15_000 },
  );
  pythonReason = probe.status === 0 ? null : `${PYTHON} cannot load WebKit2 4.1 through GObject introspection`;
  return pythonReason;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Whether `work` settled within `ms` (the timer is cleared either way). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves when the child exits, or after `ms` (having sent SIGKILL). Never hangs. */
async function stop(child: ChildProcess | null, ms = 3_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  if (await within(exited, ms)) return;
  child.kill('SIGKILL');
  await within(exited, 1_000);
}

async function startXvfb(viewport: {
  width: number;
  height: number;
}): Promise<{ xvfb: ChildProcess; display: string }> {
  const screen = `${Math.max(1280, viewport.width + 100)}x${Math.max(1024, viewport.height + 100)}x24`;
  const xvfb = spawn(XVFB, ['-displayfd', '1', '-screen', '0', screen, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  xvfb.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const display = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start within 10 s: ${err}`)), 10_000);
    xvfb.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      done(`:${out.trim()}`);
    });
    xvfb.once('exit', () => {
      clearTimeout(timer);
      fail(new Error(`Xvfb exited: ${err}`));
    });
  });
  return { xvfb, display };
}

export const webkitLauncher: EngineLauncher = {
  engine: 'webkit',
  unavailable() {
    const missing = [WEBDRIVER, XVFB, PYTHON].filter((path) => !existsSync(path));
    if (missing.length) return `missing ${missing.join(', ')} (${PACKAGES})`;
    const reason = pythonWebKitMissing();
    return reason && `${reason} (${PACKAGES})`;
  },

  async launch({ profileDir, viewport }) {
    const work = mkdtempSync(join(tmpdir(), 'qa-visits-webkit-run-'));
    const browserPath = join(work, 'browser.py');
    const pidFile = join(work, 'browser.pid');
    writeFileSync(browserPath, BROWSER, { mode: 0o755 });
    let xvfb: ChildProcess | null = null;
    let webdriver: ChildProcess | null = null;
    let log = '';
    let base = '';

    /** One W3C command: throws with WebDriver's error, or after `ms`. */
    async function command<T>(method: string, path: string, body?: unknown, ms = 60_000): Promise<T> {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(ms),
      });
      const json = (await res.json().catch(() => ({ value: { error: `HTTP ${res.status}` } }))) as {
        value: T & { error?: string; message?: string };
      };
      if (!res.ok) {
        throw new Error(`[webkit] ${method} ${path}: ${json.value?.error} ${json.value?.message ?? ''}`.trim());
      }
      return json.value;
    }

    let session = '';
    const s = (path: string) => `/session/${session}${path}`;
    const browserPid = (): number | null => {
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : NaN;
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    };

    async function openBrowser(): Promise<void> {
      rmSync(pidFile, { force: true });
      const created = await command<{ sessionId: string }>('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            'webkitgtk:browserOptions': { binary: browserPath, args: [profileDir, pidFile, '--automation'] },
            timeouts: { script: 60_000, pageLoad: 60_000, implicit: 0 },
          },
        },
      }).catch((error: unknown) => {
        throw new Error(`${String(error)}\nWebKitWebDriver output:\n${log.slice(-4000)}`);
      });
      session = created.sessionId;
      await command('POST', s('/window/rect'), { width: viewport.width, height: viewport.height });
    }

    /** Ends the session; the browser quits when its last window closes (killed if it lingers). */
    async function quitBrowser(): Promise<void> {
      if (session) await command('DELETE', s(''), undefined, 10_000).catch(() => undefined);
      session = '';
      const pid = browserPid();
      const deadline = Date.now() + 5_000;
      while (pid && alive(pid) && Date.now() < deadline) await sleep(50);
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    }

    async function shutdown(): Promise<void> {
      await quitBrowser();
      await stop(webdriver);
      await stop(xvfb);
      rmSync(work, { recursive: true, force: true });
    }

    try {
      const x = await startXvfb(viewport);
      xvfb = x.xvfb;
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      webdriver = spawn(WEBDRIVER, [`--port=${port}`], {
        env: { ...process.env, DISPLAY: x.display, NO_AT_BRIDGE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const append = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
      webdriver.stdout?.on('data', append);
      webdriver.stderr?.on('data', append);
      const deadline = Date.now() + 15_000;
      while (
        !(await command<{ ready: boolean }>('GET', '/status', undefined, 1_000).then(
          (v) => v.ready,
          () => false,
        ))
      ) {
        if (webdriver.exitCode !== null || Date.now() > deadline)
          throw new Error(`WebKitWebDriver did not start:\n${log}`);
        await sleep(100);
      }
      await openBrowser();
    } catch (error) {
      await shutdown();
      throw error;
    }

    const driver: EngineDriver = {
      engine: 'webkit',
      playwright: null,
      goto: async (url) => void (await command('POST', s('/url'), { url })),
      reload: async () => void (await command('POST', s('/refresh'), {})),
      url: () => command<string>('GET', s('/url')),
      async evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
        const script = `const done = arguments[arguments.length - 1];
          const args = Array.prototype.slice.call(arguments, 0, -1);
          Promise.resolve().then(() => (${fn.toString()})(...args)).then(
            (value) => done({ ok: true, value: value === undefined ? null : value }),
            (error) => done({ ok: false, error: String(error) + (error && error.stack ? '\\n' + error.stack : '') }));`;
        const result = await command<{ ok: boolean; value?: unknown; error?: string }>('POST', s('/execute/async'), {
          script,
          args,
        });
        if (!result.ok) throw new Error(`[webkit] page error: ${result.error}`);
        return result.value as R;
      },
      async screenshot(path) {
        const png = await command<string>('GET', s('/screenshot'));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, Buffer.from(png, 'base64'));
      },
      async restart() {
        await quitBrowser();
        await openBrowser();
      },
      close: async () => void (await within(shutdown(), 30_000)),
    };
    return driver;
  },
};
