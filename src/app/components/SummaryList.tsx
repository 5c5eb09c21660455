// Summary lists (GOV.UK): what something is, read back as a term and its value per row — a
// record's details and answers, a provider's register entry, the space a device uses.
import type { ComponentChildren } from 'preact';

export function SummaryRow(props: {
  label: ComponentChildren;
  testId?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="summary-row" data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** The list: `rows` of label and value, or rows of the page's own as `children`. */
export function SummaryList(props: {
  rows?: ReadonlyArray<readonly [string, ComponentChildren]>;
  children?: ComponentChildren;
}) {
  return (
    <dl class="summary-list">
      {props.rows?.map(([label, value]) => (
        <SummaryRow key={label} label={label}>
          {value}
        </SummaryRow>
      ))}
      {props.children}
    </dl>
  );
}
