// The named aggregation rules (src/shared/records/rating-rules.ts), table-driven, on the built-in
// templates that use them: CQC's rating principles and the breach limiter (CQC SAF v2), CQC's
// percentage bands with a non-whole percentage at a band edge, the limiting judgement that lets no
// single Red or Inadequate part be averaged away (case file audit v2, observations v2), and the
// QMF v3 threshold counts and limiting judgement. The first template versions keep their methods.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/shared/records/schema';
import { ratingIssues, suggestOverallRating, suggestSectionRating } from '../../../src/shared/records/scoring';
import {
  applyLimiters,
  bandFor,
  cqcRatingPrinciples,
  limitingJudgement,
  type Part,
  percentageBands,
  thresholdCounts,
  worstOf,
} from '../../../src/shared/records/rating-rules';
import type { AggregationRule, Template } from '../../../src/shared/templates/schema';
import {
  caseFileAuditV1,
  caseFileAuditV2,
  cqcSafProviderV1,
  cqcSafProviderV2,
  observationCaseConferenceV2,
  observationHomeVisitV1,
  observationHomeVisitV2,
  qmfCareHomeV2,
  qmfCareHomeV3,
} from '../../../src/shared/templates/index';

const answers = (pairs: Array<[string, string]>): Record<string, Answer> =>
  Object.fromEntries(pairs.map(([id, value]) => [id, { value, note: '' }]));
const section = (t: Template, id: string) => t.sections.find((s) => s.id === id)!;
const scoredItems = (t: Template, id: string) => section(t, id).items.filter((i) => i.type !== 'group');

const O = 'outstanding';
const G = 'good';
const RI = 'requires-improvement';
const I = 'inadequate';
const KEY_QUESTIONS = ['safe', 'effective', 'caring', 'responsive', 'well-led'];
const keyQuestions = (ratings: string[]) => Object.fromEntries(ratings.map((r, n) => [KEY_QUESTIONS[n]!, r]));

describe("CQC rating principles (CQC SAF v2's overall)", () => {
  const t = cqcSafProviderV2;
  const cases: Array<[string, string[], string]> = [
    ['Outstanding×2 + Good×3 → Outstanding (principle 3)', [O, O, G, G, G], O],
    ['Good×3 + RI×2 → RI (principle 5)', [G, G, G, RI, RI], RI],
    ['Good×3 + Inadequate×2 → Inadequate (principle 6)', [G, G, G, I, I], I],
    ['all Good → Good (principle 4)', [G, G, G, G, G], G],
    ['one RI → Good (principle 4)', [G, G, RI, G, G], G],
    ['one Inadequate → RI (principles 3, 4 and 6)', [G, I, G, G, G], RI],
    ['Outstanding×2 + Good×2 + RI×1 → Good (principle 3 needs the rest Good)', [O, O, G, G, RI], G],
    ['Outstanding×1 + Good×4 → Good', [O, G, G, G, G], G],
    ['all Outstanding → Outstanding', [O, O, O, O, O], O],
    ['Outstanding×3 + Inadequate → RI', [O, O, O, I, G], RI],
    ['Inadequate + RI×2 → RI (principle 5; principle 6 needs two Inadequate)', [I, RI, RI, G, G], RI],
    ['Inadequate×2 + RI×2 → Inadequate', [I, I, RI, RI, G], I],
    ['all RI → RI', [RI, RI, RI, RI, RI], RI],
    ['all Inadequate → Inadequate', [I, I, I, I, I], I],
    ['Outstanding×2 rated, three not yet rated → Good (Outstanding needs all five)', [O, O], G],
  ];
  it.each(cases)('%s', (_name, ratings, expected) => {
    expect(suggestOverallRating(t, keyQuestions(ratings))).toEqual({
      rating: expected,
      percentage: null,
      counted: ratings.length,
    });
  });

  it('suggests nothing until a key question is rated', () => {
    expect(suggestOverallRating(t, {}).rating).toBeNull();
  });

  const breach = (value: 'yes' | 'no') => answers([['breach-of-regulation', value]]);
  const limited: Array<[string, string[], 'yes' | 'no', string]> = [
    ['a breach limits Outstanding to RI (principle 1)', [O, O, G, G, G], 'yes', RI],
    ['a breach limits Good to RI', [G, G, G, G, G], 'yes', RI],
    ['a breach leaves RI as it is', [G, G, G, RI, RI], 'yes', RI],
    ['a breach never raises: Inadequate stays Inadequate', [G, G, G, I, I], 'yes', I],
    ['no breach: the principles alone', [O, O, G, G, G], 'no', O],
  ];
  it.each(limited)('%s', (_name, ratings, found, expected) => {
    expect(suggestOverallRating(t, keyQuestions(ratings), breach(found)).rating).toBe(expected);
  });

  it('applies the limiter when the server checks a record: a Good overall with a breach needs a reason', () => {
    const sectionRatings = keyQuestions([G, G, G, G, G]);
    const body = { answers: breach('yes'), sectionRatings, overallRating: G };
    expect(ratingIssues(t, body).map((i) => i.path)).toEqual(['ratingOverrides.overall']);
    expect(ratingIssues(t, { ...body, overallRating: RI })).toEqual([]);
    expect(
      ratingIssues(t, {
        ...body,
        ratingOverrides: { overall: { suggested: RI, reason: 'The breach was put right during the visit.' } },
      }),
    ).toEqual([]);
  });

  it('keeps version 1 as published: its overall is still a percentage (records started on it keep it)', () => {
    expect(suggestOverallRating(cqcSafProviderV1, keyQuestions([O, O, G, G, G]))).toEqual({
      rating: G,
      percentage: 85,
      counted: 5,
    });
  });
});

