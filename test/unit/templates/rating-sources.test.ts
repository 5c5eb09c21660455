// Every built-in template offered for new records states its rating rule and traces it: the
// section and overall rules, each critical part, threshold and limiter, and each rated section
// cite a source (a seed paragraph or a published framework), and nothing shown to officers names a
// seed. The re-rated versions (QMF v3, case file audit v2, observations v2, CQC SAF v2) hold what
// their sources say, and the versions before them stay as published.
import { describe, expect, it } from 'vitest';
import type { Template, TemplateItem } from '../../../src/shared/templates/schema';
import {
  builtInTemplates,
  caseFileAuditV1,
  caseFileAuditV2,
  cqcSafProviderV1,
  cqcSafProviderV2,
  observationCaseConferenceV1,
  observationCaseConferenceV2,
  observationHomeVisitV1,
  observationHomeVisitV2,
  qmfCareHomeV1,
  qmfCareHomeV2,
  qmfCareHomeV3,
} from '../../../src/shared/templates/index';

/** The newest version of each built-in template: what a new record starts on. */
const latest = [...new Set(builtInTemplates.map((t) => t.id))].map(
  (id) => builtInTemplates.filter((t) => t.id === id).sort((a, b) => b.version - a.version)[0]!,
);

const cited = latest;

const allItems = (t: Template): TemplateItem[] =>
  t.sections.flatMap((s) => s.items.flatMap((i) => [i, ...((i.items ?? []) as TemplateItem[])]));

/** Every piece of text the app shows an officer. */
function shownText(t: Template): string[] {
  const options = [
    ...t.responseOptions,
    ...t.ratingScale,
    ...(t.evidenceCategories ?? []),
    ...allItems(t).flatMap((i) => i.options ?? []),
  ];
  return [
    t.title,
    t.description,
    t.overall?.label ?? '',
    t.overall?.guidance ?? '',
    ...t.sections.flatMap((s) => [s.title, s.summary ?? '']),
    ...allItems(t).flatMap((i) => [i.label, i.guidance ?? '', i.rowLabel ?? '']),
    ...options.flatMap((o) => [o.label, o.hint ?? '']),
  ];
}

it('offers the re-rated versions for new records', () => {
  const newest = Object.fromEntries(latest.map((t) => [t.id, t.version]));
  expect(newest).toMatchObject({
    'qmf-care-home': 3,
    'case-file-audit': 2,
    'observation-home-visit': 2,
    'observation-case-conference': 2,
    'cqc-saf-provider': 2,
  });
});

it('every template offered states a scoring rule', () => {
  for (const t of latest) expect(t.scoring?.method ?? 'none', t.id).not.toBe('none');
});

describe.each(cited.map((t) => [`${t.id} v${t.version}`, t] as const))('%s', (_name, t) => {
  it('picks named rules, and each rule cites its source', () => {
    const scoring = t.scoring!;
    expect(scoring.method).toBe('rules');
    const rules = [scoring.section!, ...(t.overall ? [scoring.overall!] : [])];
    for (const rule of rules) {
      expect(rule.source.trim().length, rule.rule).toBeGreaterThan(10);
      if (rule.note !== undefined) expect(rule.note.trim().length).toBeGreaterThan(10);
      const critical = 'critical' in rule ? (rule.critical ?? []) : [];
      const thresholds = 'thresholds' in rule ? (rule.thresholds ?? []) : [];
      for (const part of [...critical, ...thresholds]) {
        expect(part.source.trim().length, JSON.stringify(part)).toBeGreaterThan(5);
        expect(part.reason.trim().length, JSON.stringify(part)).toBeGreaterThan(10);
      }
    }
    for (const limiter of scoring.limiters ?? []) {
      expect(limiter.source.trim().length).toBeGreaterThan(10);
      expect(limiter.reason.trim().length).toBeGreaterThan(10);
    }
  });

  it('cites a source for each rated section', () => {
    for (const section of t.sections.filter((s) => s.rated))
      expect(section.source?.trim().length ?? 0, section.id).toBeGreaterThan(5);
  });

  it('shows officers no seed or section references', () => {
    for (const text of shownText(t)) expect(text, text).not.toMatch(/\bseeds?\b|§/i);
  });
});

