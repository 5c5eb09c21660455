// Entry point: restores who is signed in, starts syncing and renders the app.
import { render } from 'preact';
import { App, preloadPages } from './App';
import { loadSession, session } from './auth/session';
import { registerServiceWorker } from './components/UpdatePrompt';
import { listenToHistory } from './lib/router';
import { loadSettings } from './sync/settings';
import { checkStorage } from './device/storage-usage';
import { restoreLastSync, startSync } from './sync/control';
import './styles.css';

listenToHistory();
registerServiceWorker();
render(<App />, document.getElementById('app') as HTMLElement);
setTimeout(preloadPages, 500);

void loadSettings();
void checkStorage();
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