describe("CQC percentage bands (CQC SAF v2's key questions)", () => {
  const t = cqcSafProviderV2;
  const safe = scoredItems(t, 'safe');
  const SCORE: Record<number, string> = {
    4: 'exceptional',
    3: 'good',
    2: 'some-shortfalls',
    1: 'significant-shortfalls',
  };
  const cases: Array<[string, number[], number, string]> = [
    ['seven 3s and one 2: 23/32 = 71.8%, Good', [3, 3, 3, 3, 3, 3, 3, 2], 71.8, G],
    ['four 3s and four 2s: 20/32 = 62.5%, between bands, the lower: RI', [3, 3, 3, 3, 2, 2, 2, 2], 62.5, RI],
    ['four 4s and four 3s: 28/32 = 87.5%, between bands, the lower: Good', [4, 4, 4, 4, 3, 3, 3, 3], 87.5, G],
    ['four 2s and four 1s: 12/32 = 37.5%, Inadequate', [2, 2, 2, 2, 1, 1, 1, 1], 37.5, I],
    ['all 4s: 100%, Outstanding', [4, 4, 4, 4, 4, 4, 4, 4], 100, O],
    ['all 1s: 25%, Inadequate', [1, 1, 1, 1, 1, 1, 1, 1], 25, I],
    ['one statement scored 3: 75%, Good', [3], 75, G],
  ];
  it.each(cases)('%s', (_name, scores, percentage, rating) => {
    const given = scores.map((s, n): [string, string] => [safe[n]!.id, SCORE[s]!]);
    expect(suggestSectionRating(t, section(t, 'safe'), answers(given))).toEqual({
      rating,
      percentage,
      counted: scores.length,
    });
  });

  const bands = (t.scoring!.section as Extract<AggregationRule, { rule: 'percentage-bands' }>).bands;
  const edges: Array<[number, string]> = [
    [100, O],
    [88, O],
    [87.9, G],
    [63, G],
    [62.99, RI],
    [62.5, RI],
    [39, RI],
    [38.5, I],
    [25, I],
  ];
  it.each(edges)('%s per cent is %s (an exact percentage must reach the band’s start)', (percentage, rating) => {
    expect(bandFor(bands, percentage)).toBe(rating);
  });

  it('computes the exact percentage of the maximum, reported rounded down to one decimal place', () => {
    const parts: Part[] = [3, 3, 2].map((score, n) => ({ id: `s${n}`, value: `${score}`, score, max: 4 }));
    expect(percentageBands(parts, bands)).toEqual({ rating: G, percentage: 66.6, counted: 3 });
    expect(percentageBands([], bands).rating).toBeNull();
  });

  it('keeps version 1 as published: a whole percentage, rounded (62.5% → 63%, Good)', () => {
    const v1safe = scoredItems(cqcSafProviderV1, 'safe');
    const given = [3, 3, 3, 3, 2, 2, 2, 2].map((s, n): [string, string] => [v1safe[n]!.id, SCORE[s]!]);
    expect(suggestSectionRating(cqcSafProviderV1, section(cqcSafProviderV1, 'safe'), answers(given))).toEqual({
      rating: G,
      percentage: 63,
      counted: 8,
    });
  });
});

