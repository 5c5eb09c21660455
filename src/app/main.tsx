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
registerServiceWorker();
// The app lock (issue 14): every load starts locked; idle time locks again.
startLock();
render(<App />, document.getElementById('app') as HTMLElement);
setTimeout(preloadPages, 500);

void loadSettings();
void checkStorage();
// Device retention (issue 14) reads only clear fields, so it runs at start, before any unlock.
void import('./device/retention').then((m) => m.applyRetention()).catch(() => undefined);
void restoreLastSync();
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
