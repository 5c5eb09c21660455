// Tables as the app sets them out: a caption, column headings (figures right-aligned, a heading
// for screen readers only where the column speaks for itself), and the rows, each headed by its
// first cell; wrapped so a wide table scrolls sideways on a narrow screen rather than the page.
import type { ComponentChildren } from 'preact';

/** A column: its heading; `numeric` right-aligns it; `hidden` shows the heading to screen readers only. */
export type Column = string | { heading: string; numeric?: boolean; hidden?: boolean };
/** A row's cells; with a key (and a test id) when rows come and go, else keyed by position. */
export type Row = ComponentChildren[] | { key: string | number; cells: ComponentChildren[]; testId?: string };

const heading = (c: Column) => (typeof c === 'string' ? c : c.heading);
const numeric = (c: Column | undefined) => (typeof c === 'object' && c.numeric ? 'numeric' : undefined);

/** The table with its caption and headings; `children` are its rows (<tr>s, keyed). */
export function TableFrame(props: {
  caption: ComponentChildren;
  columns: readonly Column[];
  /** Announce caption changes (when filters on the page change the rows shown). */
  live?: boolean;
  /** A class besides table; a table in a figure (a chart's numbers) is not wrapped. */
  class?: string;
  wrap?: boolean;
  /** A caption for screen readers only, where the heading above says what the table is. */
  hideCaption?: boolean;
  children: ComponentChildren;
}) {
  const table = (
    <table class={props.class ? `table ${props.class}` : 'table'}>
      <caption
        class={props.hideCaption ? 'visually-hidden' : 'table-caption'}
        aria-live={props.live ? 'polite' : undefined}
      >
        {props.caption}
      </caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={heading(c)} scope="col" class={numeric(c)}>
              {typeof c === 'object' && c.hidden ? <span class="visually-hidden">{c.heading}</span> : heading(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
  return props.wrap === false ? table : <div class="table-wrap">{table}</div>;
}

/** Rows of cells under the columns, each row headed by its first cell; `empty` says so when there are none. */
export function Table(props: {
  caption: ComponentChildren;
  columns: readonly Column[];
  rows: Row[];
  empty?: string;
  class?: string;
  wrap?: boolean;
  hideCaption?: boolean;
}) {
  const { rows, empty, ...frame } = props;
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  return (
    <TableFrame {...frame}>
      {rows.map((row, i) => {
        const r = Array.isArray(row) ? { key: i, cells: row, testId: undefined } : row;
        return (
          <tr key={r.key} data-testid={r.testId}>
            {r.cells.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j} class={numeric(props.columns[j])}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        );
      })}
    </TableFrame>
  );
}