describe('case file audit v2: a Red standard or statement cannot be averaged away', () => {
  const t = caseFileAuditV2;
  const STANDARDS = ['safe', 'experience', 'workforce', 'equality', 'resources'];
  const grades = (list: string[]) => Object.fromEntries(list.map((g, n) => [STANDARDS[n]!, g]));
  const overall: Array<[string, string[], string]> = [
    [
      'Red on Standard 1 with four Greens → Red (Standard 1 limits)',
      ['red', 'green', 'green', 'green', 'green'],
      'red',
    ],
    [
      'Amber on Standard 1 with four Outstanding → Amber',
      ['amber', 'outstanding', 'outstanding', 'outstanding', 'outstanding'],
      'amber',
    ],
    ['Red on Standard 4 with four Greens → Amber', ['green', 'green', 'green', 'red', 'green'], 'amber'],
    [
      'Red on Standard 4 with four Outstanding → Amber (one grade above the worst)',
      ['outstanding', 'outstanding', 'outstanding', 'red', 'outstanding'],
      'amber',
    ],
    ['Red on two standards → Red', ['green', 'red', 'green', 'red', 'green'], 'red'],
    ['all Green → Green', ['green', 'green', 'green', 'green', 'green'], 'green'],
    [
      'four Outstanding and one Green → Green (average rounded down)',
      ['outstanding', 'outstanding', 'green', 'outstanding', 'outstanding'],
      'green',
    ],
    [
      'all Outstanding → Outstanding',
      ['outstanding', 'outstanding', 'outstanding', 'outstanding', 'outstanding'],
      'outstanding',
    ],
  ];
  it.each(overall)('%s', (_name, list, expected) => {
    expect(suggestOverallRating(t, grades(list)).rating).toBe(expected);
  });

  it('was Amber on version 1 (the average), which stays as published', () => {
    expect(suggestOverallRating(caseFileAuditV1, grades(['red', 'green', 'green', 'green', 'green'])).rating).toBe(
      'amber',
    );
  });

  const statements = scoredItems(t, 'safe');
  const standard: Array<[string, Array<[number, string]>, string]> = [
    ['Red on "people are safe from abuse" with ten Outstanding → Red (critical statement)', [[0, 'red']], 'red'],
    ['Red on another statement with ten Outstanding → Amber (one grade above the worst)', [[4, 'red']], 'amber'],
    [
      'Red on two statements with nine Outstanding → Red (two or more)',
      [
        [3, 'red'],
        [4, 'red'],
      ],
      'red',
    ],
    ['Amber on one statement with ten Outstanding → Green', [[4, 'amber']], 'green'],
    ['all Outstanding → Outstanding', [], 'outstanding'],
  ];
  it.each(standard)('Standard 1: %s', (_name, changed, expected) => {
    const given = statements.map((s, n): [string, string] => [
      s.id,
      changed.find(([at]) => at === n)?.[1] ?? 'outstanding',
    ]);
    expect(suggestSectionRating(t, section(t, 'safe'), answers(given)).rating).toBe(expected);
  });
});

