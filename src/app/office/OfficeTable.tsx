// The table an office list page (inbox, register) shows under its filters: the failure, or
// "Loading…" until the rows come, then the rows under a caption and column headings. A heading
// given as { hidden } is read by screen readers only (a column of links, say).
import type { ComponentChildren } from 'preact';

export type Heading = string | { hidden: string };

export function OfficeTable<T>(props: {
  /** null until loaded. */
  rows: readonly T[] | null;
  failure: string;
  caption: ComponentChildren;
  /** Announce caption changes (when filters on the page change the rows shown). */
  live?: boolean;
  headings: readonly Heading[];
  /** One <tr>, keyed. */
  row: (item: T) => ComponentChildren;
}) {
  const { rows, failure } = props;
  return (
    <>
      {failure && <p role="alert">{failure}</p>}
      {!rows && !failure && <p>Loading…</p>}
      {rows && (
        <div class="table-wrap">
          <table class="table">
            <caption class="table-caption" aria-live={props.live ? 'polite' : undefined}>
              {props.caption}
            </caption>
            <thead>
              <tr>
                {props.headings.map((h) => (
                  <th scope="col" key={typeof h === 'string' ? h : h.hidden}>
                    {typeof h === 'string' ? h : <span class="visually-hidden">{h.hidden}</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows.map(props.row)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