describe('CQC SAF v2', () => {
  const t = cqcSafProviderV2;
  const KEY_QUESTIONS = ['safe', 'effective', 'caring', 'responsive', 'well-led'];
  const statements = (tt: Template, id: string) =>
    tt.sections.find((s) => s.id === id)!.items.filter((i) => i.type !== 'group');

  it('has the same 34 quality statements as version 1, 8/6/5/7/8, each with its "we" statement as guidance', () => {
    expect(KEY_QUESTIONS.map((id) => statements(t, id).length)).toEqual([8, 6, 5, 7, 8]);
    for (const id of KEY_QUESTIONS) {
      expect(statements(t, id).map((i) => [i.id, i.label])).toEqual(
        statements(cqcSafProviderV1, id).map((i) => [i.id, i.label]),
      );
      for (const s of statements(t, id)) {
        expect(s.guidance, s.label).toMatch(/^What CQC expects: “We .+\.” Score the statement/);
        expect(s.options!.map((o) => o.score)).toEqual([4, 3, 2, 1]);
      }
    }
    const guidance = (label: string) =>
      KEY_QUESTIONS.flatMap((id) => statements(t, id)).find((s) => s.label === label)!.guidance;
    expect(guidance('Infection prevention and control')).toContain(
      'We assess and manage the risk of infection. We detect and control the risk of it spreading and share any concerns with appropriate agencies promptly.',
    );
    expect(guidance('Safeguarding')).toContain(
      'free from bullying, harassment, abuse, discrimination, avoidable harm and neglect',
    );
  });

  it('rates key questions by percentage bands from 0%, the overall by the rating principles, limited by a breach', () => {
    expect(t.scoring!.section).toMatchObject({
      rule: 'percentage-bands',
      bands: [
        { from: 88, rating: 'outstanding' },
        { from: 63, rating: 'good' },
        { from: 39, rating: 'requires-improvement' },
        { from: 0, rating: 'inadequate' },
      ],
    });
    expect(t.scoring!.section!.source).toMatch(/How we reach a rating/);
    expect(t.scoring!.section!.note).toMatch(/62\.5%.*lower band/);
    expect(t.scoring!.overall).toMatchObject({ rule: 'cqc-rating-principles' });
    expect(t.scoring!.overall!.source).toMatch(/rating principles: adult social care/);
    expect(t.scoring!.limiters).toEqual([
      expect.objectContaining({ item: 'breach-of-regulation', in: ['yes'], atBest: 'requires-improvement' }),
    ]);
    const regulation = t.sections.at(-1)!;
    expect(regulation).toMatchObject({ id: 'regulation', rated: false });
    expect(regulation.items.map((i) => [i.id, i.required])).toEqual([
      ['breach-of-regulation', true],
      ['breach-details', true],
    ]);
    expect(regulation.items[1]!.showIf).toEqual({ item: 'breach-of-regulation', in: ['yes'] });
  });
});

describe('case file audit v2', () => {
  const t = caseFileAuditV2;
  it('keeps seed 001’s five standards with 11, 14, 8, 6 and 13 statements and the Appendix 3 grades', () => {
    const standards = t.sections.filter((s) => s.rated);
    expect(standards.map((s) => s.items.length)).toEqual([11, 14, 8, 6, 13]);
    expect(t.sections.map((s) => s.items.map((i) => [i.id, i.label, i.type]))).toEqual(
      caseFileAuditV1.sections.map((s) => s.items.map((i) => [i.id, i.label, i.type])),
    );
    expect(t.ratingScale).toEqual(caseFileAuditV1.ratingScale);
    expect(standards.map((s) => s.source)).toEqual(
      [1, 2, 3, 4, 5].map((n) => expect.stringContaining(`Standard ${n}`)),
    );
  });

  it('limits each standard by "people are safe from abuse" and the overall by Standard 1, one grade above the worst', () => {
    expect(t.scoring!.section).toMatchObject({
      rule: 'limiting-judgement',
      maxBandsAboveWorst: 1,
      critical: [{ id: 'safe-01' }],
    });
    expect(t.scoring!.overall).toMatchObject({
      rule: 'limiting-judgement',
      maxBandsAboveWorst: 1,
      critical: [{ id: 'safe' }],
    });
    expect(t.scoring!.overall!.note).toMatch(/no rule for combining/);
  });
});