describe('observation of practice v2: one Inadequate domain caps the judgement', () => {
  const cases: Array<[string, string[], string]> = [
    ['six Outstanding and one Inadequate → Requires improvement', [O, O, O, O, O, O, I], RI],
    ['six Good and one Inadequate → Requires improvement', [G, G, G, G, G, G, I], RI],
    ['seven Good → Good', [G, G, G, G, G, G, G], G],
    ['four Good and three Outstanding → Good (average rounded down)', [G, G, G, G, O, O, O], G],
    ['six Outstanding and one Good → Good', [O, O, O, O, O, O, G], G],
    ['two Inadequate and five Outstanding → Inadequate (two or more)', [I, I, O, O, O, O, O], I],
    ['four Inadequate and three Good → Inadequate', [I, I, I, I, G, G, G], I],
  ];
  it.each(cases)('%s', (_name, ratings, expected) => {
    for (const t of [observationHomeVisitV2, observationCaseConferenceV2]) {
      const practice = section(t, 'practice');
      const given = practice.items.map((d, n): [string, string] => [d.id, ratings[n]!]);
      const rating = suggestSectionRating(t, practice, answers(given)).rating;
      expect(rating, t.id).toBe(expected);
      expect(suggestOverallRating(t, { practice: rating! }).rating, t.id).toBe(expected);
    }
  });

  it('was Good on version 1 (the average), which stays as published', () => {
    const practice = section(observationHomeVisitV1, 'practice');
    const given = practice.items.map((d, n): [string, string] => [d.id, n === 6 ? I : O]);
    expect(suggestSectionRating(observationHomeVisitV1, practice, answers(given)).rating).toBe(G);
  });
});

