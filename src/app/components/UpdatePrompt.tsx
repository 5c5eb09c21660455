// Registers the service worker and offers a waiting new version as a prompt. The page reloads
// only after the person chooses to, so unsaved work is never thrown away by an update. The
// worker's helper (workbox-window) is loaded after the first screen's code, as Workbox advises
// registering once the page has loaded: the first screen does not wait for it.
import { observable, useObservable } from '../lib/observable';

const updateWaiting = observable<boolean>(false);
let acceptUpdate: () => void = () => undefined;

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js');
  let accepted = false;
  wb.addEventListener('waiting', () => updateWaiting.set(true));
  wb.addEventListener('controlling', () => {
    if (accepted) location.reload();
  });
  acceptUpdate = () => {
    accepted = true;
    wb.messageSkipWaiting();
  };
  // Registration can fail (private browsing, a blocked worker): the app still runs, only without
  // offline start-up, so a failure must not surface as an unhandled error.
  const quietly = (work: () => Promise<unknown>) => void work().catch(() => undefined);
  quietly(() => wb.register());
  // Look for a new version when the app comes back into view, and hourly.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') quietly(() => wb.update());
  });
  setInterval(() => quietly(() => wb.update()), 60 * 60 * 1000);
}

export function UpdatePrompt() {
  const waiting = useObservable(updateWaiting);
  if (!waiting) return null;
  return (
    <div class="notification" role="region" aria-label="Update available">
      <p>
        <strong>A new version of QA Visits is ready.</strong> Your answers are saved. Update when it suits you.
      </p>
      <button type="button" class="button small" onClick={() => acceptUpdate()}>
        Update now
      </button>{' '}
      <button type="button" class="button secondary small" onClick={() => updateWaiting.set(false)}>
        Later
      </button>
    </div>
  );
}
