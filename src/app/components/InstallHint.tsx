// iPad and iPhone have no install prompt, and Safari may clear a website's stored data after
// about a week without use — but not an app added to the Home Screen. So on iOS, outside the
// installed app, explain how to install and why; once dismissed it stays dismissed.
import { getValue, setValue } from '../storage/device-keyval';
import { useEffect, useState } from 'preact/hooks';

const DISMISSED_KEY = 'install-hint-dismissed';

export function isIosBrowserTab(
  nav: Navigator = navigator,
  media: (q: string) => boolean = (q) => matchMedia(q).matches,
): boolean {
  const ios = /iPad|iPhone|iPod/.test(nav.userAgent) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1); // iPadOS says "Mac"
  const installed =
    (nav as Navigator & { standalone?: boolean }).standalone === true || media('(display-mode: standalone)');
  return ios && !installed;
}

export function InstallHint() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (!isIosBrowserTab()) return;
    void getValue<boolean>(DISMISSED_KEY).then((dismissed) => setShow(!dismissed));
  }, []);
  if (!show) return null;
  return (
    <div class="notification" role="region" aria-label="Install QA Visits">
      <p>
        <strong>Add QA Visits to your Home Screen.</strong> Tap the Share button, then “Add to Home Screen”. Installed,
        it opens with no signal, and Safari is far less likely to clear visits saved on this device.
      </p>
      <button
        type="button"
        class="button secondary small"
        onClick={() => {
          setShow(false);
          void setValue(DISMISSED_KEY, true);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
