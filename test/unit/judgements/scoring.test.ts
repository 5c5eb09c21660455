// Scoring rules, table-driven: CQC percentages and every band edge, QMF worst-of RAG, audit and
// observation averages rounded toward the lower grade, and overrides that need a written reason.
import { describe, expect, it } from 'vitest';
import { ratingIssues, suggestOverallRating, suggestSectionRating } from '../../../src/shared/records/scoring';
import type { Answer } from '../../../src/shared/records/schema';
import type { Template, TemplateItem } from '../../../src/shared/templates/schema';
import { choice, RAG, testTemplate } from './template-fixture';

const scale4 = [
  { value: 'outstanding', label: 'Outstanding', score: 4 },
  { value: 'good', label: 'Good', score: 3 },
  { value: 'requires-improvement', label: 'Requires improvement', score: 2 },
  { value: 'inadequate', label: 'Inadequate', score: 1 },
];
const statementOptions = [4, 3, 2, 1].map((score) => ({ value: `score-${score}`, label: `Score ${score}`, score }));
const statement = (id: string): TemplateItem => ({
  id,
  type: 'choice',
  label: id,
  required: false,
  note: 'optional',
  options: statementOptions,
});

function template(
  method: 'worst' | 'average' | 'percentage-bands',
  items: TemplateItem[],
  extra: Partial<Template> = {},
): Template {
  return testTemplate({
    responseOptions: [
      { value: 'met', label: 'Met', score: 3 },
      { value: 'partly-met', label: 'Partly met', score: 2 },
      { value: 'not-met', label: 'Not met', score: 1 },
      { value: 'not-applicable', label: 'Not applicable' },
    ],
    ratingScale: scale4,
    scoring: {
      method,
      bands: [
        { from: 88, rating: 'outstanding' },
        { from: 63, rating: 'good' },
        { from: 39, rating: 'requires-improvement' },
        { from: 0, rating: 'inadequate' },
      ],
    },
    overall: { label: 'Overall' },
    sections: [{ id: 'safe', title: 'Safe', rated: true, items }],
    ...extra,
  });
}

/** The rating suggested for one section with an item per value (made by `itemFor`), answered with those values. */
function sectionRatingOf(
  method: 'worst' | 'average',
  ratingScale: Template['ratingScale'],
  itemFor: (id: string) => TemplateItem,
  values: Array<string | null>,
): string | null {
  const t = template(
    method,
    values.map((_, i) => itemFor(`s${i}`)),
    { ratingScale },
  );
  return suggestSectionRating(t, t.sections[0]!, answersOf(values)).rating;
}

const answersOf = (values: Array<string | null>): Record<string, Answer> =>
  Object.fromEntries(values.map((v, i) => [`s${i}`, { value: v, note: '' }]));

describe('CQC percentage bands', () => {
  /** `count` statements scored `high` and the rest of 25 scored `high - 1`: exact percentages. */
  const of25 = (high: number, count: number) =>
    [...Array(count).fill(high), ...Array(25 - count).fill(high - 1)] as number[];
  const cases: Array<[string, number[], number, string]> = [
    ['seven 3s and one 2 (docs/domain.md example)', [3, 3, 3, 3, 3, 3, 3, 2], 72, 'good'],
    ['all 4s', [4, 4, 4, 4], 100, 'outstanding'],
    ['all 1s', [1, 1, 1, 1], 25, 'inadequate'],
    ['88% is Outstanding', of25(4, 13), 88, 'outstanding'],
    ['87% is Good', of25(4, 12), 87, 'good'],
    ['63% is Good', of25(3, 13), 63, 'good'],
    ['62% is Requires improvement', of25(3, 12), 62, 'requires-improvement'],
    ['39% is Requires improvement', of25(2, 14), 39, 'requires-improvement'],
    ['38% is Inadequate', of25(2, 13), 38, 'inadequate'],
    ['87.5% rounds to 88: Outstanding', [4, 3], 88, 'outstanding'],
    ['62.5% rounds to 63: Good', [3, 2], 63, 'good'],
    ['37.5% rounds to 38: Inadequate', [2, 1], 38, 'inadequate'],
  ];
  it.each(cases)('%s', (_name, scores, percentage, rating) => {
    const t = template(
      'percentage-bands',
      scores.map((_, i) => statement(`s${i}`)),
    );
    const suggestion = suggestSectionRating(t, t.sections[0]!, answersOf(scores.map((s) => `score-${s}`)));
    expect(suggestion).toEqual({ rating, percentage, counted: scores.length });
  });

  it('ignores statements not assessed, and suggests nothing until one is', () => {
    const t = template('percentage-bands', [statement('s0'), statement('s1')]);
    expect(suggestSectionRating(t, t.sections[0]!, answersOf([null, 'score-3']))).toEqual({
      rating: 'good',
      percentage: 75,
      counted: 1,
    });
    expect(suggestSectionRating(t, t.sections[0]!, {}).rating).toBeNull();
  });

  it('combines key-question ratings into the overall percentage', () => {
    const sections = ['safe', 'effective', 'caring', 'responsive', 'well-led'].map((id) => ({
      id,
      title: id,
      rated: true,
      items: [statement(`${id}-s`)],
    }));
    const t = template('percentage-bands', [], { sections });
    expect(
      suggestOverallRating(t, {
        safe: 'good',
        effective: 'good',
        caring: 'outstanding',
        responsive: 'good',
        'well-led': 'requires-improvement',
      }),
    ).toEqual({ rating: 'good', percentage: 75, counted: 5 });
    expect(suggestOverallRating(t, {}).rating).toBeNull();
  });
});

