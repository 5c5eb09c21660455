// Entry point and composition root: restores who is signed in, starts syncing, wires sync to the
// session (a 401 while sending marks the session expired) and renders the app.
import { render } from 'preact';
import { App, preloadPages } from './App';
import { loadSession, session, sessionExpired } from './auth/session';
import { registerServiceWorker } from './components/UpdatePrompt';
import { listenToHistory } from './lib/router';
import { loadSettings } from './sync/settings';
import { checkStorage } from './device/storage-usage';
import { startSync } from './sync/control';
import { restoreLastSync, syncState } from './sync/sync-state';
import { startLock } from './lock/lock';
import './styles.css';

listenToHistory();
// A failed registration leaves the app running without offline start-up; nothing to report here.
void registerServiceWorker().catch(() => undefined);
// The app lock (issue 14): every load starts locked; idle time locks again.
startLock();
render(<App />, document.getElementById('app') as HTMLElement);

void loadSettings();
void checkStorage();
void restoreLastSync();

/**
 * What the first screen does not need starts once that screen is known (sign-in, lock or a
 * page): parsing the other pages or running retention earlier holds up the remembered person's
 * IndexedDB read on a slow phone, and with it the first usable input (docs/budgets-and-testing.md).
 */
function afterFirstScreen(): void {
  setTimeout(preloadPages, 500);
  // Device retention (issue 14) reads only clear fields, so it runs before any unlock.
  setTimeout(() => void import('./device/retention').then((m) => m.applyRetention()).catch(() => undefined), 1000);
}
const stopWaiting = session.subscribe((state) => {
  if (state.status === 'loading') return;
  stopWaiting();
  afterFirstScreen();
});
void loadSession().then(() => {
  if (session.get().status === 'signed-in') startSync();
});
session.subscribe((state) => {
  if (state.status === 'signed-in') {
    startSync();
    // Ask the browser not to evict visits under storage pressure.
    void navigator.storage?.persist?.().catch(() => undefined);
  }
});
// Sync knows nothing of sessions (no import cycle): a 401 while sending pauses it, and here the
// session learns it must ask the person to sign in again. Local work carries on meanwhile.
syncState.subscribe((state) => {
  if (state.phase === 'auth-required') sessionExpired();
});
