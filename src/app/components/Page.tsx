// Page frame: sets the document title and moves focus to the page heading after navigation,
// so screen-reader and keyboard users land at the start of the new content. Also the back link,
// the error summary, whose links move focus to the control in error, and the status message that
// says what a form or button just did.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export function Page(props: {
  title: string;
  /**
   * The window title when `title` names a person or a case (issue 14): browsers keep window titles
   * in their history and session files, outside the app's encrypted storage.
   */
  documentTitle?: string;
  heading?: string;
  caption?: string;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const windowTitle = props.documentTitle ?? props.title;
  useEffect(() => {
    document.title = `${windowTitle} – QA Visits`;
    // Arriving by a link to one field (an error on check answers), focus that field, not the heading.
    if (!focusFragment()) heading.current?.focus();
  }, [windowTitle, props.title]);
  return (
    <>
      {props.caption && <span class="caption">{props.caption}</span>}
      <h1 ref={heading} tabIndex={-1}>
        {props.heading ?? props.title}
      </h1>
      {props.children}
    </>
  );
}

/** Focuses and shows the control the address's fragment names, if it is on the page; whether it was. */
function focusFragment(): boolean {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && id !== 'main' ? document.getElementById(id) : null;
  if (!target) return false;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  return document.activeElement === target;
}

export function BackLink(props: { href: string; children: ComponentChildren }) {
  return (
    <a class="back-link" href={props.href}>
      {props.children}
    </a>
  );
}

/** What just happened (saved, assigned, cancelled), read out by screen readers as it appears. */
export function StatusMessage(props: { children: ComponentChildren }) {
  return (
    <div class="notification" role="status">
      <p>{props.children}</p>
    </div>
  );
}

export function ErrorSummary(props: { title?: string; errors: Array<{ href: string; message: string }> }) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (props.errors.length > 0) box.current?.focus();
  }, [props.errors.length]);
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title ?? 'There is a problem'}</h2>
      <ul>
        {props.errors.map((e) => (
          <li key={e.href + e.message}>
            <a href={e.href} onClick={(ev) => focusTarget(ev, e.href)}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A form's errors as summary links, in the order they were found, each to its control (`#` and `idOf(field)`). */
export const errorLinks = (errors: Partial<Record<string, string>>, idOf = (field: string) => field) =>
  Object.entries(errors).flatMap(([field, message]) => (message ? [{ href: `#${idOf(field)}`, message }] : []));

/** In-page error links move focus to the field rather than navigating. */
function focusTarget(event: MouseEvent, href: string) {
  if (!href.startsWith('#')) return;
  event.preventDefault();
  const target = document.getElementById(href.slice(1));
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}