describe('QMF worst-of RAG', () => {
  const cases: Array<[Array<string | null>, string | null]> = [
    [['met', 'met', 'met'], 'green'],
    [['met', 'partly-met', 'met'], 'amber'],
    [['met', 'partly-met', 'not-met'], 'red'],
    [['not-applicable', 'met', 'not-applicable'], 'green'],
    [['not-applicable', 'not-applicable', null], null],
  ];
  it.each(cases)('%j → %s', (values, expected) => {
    expect(sectionRatingOf('worst', RAG, choice, values)).toBe(expected);
  });
  it('takes the worst area for the overall RAG', () => {
    const t = template('worst', [choice('a')], {
      ratingScale: RAG,
      sections: ['one', 'two', 'three'].map((id) => ({ id, title: id, rated: true, items: [choice(`${id}-a`)] })),
    });
    expect(suggestOverallRating(t, { one: 'green', two: 'amber', three: 'green' }).rating).toBe('amber');
    expect(suggestOverallRating(t, { one: 'green', two: 'green', three: 'green' }).rating).toBe('green');
  });
});

describe('audit and observation averages', () => {
  const grades = [
    { value: 'outstanding', label: 'Outstanding', score: 4 },
    { value: 'green', label: 'Green', score: 3 },
    { value: 'amber', label: 'Amber', score: 2 },
    { value: 'red', label: 'Red', score: 1 },
  ];
  const rated = (id: string): TemplateItem => ({ id, type: 'rating', label: id, required: false, note: 'optional' });
  const cases: Array<[string[], string]> = [
    [['outstanding', 'outstanding'], 'outstanding'],
    [['outstanding', 'green'], 'green'], // 3.5 rounds toward the lower grade
    [['green', 'green', 'amber'], 'amber'], // 2.67
    [['green', 'amber', 'amber', 'outstanding'], 'amber'], // 2.75
    [['red', 'outstanding'], 'amber'], // 2.5
    [['red'], 'red'],
  ];
  it.each(cases)('%j → %s', (values, expected) => {
    expect(sectionRatingOf('average', grades, rated, values)).toBe(expected);
  });
  it('skips items hidden by show-if', () => {
    const t = template(
      'average',
      [
        { id: 'applies', type: 'yes-no', label: 'Applies', required: true, note: 'none' },
        { ...rated('s1'), showIf: { item: 'applies', in: ['yes'] } },
        rated('s2'),
      ],
      { ratingScale: grades },
    );
    const answers = {
      applies: { value: 'no', note: '' },
      s1: { value: 'red', note: '' },
      s2: { value: 'green', note: '' },
    };
    expect(suggestSectionRating(t, t.sections[0]!, answers).rating).toBe('green');
  });
});

describe('overrides need a written reason', () => {
  const t = template('percentage-bands', [statement('s0'), statement('s1')]);
  const answers = answersOf(['score-3', 'score-3']); // 75% → good
  it.each([
    ['agreeing with the suggestion needs no reason', { safe: 'good' }, 'good', {}, []],
    [
      'a different section rating without a reason',
      { safe: 'outstanding' },
      'outstanding',
      {},
      ['ratingOverrides.safe'],
    ],
    [
      'a different section rating with a reason',
      { safe: 'outstanding' },
      'outstanding',
      { safe: { suggested: 'good', reason: 'Exceptional practice seen' } },
      [],
    ],
    [
      'a reason for a suggestion that has since changed',
      { safe: 'outstanding' },
      'outstanding',
      { safe: { suggested: 'inadequate', reason: 'x' } },
      ['ratingOverrides.safe'],
    ],
    [
      'a needless override is refused',
      { safe: 'good' },
      'good',
      { safe: { suggested: 'good', reason: 'x' } },
      ['ratingOverrides.safe'],
    ],
    [
      'the overall differs from the sections without a reason',
      { safe: 'good' },
      'inadequate',
      {},
      ['ratingOverrides.overall'],
    ],
    [
      'the overall differs with a reason',
      { safe: 'good' },
      'inadequate',
      { overall: { suggested: 'good', reason: 'Safeguarding concern' } },
      [],
    ],
  ] as const)('%s', (_name, sectionRatings, overallRating, ratingOverrides, paths) => {
    const issues = ratingIssues(t, { answers, sectionRatings, overallRating, ratingOverrides });
    expect(issues.map((i) => i.path)).toEqual(paths);
  });
});