describe('observation of practice v2', () => {
  it.each([
    [observationHomeVisitV2, observationHomeVisitV1],
    [observationCaseConferenceV2, observationCaseConferenceV1],
  ])('$id keeps the seven domains and sections of version 1, limited one step above the weakest domain', (t, v1) => {
    expect(t.version).toBe(2);
    expect(t.sections.map((s) => s.items.map((i) => [i.id, i.label, i.type, i.required]))).toEqual(
      v1.sections.map((s) => s.items.map((i) => [i.id, i.label, i.type, i.required])),
    );
    expect(t.sections.find((s) => s.rated)!.items).toHaveLength(7);
    expect(t.scoring!.section).toMatchObject({ rule: 'limiting-judgement', maxBandsAboveWorst: 1 });
    expect(t.scoring!.section!.source).toMatch(/seed 003 §10/);
  });
});

describe('care home QMF v3', () => {
  const t = qmfCareHomeV3;
  const ids = (tt: Template) => tt.sections.flatMap((s) => s.items.map((i) => i.id));

  it('keeps version 2’s nine areas, checks and scores in order, for care and nursing homes', () => {
    expect(t.sections.map((s) => s.title)).toEqual(qmfCareHomeV2.sections.map((s) => s.title));
    expect(ids(t)).toEqual(ids(qmfCareHomeV2));
    expect(t.responseOptions).toEqual(qmfCareHomeV2.responseOptions);
    expect(t.ratingScale).toEqual(qmfCareHomeV2.ratingScale);
    expect(t.sections.filter((s) => s.rated)).toHaveLength(9);
    expect(allItems(t).filter((i) => i.type === 'choice' && !i.options && !i.showIf)).toHaveLength(70);
    expect(t.serviceTypes).toEqual(['care-home', 'nursing-home']);
    for (const s of t.sections) expect(s.source, s.id).toMatch(/seed 004 §15/);
  });

  it('marks critical checks in staffing, resident care, safeguarding and medicines, and rates areas by counted thresholds', () => {
    const rule = t.scoring!.section!;
    expect(rule.rule).toBe('threshold-counts');
    if (rule.rule !== 'threshold-counts') return;
    const where = (id: string) => t.sections.find((s) => s.items.some((i) => i.id === id))!.id;
    expect(new Set((rule.critical ?? []).map((c) => where(c.id)))).toEqual(
      new Set(['staffing', 'resident-care', 'safeguarding', 'medicines']),
    );
    expect(rule.thresholds.map((th) => [th.answers, th.criticalOnly ?? false, th.atLeast, th.atBest])).toEqual([
      [['not-met'], true, 1, 'red'],
      [['not-met'], false, 3, 'red'],
      [['partly-met'], true, 1, 'amber'],
      [['not-met'], false, 1, 'amber'],
      [['partly-met'], false, 2, 'amber'],
    ]);
    expect(t.scoring!.overall).toMatchObject({ rule: 'limiting-judgement', maxBandsAboveWorst: 1 });
  });

  it('asks for the people spoken to by initials or role only', () => {
    const people = allItems(t).find((i) => i.id === 'residents-people-spoken-to')!;
    expect(people.guidance).toMatch(/never a full name/);
    expect(people.items!.find((i) => i.id === 'spoken-who')!.label).toBe('Initials or role');
  });
});

it('leaves the earlier versions as published, on their original methods', () => {
  expect(qmfCareHomeV1.scoring).toBeUndefined();
  expect(qmfCareHomeV2.scoring).toEqual({ method: 'worst' });
  expect(caseFileAuditV1.scoring).toEqual({ method: 'average' });
  expect(observationHomeVisitV1.scoring).toEqual({ method: 'average' });
  expect(observationCaseConferenceV1.scoring).toEqual({ method: 'average' });
  expect(cqcSafProviderV1.scoring?.method).toBe('percentage-bands');
  for (const t of [qmfCareHomeV1, qmfCareHomeV2, caseFileAuditV1, observationHomeVisitV1, cqcSafProviderV1])
    for (const s of t.sections) expect(s.source, `${t.id} v${t.version} ${s.id}`).toBeUndefined();
  expect(
    observationCaseConferenceV1.sections.flatMap((s) => s.items).find((i) => i.id === 'family-feedback')!.guidance,
  ).toMatch(/^Seed 003 §10\.1/);
});
