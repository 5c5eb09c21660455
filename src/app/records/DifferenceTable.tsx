// Two versions of a record side by side, one row per difference (history and conflict views).
import type { Difference } from '../../shared/records/record-diff';

export function DifferenceTable(props: {
  caption: string;
  beforeLabel: string;
  afterLabel: string;
  rows: Difference[];
}) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="table-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">{props.beforeLabel}</th>
            <th scope="col">{props.afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((d) => (
            <tr key={d.key} data-testid="difference">
              <th scope="row">{d.section === d.label ? d.label : `${d.section}: ${d.label}`}</th>
              <td>{d.before}</td>
              <td>{d.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
