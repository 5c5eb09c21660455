// A tiny history-API router: the current path as an observable, `navigate`, and a click handler
// for same-origin links. Pages move focus to their heading after navigation (see Page).
import { observable } from './observable';

const here = () => location.pathname + location.search;

/** The current path and query string, e.g. "/visits/new?provider=willow-bank". */
export const currentPath = observable<string>(typeof location === 'undefined' ? '/' : here());

/**
 * Goes to `path`, which may end in a fragment naming a field (`/visits/1/areas/staffing#rota`):
 * the fragment stays in the address for the page to focus that field (components/Page.tsx).
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === here() || path === here() + location.hash) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  currentPath.set(here());
}

/** The query parameters of the current location. */
export function queryParams(): URLSearchParams {
  return new URLSearchParams(location.search);
}

export function listenToHistory(): void {
  window.addEventListener('popstate', () => currentPath.set(here()));
  document.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    // A link within this page (the skip link) is the browser's to follow.
    if (url.hash && url.pathname + url.search === here()) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}

/** Matches `/visits/:id/areas/:section` style patterns; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const trim = (x: string) => (x.length > 1 ? x.replace(/\/+$/, '') : x);
  const p = trim(pattern).split('/');
  const s = trim(path).split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] ?? '';
    const seg = s[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}
