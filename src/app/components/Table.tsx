// Tables as the app sets them out: a caption, column headings (figures right-aligned, a heading
// for screen readers only where the column speaks for itself), and the rows, each headed by one
// cell; wrapped so a wide table scrolls sideways on a narrow screen rather than the page.
// On a phone a table of more than three columns is set out as stacked rows (issue 17: the inbox,
// the register and the actions tracker were squeezed into 360 px, their headings broken mid-word):
// each row a block headed by its row header, each other cell on a line of its own labelled by its
// column's heading (`data-label`, shown by styles.css below its breakpoint only, and hidden from
// screen readers, which hear the table's own headings).
import type { ComponentChildren } from 'preact';

/**
 * A column: its heading; `numeric` right-aligns it; `hidden` shows the heading to screen readers
 * only; `unlabelled` leaves its cells without the heading in stacked rows, where the cell speaks
 * for itself (a form with its own labels, a link saying what it does).
 */
export type Column = string | { heading: string; numeric?: boolean; hidden?: boolean; unlabelled?: boolean };
/** A row's cells; with a key (and a test id) when rows come and go, else keyed by position. */
export type Row = ComponentChildren[] | { key: string | number; cells: ComponentChildren[]; testId?: string };

const heading = (c: Column) => (typeof c === 'string' ? c : c.heading);
const numeric = (c: Column | undefined) => (typeof c === 'object' && c.numeric ? 'numeric' : undefined);
/** The label a cell of this column carries in stacked rows, if any. */
const stackLabel = (c: Column | undefined) =>
  c === undefined || (typeof c === 'object' && (c.hidden || c.unlabelled)) ? undefined : heading(c);

/** Tables of more than three columns stack on a phone; two or three fit across one. */
const stacks = (columns: readonly Column[]) => columns.length > 3;

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
  const classes = ['table', stacks(props.columns) && 'stack', props.class].filter(Boolean).join(' ');
  const table = (
    <table class={classes}>
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

/**
 * One row under `columns`: the cell at `header` (the first unless told) is the row's header, the
 * others data cells. In a stacking table each data cell carries its column's heading as
 * `data-label` and its content in one block, so the label and the content sit side by side.
 */
export function TableRow(props: {
  columns: readonly Column[];
  cells: ComponentChildren[];
  header?: number;
  testId?: string | undefined;
}) {
  const { columns, cells, header = 0 } = props;
  const stacked = stacks(columns);
  return (
    <tr data-testid={props.testId}>
      {cells.map((cell, j) => {
        if (j === header)
          return (
            <th key={j} scope="row" class={numeric(columns[j])}>
              {cell}
            </th>
          );
        const label = stacked ? stackLabel(columns[j]) : undefined;
        return (
          <td key={j} class={numeric(columns[j])} data-label={label}>
            {label === undefined ? cell : <div class="cell">{cell}</div>}
          </td>
        );
      })}
    </tr>
  );
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
        return <TableRow key={r.key} columns={props.columns} cells={r.cells} testId={r.testId} />;
      })}
    </TableFrame>
  );
}
