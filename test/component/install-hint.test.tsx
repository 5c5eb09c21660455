// The iOS "Add to Home Screen" hint: shown in Safari on iPhone and iPad (including iPadOS, which
// calls itself a Mac), never inside the installed app or on other platforms.
import { describe, expect, it } from 'vitest';
import { isIosBrowserTab } from '../../src/app/components/InstallHint';

const nav = (userAgent: string, platform: string, maxTouchPoints: number, standalone?: boolean) =>
  ({ userAgent, platform, maxTouchPoints, standalone }) as unknown as Navigator;
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const IPADOS =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36';

describe('isIosBrowserTab', () => {
  it.each([
    ['iPhone in Safari', nav(IPHONE, 'iPhone', 5), false, true],
    ['iPhone, installed (navigator.standalone)', nav(IPHONE, 'iPhone', 5, true), false, false],
    ['iPad on iPadOS (reports a Mac with touch)', nav(IPADOS, 'MacIntel', 5), false, true],
    ['iPad, installed (display-mode standalone)', nav(IPADOS, 'MacIntel', 5), true, false],
    ['a real Mac (no touch)', nav(IPADOS, 'MacIntel', 0), false, false],
    ['Android phone', nav(ANDROID, 'Linux armv8l', 5), false, false],
  ])('%s', (_name, navigator, standaloneMedia, expected) => {
    expect(isIosBrowserTab(navigator, () => standaloneMedia)).toBe(expected);
  });
});
