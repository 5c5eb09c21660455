// Answer rules for every item type, repeating groups and show-if, and the differences between
// two revisions as the history and conflict views list them.
import { describe, expect, it } from 'vitest';
import { differences } from '../../../src/shared/records/record-diff';
import { answerIssues, itemIssues } from '../../../src/shared/records/record-rules';
import type { Answer } from '../../../src/shared/records/schema';
import type { Template, TemplateItem } from '../../../src/shared/templates/schema';

const template: Template = {
  id: 't',
  version: 1,
  framework: 'T',
  title: 'T',
  description: '',
  subject: 'practitioner',
  responseOptions: [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ],
  ratingScale: [
    { value: 'good', label: 'Good', score: 2 },
    { value: 'poor', label: 'Poor', score: 1 },
  ],
  sections: [{ id: 's', title: 'S', rated: false, items: [] }],
};
const item = (type: TemplateItem['type'], more: Partial<TemplateItem> = {}): TemplateItem => ({
  id: 'x',
  type,
  label: 'X',
  required: true,
  note: 'none',
  ...more,
});
const answer = (value: Answer['value'], note = ''): Answer => ({ value, note });

describe('itemIssues by type', () => {
  it.each<[string, TemplateItem, Answer | undefined, string[]]>([
    ['a required text left empty', item('text'), answer('  '), ['Enter an answer']],
    ['an optional text left empty', item('text', { required: false }), undefined, []],
    ['yes-no', item('yes-no'), answer('maybe'), ['Select one of the listed answers']],
    ['yes-no unanswered', item('yes-no'), undefined, ['Select yes or no']],
    ['a number', item('number', { min: 0, max: 40 }), answer('12.5'), []],
    ['not a number', item('number'), answer('twelve'), ['Enter a number, like 12 or 3.5']],
    ['a number below the minimum', item('number', { min: 1 }), answer('0'), ['Enter a number of at least 1']],
    ['a date', item('date'), answer('2026-02-28'), []],
    ['an impossible date', item('date'), answer('2026-02-30'), ['Enter a real date']],
    [
      'multi-choice',
      item('multi-choice', {
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      }),
      answer(['a', 'b']),
      [],
    ],
    [
      'multi-choice with an unknown value',
      item('multi-choice', {
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      }),
      answer(['a', 'z']),
      ['Select from the listed answers'],
    ],
    [
      'multi-choice with nothing chosen',
      item('multi-choice', {
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      }),
      answer([]),
      ['Select at least one answer'],
    ],
    [
      'a rating on the scale with its rationale missing',
      item('rating', { note: 'required' }),
      answer('poor'),
      ['Enter the evidence for this answer'],
    ],
    ['a rating off the scale', item('rating'), answer('great'), ['Select one of the listed answers']],
    // The wire schema's limits (text-limits.ts), in words naming the box, whatever the answer.
    [
      'a note of exactly 20,000 characters',
      item('yes-no', { note: 'optional' }),
      answer('yes', 'n'.repeat(20_000)),
      [],
    ],
    [
      'a note over 20,000 characters',
      item('yes-no', { note: 'optional' }),
      answer('yes', 'n'.repeat(20_001)),
      ['Evidence must be 20,000 characters or fewer'],
    ],
    [
      'an over-long note on an optional item left unanswered',
      item('yes-no', { required: false, note: 'optional' }),
      answer(null, 'n'.repeat(20_001)),
      ['Evidence must be 20,000 characters or fewer'],
    ],
    [
      'an over-long rationale on a rating',
      item('rating', { note: 'required' }),
      answer('poor', 'n'.repeat(20_001)),
      ['Rationale must be 20,000 characters or fewer'],
    ],
    [
      'an over-long text answer',
      item('long-text'),
      answer('t'.repeat(20_001)),
      ['Your answer must be 20,000 characters or fewer'],
    ],
  ])('%s', (_name, it_, a, expected) => {
    expect(itemIssues(template, it_, a)).toEqual(expected);
  });
});

describe('groups and show-if', () => {
  const group = item('group', {
    id: 'people',
    rowLabel: 'Person spoken to',
    minRows: 1,
    maxRows: 2,
    items: [
      { id: 'who', type: 'text', label: 'Who', required: true, note: 'none' },
      { id: 'meal', type: 'yes-no', label: 'At a meal', required: true, note: 'none' },
      {
        id: 'food',
        type: 'text',
        label: 'About the food',
        required: true,
        note: 'none',
        showIf: { item: 'meal', in: ['yes'] },
      },
    ],
  });
  it('needs the minimum rows, checks each shown child, and names the row', () => {
    expect(answerIssues(template, group, {})).toEqual(['Add at least one person spoken to']);
    const rows = [
      { id: 'r1', answers: { who: answer('Resident, room 4'), meal: answer('no') } },
      { id: 'r2', answers: { who: answer(''), meal: answer('yes') } },
    ];
    expect(answerIssues(template, group, { people: { value: null, note: '', rows } })).toEqual([
      'Person spoken to 2: Who — Enter an answer',
      'Person spoken to 2: About the food — Enter an answer',
    ]);
  });
  it('ignores an item hidden by show-if', () => {
    const hidden = item('text', { id: 'how', showIf: { item: 'consent', in: ['yes'] } });
    expect(answerIssues(template, hidden, { consent: answer('no') })).toEqual([]);
    expect(answerIssues(template, hidden, { consent: answer('yes') })).toEqual(['Enter an answer']);
  });
});

describe('differences between revisions', () => {
  const t: Template = {
    ...template,
    sections: [
      { id: 's', title: 'Practice', rated: true, items: [item('text', { id: 'narrative', label: 'Narrative' })] },
    ],
    overall: { label: 'Overall' },
  };
  const base = {
    details: { practitionerName: 'A', practitionerRole: 'SW', team: 'N', date: '2026-03-01' },
    answers: { narrative: answer('First') },
    sectionRatings: { s: 'good' },
    overallRating: 'good',
    ratingOverrides: {},
    actions: [],
  };
  it('lists changed answers, ratings with reasons and actions, and nothing when equal', () => {
    expect(differences(t, base, base)).toEqual([]);
    const after = {
      ...base,
      answers: { narrative: answer('Second') },
      sectionRatings: { s: 'poor' },
      ratingOverrides: { s: { suggested: 'good', reason: 'Late' } },
    };
    expect(differences(t, base, after).map((d) => [d.key, d.before, d.after])).toEqual([
      ['answers.narrative', 'First', 'Second'],
      ['sectionRatings.s', 'Good', 'Poor — Late'],
    ]);
  });
});