describe('QMF v3: area RAG by threshold counts, overall by limiting judgement', () => {
  const t = qmfCareHomeV3;
  const metAll = (id: string) => scoredItems(t, id).filter((i) => i.type === 'choice' && !i.showIf);
  /** The area's checks all met, but for the given (index, answer) pairs. */
  const area = (id: string, changed: Array<[number, string]>) =>
    suggestSectionRating(
      t,
      section(t, id),
      answers(metAll(id).map((i, n): [string, string] => [i.id, changed.find(([at]) => at === n)?.[1] ?? 'met'])),
    ).rating;

  // Staffing: checks 0 (rota), 1 (dependency) and 4 (DBS) are critical; supervision has none.
  const cases: Array<[string, string, Array<[number, string]>, string | null]> = [
    ['every check met → Green', 'supervision', [], 'green'],
    ['one check not met → Amber (an action is needed)', 'supervision', [[2, 'not-met']], 'amber'],
    [
      'two checks not met → Amber',
      'supervision',
      [
        [2, 'not-met'],
        [3, 'not-met'],
      ],
      'amber',
    ],
    [
      'three checks not met → Red (failure across the area)',
      'supervision',
      [
        [1, 'not-met'],
        [2, 'not-met'],
        [3, 'not-met'],
      ],
      'red',
    ],
    ['one check partly met → Green (with its action)', 'supervision', [[2, 'partly-met']], 'green'],
    [
      'two checks partly met → Amber (a pattern of gaps)',
      'supervision',
      [
        [2, 'partly-met'],
        [5, 'partly-met'],
      ],
      'amber',
    ],
    ['critical rota not met → Red', 'staffing', [[0, 'not-met']], 'red'],
    ['critical DBS check not met → Red', 'staffing', [[4, 'not-met']], 'red'],
    ['critical rota partly met → Amber', 'staffing', [[0, 'partly-met']], 'amber'],
    ['non-critical agency check not met → Amber', 'staffing', [[2, 'not-met']], 'amber'],
    ['not applicable does not count', 'staffing', [[2, 'not-applicable']], 'green'],
    ['critical safeguarding referrals not met → Red', 'safeguarding', [[1, 'not-met']], 'red'],
    ['critical controlled drugs not met → Red', 'medicines', [[1, 'not-met']], 'red'],
  ];
  it.each(cases)('%s (%s)', (_name, id, changed, expected) => {
    expect(area(id, changed)).toBe(expected);
  });

  it('suggests nothing for an area with every check not applicable', () => {
    const id = 'supervision';
    const given = metAll(id).map((i): [string, string] => [i.id, 'not-applicable']);
    expect(suggestSectionRating(t, section(t, id), answers(given)).rating).toBeNull();
  });

  const AREAS = t.sections.filter((s) => s.rated).map((s) => s.id);
  const areas = (changed: Record<string, string>) =>
    Object.fromEntries(AREAS.map((id) => [id, changed[id] ?? 'green']));
  const overall: Array<[string, Record<string, string>, string]> = [
    ['every area Green → Green', {}, 'green'],
    ['one area Amber → Amber (Green needs every area Green)', { training: 'amber' }, 'amber'],
    ['one non-critical area Red → Amber (no longer the whole home Red)', { 'staff-feedback': 'red' }, 'amber'],
    ['a critical area Red → Red (safeguarding)', { safeguarding: 'red' }, 'red'],
    ['a critical area Red → Red (medicines)', { medicines: 'red' }, 'red'],
    ['a critical area Red → Red (staffing)', { staffing: 'red' }, 'red'],
    ['a critical area Red → Red (resident care)', { 'resident-care': 'red' }, 'red'],
    ['a critical area Amber → Amber', { medicines: 'amber' }, 'amber'],
    ['two non-critical areas Red → Red (two or more)', { supervision: 'red', training: 'red' }, 'red'],
    [
      'every non-critical area Red → Red (the average)',
      { supervision: 'red', training: 'red', management: 'red', 'staff-feedback': 'red', 'resident-feedback': 'red' },
      'red',
    ],
  ];
  it.each(overall)('overall: %s', (_name, changed, expected) => {
    expect(suggestOverallRating(t, areas(changed)).rating).toBe(expected);
  });

  it('one "not met" among all the checks no longer makes the home Red (it did on version 2)', () => {
    const all = t.sections.flatMap((s) => s.items).filter((i) => i.type === 'choice' && !i.showIf);
    expect(all.length).toBeGreaterThanOrEqual(70);
    const given = answers(
      all.map((i): [string, string] => [i.id, i.id === 'training-care-certificate' ? 'not-met' : 'met']),
    );
    const ratings = (tt: Template) =>
      Object.fromEntries(
        tt.sections.filter((s) => s.rated).map((s) => [s.id, suggestSectionRating(tt, s, given).rating!]),
      );
    expect(ratings(t).training).toBe('amber');
    expect(suggestOverallRating(t, ratings(t)).rating).toBe('amber');
    expect(ratings(qmfCareHomeV2).training).toBe('red');
    expect(suggestOverallRating(qmfCareHomeV2, ratings(qmfCareHomeV2)).rating).toBe('red');
  });
});

