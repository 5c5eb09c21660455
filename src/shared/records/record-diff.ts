// What differs between two revisions of a record, item by item, as people read it: the history
// view lists what each amendment changed, and the conflict view sets two versions side by side.
import { canonicalJson } from './record-rules';
import type { Answer, RecordBody } from './schema';
import type { Template } from '../templates/schema';
import { OVERALL } from './schema';

export type Difference = {
  /** Where the difference is, e.g. "answers.staffing-levels", "sectionRatings.safe", "details", "actions". */
  key: string;
  /** The section or area it is in, for grouping; "Details", "Judgement" or "Actions" otherwise. */
  section: string;
  label: string;
  before: string;
  after: string;
};

type Comparable = Pick<
  RecordBody,
  'details' | 'answers' | 'sectionRatings' | 'overallRating' | 'ratingOverrides' | 'actions'
>;

function answerText(answer: Answer | undefined): string {
  if (!answer) return 'Not answered';
  const value = answer.rows
    ? `${answer.rows.length} row${answer.rows.length === 1 ? '' : 's'}: ${answer.rows
        .map((r) =>
          Object.values(r.answers)
            .map((a) => (Array.isArray(a.value) ? a.value.join(', ') : (a.value ?? '')))
            .filter(Boolean)
            .join(' / '),
        )
        .join('; ')}`
    : Array.isArray(answer.value)
      ? answer.value.join(', ')
      : (answer.value ?? 'Not answered');
  return answer.note ? `${value} — ${answer.note}` : value;
}

const ratingText = (template: Template, value: string | null | undefined) =>
  template.ratingScale.find((r) => r.value === value)?.label ?? 'Not rated';

export function differences(template: Template, before: Comparable, after: Comparable): Difference[] {
  const out: Difference[] = [];
  if (canonicalJson(before.details) !== canonicalJson(after.details)) {
    out.push({
      key: 'details',
      section: 'Details',
      label: 'Details',
      before: Object.values(before.details).join(' · '),
      after: Object.values(after.details).join(' · '),
    });
  }
  for (const section of template.sections) {
    for (const item of section.items) {
      const a = before.answers[item.id];
      const b = after.answers[item.id];
      if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) {
        out.push({
          key: `answers.${item.id}`,
          section: section.title,
          label: item.label,
          before: answerText(a),
          after: answerText(b),
        });
      }
    }
    const ra = before.sectionRatings[section.id];
    const rb = after.sectionRatings[section.id];
    const oa = before.ratingOverrides?.[section.id]?.reason ?? '';
    const ob = after.ratingOverrides?.[section.id]?.reason ?? '';
    if (ra !== rb || oa !== ob) {
      out.push({
        key: `sectionRatings.${section.id}`,
        section: section.title,
        label: 'Rating',
        before: `${ratingText(template, ra)}${oa ? ` — ${oa}` : ''}`,
        after: `${ratingText(template, rb)}${ob ? ` — ${ob}` : ''}`,
      });
    }
  }
  const oa = before.ratingOverrides?.[OVERALL]?.reason ?? '';
  const ob = after.ratingOverrides?.[OVERALL]?.reason ?? '';
  if ((before.overallRating ?? null) !== (after.overallRating ?? null) || oa !== ob) {
    out.push({
      key: 'overallRating',
      section: 'Judgement',
      label: template.overall?.label ?? 'Overall rating',
      before: `${ratingText(template, before.overallRating)}${oa ? ` — ${oa}` : ''}`,
      after: `${ratingText(template, after.overallRating)}${ob ? ` — ${ob}` : ''}`,
    });
  }
  const actionsText = (x: Comparable) =>
    (x.actions ?? []).map((a) => `${a.title} (${a.significance}, due ${a.dueDate})`).join('; ') || 'None';
  if (canonicalJson(before.actions ?? []) !== canonicalJson(after.actions ?? [])) {
    out.push({
      key: 'actions',
      section: 'Actions',
      label: 'Actions',
      before: actionsText(before),
      after: actionsText(after),
    });
  }
  return out;
}
