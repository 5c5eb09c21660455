// Template validation of the named rules' parameters: a template that zod accepts can still name a
// critical part that does not exist, bands that leave percentages without a band, or a limiter on
// an item with no such answer. Each is refused with a message saying which.
import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../src/shared/templates/template-rules';
import type { AggregationRule, Scoring, Template } from '../../../src/shared/templates/schema';
import { builtInTemplates } from '../../../src/shared/templates/index';
import { choice, testTemplate } from './template-fixture';

const base = (scoring: Scoring): Template =>
  testTemplate({
    scoring,
    overall: { label: 'Overall' },
    sections: [
      { id: 'a', title: 'A', rated: true, items: [choice('a1'), choice('a2')] },
      { id: 'b', title: 'B', rated: false, items: [choice('breach', { type: 'yes-no', label: 'Breach?' })] },
    ],
  });

const worst: AggregationRule = { rule: 'worst-of', source: 'test' };
const rules = (section: AggregationRule, overall: AggregationRule = worst, extra: Partial<Scoring> = {}): Scoring => ({
  method: 'rules',
  section,
  overall,
  ...extra,
});
const threshold = (more: Record<string, unknown> = {}) => ({
  answers: ['not-met'],
  atLeast: 1,
  atBest: 'red',
  reason: 'r',
  source: 's',
  ...more,
});

describe('validateTemplate: named rules', () => {
  it('accepts sound rules at both levels, a limiter on a shown item, and every built-in template', () => {
    const sound = base(
      rules(
        {
          rule: 'threshold-counts',
          source: 's',
          critical: [{ id: 'a1', reason: 'r', source: 's' }],
          thresholds: [threshold({ criticalOnly: true })],
        },
        {
          rule: 'limiting-judgement',
          source: 's',
          maxBandsAboveWorst: 1,
          critical: [{ id: 'a', reason: 'r', source: 's' }],
          thresholds: [threshold({ answers: ['red'], atLeast: 2 })],
        },
        { limiters: [{ item: 'breach', in: ['yes'], atBest: 'amber', reason: 'r', source: 's' }] },
      ),
    );
    expect(validateTemplate(sound)).toEqual([]);
    for (const t of builtInTemplates) expect(validateTemplate(t), `${t.id} v${t.version}`).toEqual([]);
  });

  it.each<[string, Scoring, RegExp]>([
    [
      'a critical item that is not in a rated section',
      rules({ rule: 'limiting-judgement', source: 's', critical: [{ id: 'breach', reason: 'r', source: 's' }] }),
      /critical part "breach" is not a scored item in a rated section/,
    ],
    [
      'a critical section that does not exist',
      rules(worst, {
        rule: 'limiting-judgement',
        source: 's',
        critical: [{ id: 'nowhere', reason: 'r', source: 's' }],
      }),
      /critical part "nowhere" is not a rated section/,
    ],
    [
      'bands that do not start at 0%',
      rules({ rule: 'percentage-bands', source: 's', bands: [{ from: 50, rating: 'green' }] }),
      /lowest band must start at 0%/,
    ],
    [
      'two bands from the same percentage',
      rules({
        rule: 'percentage-bands',
        source: 's',
        bands: [
          { from: 0, rating: 'red' },
          { from: 0, rating: 'green' },
        ],
      }),
      /Two bands start at the same percentage/,
    ],
    [
      'a band giving a rating off the scale',
      rules({ rule: 'percentage-bands', source: 's', bands: [{ from: 0, rating: 'purple' }] }),
      /band from 0% gives "purple", which is not on the rating scale/,
    ],
    [
      'a threshold counting an answer no item offers',
      rules({ rule: 'threshold-counts', source: 's', thresholds: [threshold({ answers: ['partly-met'] })] }),
      /counts "partly-met", which no scored item offers/,
    ],
    [
      'a threshold of critical items when the rule names none',
      rules({ rule: 'threshold-counts', source: 's', thresholds: [threshold({ criticalOnly: true })] }),
      /counts critical parts only, but the rule names none/,
    ],
    [
      'an overall threshold counting a rating off the scale',
      rules(worst, { rule: 'threshold-counts', source: 's', thresholds: [threshold({ answers: ['not-met'] })] }),
      /counts "not-met", which is not on the rating scale/,
    ],
    [
      'more bands above the worst than the scale has',
      rules({ rule: 'limiting-judgement', source: 's', maxBandsAboveWorst: 3 }),
      /3 bands above the worst part is more than the scale has/,
    ],
    [
      "CQC's principles at section level",
      rules({
        rule: 'cqc-rating-principles',
        source: 's',
        ratings: { outstanding: 'green', good: 'amber', requiresImprovement: 'red', inadequate: 'red' },
      }),
      /not a section/,
    ],
    [
      "CQC's principles without four distinct, descending ratings",
      rules(worst, {
        rule: 'cqc-rating-principles',
        source: 's',
        ratings: { outstanding: 'green', good: 'amber', requiresImprovement: 'red', inadequate: 'red' },
      }),
      /four ratings must be different ratings/,
    ],
    [
      'a limiter on an item that does not exist',
      rules(worst, worst, { limiters: [{ item: 'nope', in: ['yes'], atBest: 'amber', reason: 'r', source: 's' }] }),
      /limiter names "nope", which is not an item with options/,
    ],
    [
      'a limiter on a value the item cannot take',
      rules(worst, worst, { limiters: [{ item: 'breach', in: ['maybe'], atBest: 'amber', reason: 'r', source: 's' }] }),
      /limiter's value "maybe" is not an option of "breach"/,
    ],
    ['the rules without a section rule', { method: 'rules', overall: worst }, /The rules need a section rule/],
    ['the rules without an overall rule', { method: 'rules', section: worst }, /The rules need an overall rule/],
    ['named rules on a legacy method', { method: 'worst', section: worst }, /need the method "rules", not "worst"/],
  ])('refuses %s', (_name, scoring, message) => {
    const messages = validateTemplate(base(scoring)).map((i) => i.message);
    expect(
      messages.some((m) => message.test(m)),
      messages.join('; '),
    ).toBe(true);
  });
});