describe('the rules as pure functions', () => {
  const scale: Template = {
    ...qmfCareHomeV3,
    ratingScale: [
      { value: 'green', label: 'Green', score: 3 },
      { value: 'amber', label: 'Amber', score: 2 },
      { value: 'red', label: 'Red', score: 1 },
    ],
  };
  const parts = (values: Array<[string, string, number]>): Part[] =>
    values.map(([id, value, score]) => ({ id, value, score, max: 3 }));

  it('worst-of takes the lowest part, and nothing from no parts', () => {
    expect(
      worstOf(
        scale,
        parts([
          ['a', 'x', 3],
          ['b', 'y', 2],
          ['c', 'z', 3],
        ]),
      ).rating,
    ).toBe('amber');
    expect(worstOf(scale, []).rating).toBeNull();
  });

  const limiting = (extra: Partial<Extract<AggregationRule, { rule: 'limiting-judgement' }>>) => ({
    rule: 'limiting-judgement' as const,
    source: 'test',
    ...extra,
  });
  it.each<
    [string, Partial<Extract<AggregationRule, { rule: 'limiting-judgement' }>>, Array<[string, string, number]>, string]
  >([
    [
      'no caps: the average rounded down',
      {},
      [
        ['a', '', 3],
        ['b', '', 3],
        ['c', '', 1],
      ],
      'amber',
    ],
    [
      'no caps: 2.67 rounds down to Amber',
      {},
      [
        ['a', '', 3],
        ['b', '', 3],
        ['c', '', 2],
      ],
      'amber',
    ],
    [
      'no more than 0 bands above the worst is worst-of',
      { maxBandsAboveWorst: 0 },
      [
        ['a', '', 3],
        ['b', '', 2],
      ],
      'amber',
    ],
    [
      'a critical part caps at its own rating',
      { critical: [{ id: 'c', reason: 'r', source: 's' }] },
      [
        ['a', '', 3],
        ['b', '', 3],
        ['c', '', 1],
        ['d', '', 3],
        ['e', '', 3],
        ['f', '', 3],
      ],
      'red',
    ],
    [
      'a critical part not answered caps nothing',
      { critical: [{ id: 'z', reason: 'r', source: 's' }] },
      [['a', '', 3]],
      'green',
    ],
  ])('limiting judgement: %s', (_name, extra, values, expected) => {
    expect(limitingJudgement(scale, parts(values), limiting(extra)).rating).toBe(expected);
  });

  it('threshold counts: the top rating unless a threshold is reached, the worst reached wins', () => {
    const rule: Extract<AggregationRule, { rule: 'threshold-counts' }> = {
      rule: 'threshold-counts',
      source: 'test',
      critical: [{ id: 'k', reason: 'r', source: 's' }],
      thresholds: [
        { answers: ['no'], criticalOnly: true, atLeast: 1, atBest: 'red', reason: 'r', source: 's' },
        { answers: ['no'], atLeast: 2, atBest: 'red', reason: 'r', source: 's' },
        { answers: ['no', 'partly'], atLeast: 1, atBest: 'amber', reason: 'r', source: 's' },
      ],
    };
    const run = (values: Array<[string, string, number]>) => thresholdCounts(scale, parts(values), rule).rating;
    expect(
      run([
        ['a', 'yes', 3],
        ['k', 'yes', 3],
      ]),
    ).toBe('green');
    expect(
      run([
        ['a', 'partly', 2],
        ['k', 'yes', 3],
      ]),
    ).toBe('amber');
    expect(
      run([
        ['a', 'no', 1],
        ['k', 'yes', 3],
      ]),
    ).toBe('amber');
    expect(
      run([
        ['a', 'yes', 3],
        ['k', 'no', 1],
      ]),
    ).toBe('red');
    expect(
      run([
        ['a', 'no', 1],
        ['b', 'no', 1],
      ]),
    ).toBe('red');
    expect(run([])).toBeNull();
  });

  it("CQC's principles as a pure rule, and limiters that only ever lower", () => {
    const rule = cqcSafProviderV2.scoring!.overall as Extract<AggregationRule, { rule: 'cqc-rating-principles' }>;
    const ratings = (list: string[]): Part[] => list.map((value, n) => ({ id: `k${n}`, value, score: 0, max: 4 }));
    expect(cqcRatingPrinciples(ratings([O, O, G, G, G]), rule, 5).rating).toBe(O);
    expect(cqcRatingPrinciples(ratings([O, O, G, G]), rule, 5).rating).toBe(G);
    const limiter = cqcSafProviderV2.scoring!.limiters!;
    const result = { rating: O, percentage: null, counted: 5 };
    expect(applyLimiters(cqcSafProviderV2, result, limiter, () => 'yes').rating).toBe(RI);
    expect(applyLimiters(cqcSafProviderV2, result, limiter, () => null).rating).toBe(O);
    expect(applyLimiters(cqcSafProviderV2, { ...result, rating: I }, limiter, () => 'yes').rating).toBe(I);
  });
});
