// The table an office list page (inbox, register) shows under its filters: "Loading…" until the
// rows come, then the rows under a caption and column headings (a column of links, say, headed for
// screen readers only), stacked on a phone as every table of more than three columns is
// (components/Table.tsx). A failure (offline, say) is shown by the page above its filters, where it
// is seen first (issue 17), so the table shows nothing then.
import type { ComponentChildren } from 'preact';
import { TableFrame, TableRow, type Column } from '../components/Table';

export function OfficeTable<T>(props: {
  /** null until loaded. */
  rows: readonly T[] | null;
  failure: string;
  caption: ComponentChildren;
  /** Announce caption changes (when filters on the page change the rows shown). */
  live?: boolean;
  headings: readonly Column[];
  /** Which cell heads each row (the first unless told). */
  header?: number;
  /** One row: its key and its cells, one per heading. */
  row: (item: T) => { key: string; cells: ComponentChildren[] };
}) {
  const { rows, failure } = props;
  return (
    <>
      {!rows && !failure && <p>Loading…</p>}
      {rows && (
        <TableFrame caption={props.caption} columns={props.headings} live={props.live}>
          {rows.map((item) => {
            const { key, cells } = props.row(item);
            return <TableRow key={key} columns={props.headings} cells={cells} header={props.header} />;
          })}
        </TableFrame>
      )}
    </>
  );
}
