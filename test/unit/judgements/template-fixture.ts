// The smallest template the judgement tests build on, as data: valid as it stands, every part
// replaceable, so each test states only what its case varies (the scale, the scoring, the items).
import type { Template, TemplateItem } from '../../../src/shared/templates/schema';

/** Two answers, scored: the response options most tests need. */
export const MET_OR_NOT: Template['responseOptions'] = [
  { value: 'met', label: 'Met', score: 3 },
  { value: 'not-met', label: 'Not met', score: 1 },
];

/** The QMF's three-point RAG scale. */
export const RAG: Template['ratingScale'] = [
  { value: 'green', label: 'Green', score: 3 },
  { value: 'amber', label: 'Amber', score: 2 },
  { value: 'red', label: 'Red', score: 1 },
];

/** A provider template with no sections and no scoring rule; `over` replaces any part. */
export function testTemplate(over: Partial<Template> = {}): Template {
  return {
    id: 't',
    version: 1,
    framework: 'T',
    title: 'T',
    description: '',
    subject: 'provider',
    responseOptions: MET_OR_NOT,
    ratingScale: RAG,
    sections: [],
    ...over,
  };
}

/** A required choice item labelled by its id; `more` replaces any field. */
export const choice = (id: string, more: Partial<TemplateItem> = {}): TemplateItem => ({
  id,
  type: 'choice',
  label: id,
  required: true,
  note: 'none',
  ...more,
});
