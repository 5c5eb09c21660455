// Two versions of a record side by side, one row per difference (history and conflict views).
import type { Difference } from '../../shared/records/record-diff';
import { Table } from '../components/Table';

export function DifferenceTable(props: {
  caption: string;
  beforeLabel: string;
  afterLabel: string;
  rows: Difference[];
}) {
  return (
    <Table
      caption={props.caption}
      columns={['Question', props.beforeLabel, props.afterLabel]}
      rows={props.rows.map((d) => ({
        key: d.key,
        testId: 'difference',
        cells: [d.section === d.label ? d.label : `${d.section}: ${d.label}`, d.before, d.after],
      }))}
    />
  );
}
