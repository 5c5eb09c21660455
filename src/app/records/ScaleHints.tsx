// What a template's shared answer scale means (QMF: Met, Partly met, Not met, Not applicable), said
// once at the top of an area in a GOV.UK details element instead of under every question's radios.
// Repeated under each of an area's questions, those four hints made one QMF area 9,537 px tall on a
// phone (issue 17). An item with options of its own keeps its hints beside them: they are its own.
import type { ChoiceOption, Template, TemplateItem } from '../../shared/templates/schema';

/** The template's shared scale an item is answered on, or null when its options are its own (or it has none). */
export function sharedScale(template: Template, item: Pick<TemplateItem, 'type' | 'options'>): ChoiceOption[] | null {
  if (item.type === 'choice' && item.options === undefined) return template.responseOptions;
  if (item.type === 'rating') return template.ratingScale;
  return null;
}

/** "Met, Partly met, Not met and Not applicable". */
const listed = (labels: string[]) =>
  labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;

/** One details element per shared scale with hints that the items use; nothing when none does. */
export function ScaleHints(props: { template: Template; items: TemplateItem[] }) {
  const { template } = props;
  const scales = new Set<ChoiceOption[]>();
  for (const item of props.items)
    for (const each of [item, ...(item.items ?? [])]) {
      const scale = sharedScale(template, each);
      if (scale) scales.add(scale);
    }
  return (
    <>
      {[...scales].map((scale, n) => (
        <ScaleDetails key={n} scale={scale} />
      ))}
    </>
  );
}

/** "What Green, Amber and Red mean", opening to each option's hint; nothing when no option has one. */
export function ScaleDetails(props: { scale: ChoiceOption[] }) {
  const { scale } = props;
  if (!scale.some((o) => o.hint)) return null;
  return (
    <details class="details" data-testid="scale-hints">
      <summary>What {listed(scale.map((o) => o.label))} mean</summary>
      <dl class="details-text scale-hints">
        {scale
          .filter((o) => o.hint)
          .map((o) => (
            <div key={o.value}>
              <dt>{o.label}</dt>
              <dd>{o.hint}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}
