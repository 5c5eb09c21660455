// Template validation: a template that zod accepts can still be unusable; each problem is refused
// with a message naming the item.
import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../src/shared/templates/template-rules';
import type { Template, TemplateItem } from '../../../src/shared/templates/schema';
import { choice, testTemplate } from './template-fixture';

const base = (items: TemplateItem[], extra: Partial<Template> = {}): Template =>
  testTemplate({
    ratingScale: [
      { value: 'green', label: 'Green', score: 3 },
      { value: 'red', label: 'Red', score: 1 },
    ],
    scoring: { method: 'worst' },
    sections: [{ id: 'a', title: 'A', rated: true, items }],
    ...extra,
  });
const item = choice;

describe('validateTemplate', () => {
  it('accepts a sound template', () => {
    expect(
      validateTemplate(
        base([
          item('consent', { type: 'yes-no' }),
          item('how', { type: 'text', showIf: { item: 'consent', in: ['yes'] } }),
          item('people', {
            type: 'group',
            rowLabel: 'Person',
            items: [
              item('who', { type: 'text' }),
              item('meal', { type: 'yes-no' }),
              item('what', { type: 'text', showIf: { item: 'meal', in: ['yes'] } }),
            ],
          }),
        ]),
      ),
    ).toEqual([]);
  });

  it.each<[string, Template, RegExp]>([
    [
      'a show-if naming a missing item',
      base([item('a1', { showIf: { item: 'nowhere', in: ['met'] } })]),
      /Item "a1": show-if names "nowhere", which is not an earlier item/,
    ],
    [
      'a show-if naming a later item',
      base([item('a1', { showIf: { item: 'a2', in: ['met'] } }), item('a2')]),
      /Item "a1": show-if names "a2"/,
    ],
    [
      'a show-if value the item cannot take',
      base([item('a1'), item('a2', { showIf: { item: 'a1', in: ['maybe'] } })]),
      /Item "a2": show-if value "maybe" is not an option of "a1"/,
    ],
    ['a duplicate item id', base([item('a1'), item('a1')]), /Item "a1": the id is used more than once/],
    [
      'a duplicate id inside a group',
      base([item('a1'), item('g', { type: 'group', rowLabel: 'Row', items: [item('a1')] })]),
      /Item "a1": the id is used more than once/,
    ],
    [
      'a rating outside the scale in a band',
      base([item('a1')], { scoring: { method: 'percentage-bands', bands: [{ from: 0, rating: 'purple' }] } }),
      /gives "purple", which is not on the rating scale/,
    ],
    [
      'a rating outside the scale in noteOptionalFor',
      base([item('a1', { type: 'rating', note: 'required', noteOptionalFor: ['purple'] })]),
      /Item "a1": "purple" in noteOptionalFor is not one of its options/,
    ],
    [
      'a scale without scores under a scoring rule',
      base([item('a1', { type: 'rating' })], {
        ratingScale: [
          { value: 'green', label: 'G' },
          { value: 'red', label: 'R' },
        ],
      }),
      /Item "a1": rated on a scale without scores/,
    ],
    [
      'an unknown evidence category',
      base([item('a1', { evidenceCategory: 'hearsay' })], {
        evidenceCategories: [{ value: 'observation', label: 'Observation' }],
      }),
      /Item "a1": evidence category "hearsay"/,
    ],
    [
      'a group inside a group',
      base([
        item('g', {
          type: 'group',
          rowLabel: 'Row',
          items: [item('h', { type: 'group', rowLabel: 'Row', items: [item('x')] })],
        }),
      ]),
      /Item "h": groups cannot be inside groups/,
    ],
    [
      'a group without items',
      base([item('g', { type: 'group', rowLabel: 'Row', items: [] })]),
      /Item "g": a group needs items/,
    ],
    [
      'a choice with one option',
      base([item('a1', { options: [{ value: 'only', label: 'Only' }] })]),
      /Item "a1": a choice item needs at least two options/,
    ],
    [
      'percentage scoring without a 0% band',
      base([item('a1')], { scoring: { method: 'percentage-bands', bands: [{ from: 50, rating: 'green' }] } }),
      /lowest band must start at 0%/,
    ],
  ])('rejects %s', (_name, template, message) => {
    const issues = validateTemplate(template);
    expect(issues.map((i) => i.message).join('\n')).toMatch(message);
  });
});
