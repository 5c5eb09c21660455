// The home care and supported living quality monitoring templates: each area cites its source (a
// seed paragraph or national guidance, never shown to officers), the templates pass the shared
// template rules, a complete visit passes the submission rules with the suggested RAG, and each
// is offered only for its kind of service, by the one shared rule the start-a-visit and assign-a-visit
// pages use. The demo seed records home care and supported living visits on them.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/shared/records/schema';
import { submissionIssues } from '../../../src/shared/records/record-rules';
import { suggestOverallRating, suggestSectionRating } from '../../../src/shared/records/scoring';
import { Template, type ChoiceOption, type TemplateItem } from '../../../src/shared/templates/schema';
import { validateTemplate } from '../../../src/shared/templates/template-rules';
import {
  builtInTemplates,
  cqcSafProviderV1,
  findBuiltInTemplate,
  homeCareV1,
  observationHomeVisitV1,
  qmfCareHomeV1,
  qmfCareHomeV2,
  supportedLivingV1,
} from '../../../src/shared/templates/index';
import { QMF_ANSWER_SCORES, RAG_SCORES, scoresOf } from './qmf-scales';
import { HOME_CARE_SOURCES } from '../../../src/shared/templates/home-care';
import { SUPPORTED_LIVING_SOURCES } from '../../../src/shared/templates/supported-living';
import { preferredTemplate, suitsServiceType, templateServiceTypes } from '../../../src/shared/templates/service-types';
import { ServiceType } from '../../../src/shared/briefings/register';
import { makeRecord } from '../../../src/server/seed/record-maker';
import { demoProviders } from '../../../src/server/seed/demo-data';
import { historyVisits, historyVisitTemplate, visitOverall } from '../../../src/server/seed/demo-history-data';

const ALL_SERVICE_TYPES = ServiceType.options;
const details = { providerId: 'prov-1', date: '2026-03-14', announced: true, spokeWith: 'Registered manager' };
const answers = (pairs: Array<[string, string]>): Record<string, Answer> =>
  Object.fromEntries(pairs.map(([id, value]) => [id, { value, note: value === 'met' ? '' : 'What we found.' }]));

/** Every piece of text an officer can see in the app. */
function shownText(t: Template): string[] {
  const options = (list: ChoiceOption[] | undefined) => (list ?? []).flatMap((o) => [o.label, o.hint ?? '']);
  const item = (i: TemplateItem): string[] => [
    i.label,
    i.guidance ?? '',
    i.rowLabel ?? '',
    ...options(i.options),
    ...((i.items ?? []) as TemplateItem[]).flatMap(item),
  ];
  return [
    t.title,
    t.description,
    t.framework,
    t.overall?.label ?? '',
    t.overall?.guidance ?? '',
    ...options(t.responseOptions),
    ...options(t.ratingScale),
    ...t.sections.flatMap((s) => [s.title, s.summary ?? '', ...s.items.flatMap(item)]),
  ];
}

const cases = [
  {
    name: 'home care',
    template: homeCareV1,
    sources: HOME_CARE_SOURCES,
    serviceType: 'home-care',
    areas: [
      'Call times, late and missed calls',
      'Continuity of care workers',
      'Travel time and rotas',
      'Spot checks and supervision of lone workers',
      'Medicines support at home',
      'Care plans in the home',
      'Safeguarding',
      'Staffing, recruitment and training',
      'Management and governance',
      'Feedback from people and families',
    ],
    national: /NICE (NG21|QS123|QS182|NG67)/,
  },
  {
    name: 'supported living',
    template: supportedLivingV1,
    sources: SUPPORTED_LIVING_SOURCES,
    serviceType: 'supported-living',
    areas: [
      'Tenancy, choice and control',
      'Support plans and outcomes',
      'Positive behaviour support and restrictive practice',
      'Community access and relationships',
      'Staffing, recruitment and training',
      'Supervision, spot checks and staff feedback',
      'Medicines support',
      'Safeguarding',
      'Management and governance',
      'Feedback from people and families',
    ],
    national: /CQC Right support, right care, right culture|NICE (NG11|NG67|QS182)/,
  },
] as const;

describe.each(cases)('$name template', ({ template, sources, serviceType, areas, national }) => {
  it('is a built-in provider template, version 1, that parses and passes the template rules', () => {
    expect(Template.safeParse(template).success).toBe(true);
    expect(validateTemplate(template)).toEqual([]);
    expect(template).toMatchObject({ version: 1, framework: 'QMF', subject: 'provider' });
    expect(builtInTemplates).toContain(template);
    expect(findBuiltInTemplate(template.id, 1)).toBe(template);
  });

  it('has the areas a council checks there, each rated, with at least four checks', () => {
    expect(template.sections.map((s) => s.title)).toEqual(areas);
    for (const section of template.sections) {
      expect(section.rated, section.id).toBe(true);
      expect(section.items.filter((i) => i.type === 'choice').length, section.id).toBeGreaterThanOrEqual(4);
    }
  });

  it('cites a source for every area: a seed paragraph where the seeds speak, else national guidance', () => {
    expect(Object.keys(sources).sort()).toEqual(template.sections.map((s) => s.id).sort());
    for (const section of template.sections) expect(section.source, section.id).toBe(sources[section.id]);
    for (const [id, source] of Object.entries(sources)) {
      expect(source, id).toMatch(/seed 00[0-4] (§\d|Appendix|app\.)|NICE|CQC|Mental Capacity Act/);
      // An area the seeds do not speak to says so and names national guidance instead.
      if (!/seed 00\d/.test(source)) expect(source, id).toMatch(/Seeds silent/);
    }
    expect(Object.values(sources).some((s) => national.test(s))).toBe(true);
    expect(Object.values(sources).some((s) => /seed 004 §15/.test(s))).toBe(true);
  });

  it('shows officers no seed or paragraph references', () => {
    for (const text of shownText(template)) {
      expect(text).not.toMatch(/seed|§|\bNG\d+|\bQS\d+|Appendix \d/i);
    }
  });

  it('uses the QMF v2 item shapes: met / partly met / not met / n/a, evidence unless met, RAG per area and overall', () => {
    expect(scoresOf(template.responseOptions)).toEqual(QMF_ANSWER_SCORES);
    expect(scoresOf(template.ratingScale)).toEqual(RAG_SCORES);
    expect(template.ratingScale.find((r) => r.value === 'amber')!.hint).toMatch(/minimum standard/);
    for (const item of template.sections.flatMap((s) => s.items).filter((i) => i.type === 'choice')) {
      expect(item).toMatchObject({ required: true, note: 'required', noteOptionalFor: ['met', 'not-applicable'] });
      expect(item.options).toBeUndefined();
    }
    expect(template.overall!.label).toBe('Overall RAG rating');
    expect(template.actionDueMonths).toEqual({ significant: 3, routine: 6 });
  });

  it('records the people spoken to by initials or role only, and asks about a referral when safeguarding is not met', () => {
    const feedback = template.sections.find((s) => s.id === 'feedback')!;
    const people = feedback.items.find((i) => i.type === 'group')!;
    expect(people).toMatchObject({ label: 'People spoken to', rowLabel: 'Person spoken to', required: false });
    expect(people.guidance).toMatch(/initials or a role only, never a full name/i);
    const who = people.items!.find((i) => i.id === 'spoken-who')!;
    expect(who.guidance).toMatch(/Never a full name/);
    const safeguarding = template.sections.find((s) => s.id === 'safeguarding')!;
    expect(safeguarding.items.find((i) => i.id === 'safeguarding-referral-made')!.showIf).toEqual({
      item: 'safeguarding-referrals',
      in: ['not-met'],
    });
  });

  it('accepts a complete visit with the suggested ratings, and refuses an unmet check without evidence', () => {
    const body = makeRecord(template, details);
    expect(submissionIssues(template, body)).toEqual([]);
    expect(body.overallRating).toBe('green');
    expect(Object.values(body.sectionRatings).every((r) => r === 'green')).toBe(true);

    const first = template.sections[0]!.items[0]!;
    const unmet = { ...body, answers: { ...body.answers, [first.id]: { value: 'not-met', note: ' ' } } };
    const issues = submissionIssues(template, unmet);
    expect(issues.map((i) => i.path)).toContain(`answers.${first.id}`);
  });

  it('rates each area on risk: critical checks, then counts of not met and partly met', () => {
    const scoring = template.scoring!;
    expect(scoring.method).toBe('rules');
    expect(scoring.section?.rule).toBe('threshold-counts');
    const section = scoring.section!;
    const criticalIds = ('critical' in section ? (section.critical ?? []) : []).map((c) => c.id);
    // Safeguarding referrals, medicines records and safe recruitment are critical in both templates.
    expect(criticalIds).toEqual(
      expect.arrayContaining(['safeguarding-referrals', 'medicines-records', 'staffing-dbs']),
    );
    const safeguarding = template.sections.find((s) => s.id === 'safeguarding')!;
    const checks = safeguarding.items.filter((i) => i.type === 'choice').map((i) => i.id);
    const plain = checks.filter((id) => !criticalIds.includes(id));
    const rate = (given: Record<string, string>) =>
      suggestSectionRating(
        template,
        safeguarding,
        answers(checks.map((id): [string, string] => [id, given[id] ?? 'met'])),
      ).rating;
    expect(rate({})).toBe('green');
    expect(rate({ 'safeguarding-referrals': 'not-met' })).toBe('red');
    expect(rate({ 'safeguarding-referrals': 'partly-met' })).toBe('amber');
    expect(rate({ [plain[0]!]: 'partly-met' })).toBe('green');
    expect(rate({ [plain[0]!]: 'partly-met', [plain[1]!]: 'partly-met' })).toBe('amber');
    expect(rate({ [plain[0]!]: 'not-met' })).toBe('amber');
    expect(rate({ [plain[0]!]: 'not-met', [plain[1]!]: 'not-met' })).toBe('red');
    expect(rate({ [plain[0]!]: 'not-applicable' })).toBe('green');
  });

  it('suggests the overall by a limiting judgement that cannot hide a Red', () => {
    expect(template.scoring!.overall?.rule).toBe('limiting-judgement');
    const ratings = Object.fromEntries(template.sections.map((s) => [s.id, 'green']));
    const overall = (given: Record<string, string>) => suggestOverallRating(template, { ...ratings, ...given }).rating;
    expect(overall({})).toBe('green');
    expect(overall({ safeguarding: 'red' })).toBe('red');
    expect(overall({ medicines: 'amber' })).toBe('amber');
    expect(overall({ feedback: 'red' })).toBe('amber');
    expect(overall({ feedback: 'red', management: 'red' })).toBe('red');
  });

  it('cites the source of every rule, threshold and critical part, with a note where the seeds are silent', () => {
    const { section, overall } = template.scoring!;
    for (const rule of [section!, overall!]) {
      expect(rule.source).toMatch(/seed 004 §7/);
      expect(rule.note).toMatch(/does not say/);
      for (const t of 'thresholds' in rule ? (rule.thresholds ?? []) : []) {
        expect(t.source).toMatch(/seed 004/);
        expect(t.reason.length).toBeGreaterThan(20);
      }
      for (const c of 'critical' in rule ? (rule.critical ?? []) : []) {
        expect(c.source, c.id).toMatch(/seed 00\d|NICE|CQC|Mental Capacity Act|Regulation/);
        expect(c.reason.length, c.id).toBeGreaterThan(20);
        expect(c.note, c.id).toMatch(/do not/);
      }
    }
  });

  it(`is offered for ${serviceType} providers only`, () => {
    expect(template.serviceTypes).toEqual([serviceType]);
    for (const type of ALL_SERVICE_TYPES) expect(suitsServiceType(template, type), type).toBe(type === serviceType);
  });
});

describe('templates offered by service type', () => {
  const latest = builtInTemplates.filter(
    (t) => t.subject === 'provider' && !builtInTemplates.some((o) => o.id === t.id && o.version > t.version),
  );

  it('keeps the stored care home QMF versions as published, and offers them to care and nursing homes only', () => {
    // Stored versions are never changed, so their service types come from a lookup, not their content.
    expect(qmfCareHomeV1.serviceTypes).toBeUndefined();
    expect(qmfCareHomeV2.serviceTypes).toBeUndefined();
    for (const t of [qmfCareHomeV1, qmfCareHomeV2]) {
      expect(templateServiceTypes(t)).toEqual(['care-home', 'nursing-home']);
      expect(ALL_SERVICE_TYPES.filter((type) => suitsServiceType(t, type))).toEqual(['care-home', 'nursing-home']);
    }
    // The lookup is for those stored versions only: a later version says what it suits itself.
    expect(templateServiceTypes({ id: 'qmf-care-home', version: 3 })).toBeNull();
    expect(templateServiceTypes({ id: 'qmf-care-home', version: 3, serviceTypes: ['care-home'] })).toEqual([
      'care-home',
    ]);
  });

  it('offers a template that names no service types (CQC) for any service, and anything when no template is chosen', () => {
    expect(templateServiceTypes(cqcSafProviderV1)).toBeNull();
    for (const type of ALL_SERVICE_TYPES) {
      expect(suitsServiceType(cqcSafProviderV1, type)).toBe(true);
      expect(suitsServiceType(undefined, type)).toBe(true);
    }
  });

  it('lists, for each service type, the provider templates offered', () => {
    const offered = (type: string) => latest.filter((t) => suitsServiceType(t, type)).map((t) => t.id);
    expect(offered('care-home')).toEqual(['qmf-care-home', 'cqc-saf-provider']);
    expect(offered('nursing-home')).toEqual(['qmf-care-home', 'cqc-saf-provider']);
    expect(offered('home-care')).toEqual(['cqc-saf-provider', 'qmf-home-care']);
    expect(offered('supported-living')).toEqual(['cqc-saf-provider', 'qmf-supported-living']);
    expect(offered('day-service')).toEqual(['cqc-saf-provider']);
  });

  it('prefers the template made for the service type, then any that suits', () => {
    expect(preferredTemplate(latest, 'care-home')?.id).toBe('qmf-care-home');
    expect(preferredTemplate(latest, 'home-care')?.id).toBe('qmf-home-care');
    expect(preferredTemplate(latest, 'supported-living')?.id).toBe('qmf-supported-living');
    expect(preferredTemplate(latest, 'day-service')?.id).toBe('cqc-saf-provider');
    expect(preferredTemplate(latest, undefined)).toBeUndefined();
    expect(preferredTemplate([qmfCareHomeV2], 'home-care')).toBeUndefined();
  });

  it('refuses service types on a template that is not about a provider, or listed twice', () => {
    expect(validateTemplate({ ...observationHomeVisitV1, serviceTypes: ['home-care'] })).toEqual([
      { path: 'serviceTypes', message: 'Only a provider template says which services it suits' },
    ]);
    expect(validateTemplate({ ...homeCareV1, serviceTypes: ['home-care', 'home-care'] })).toEqual([
      { path: 'serviceTypes', message: 'A service type is listed twice' },
    ]);
    expect(Template.safeParse({ ...homeCareV1, serviceTypes: [] }).success).toBe(false);
    expect(Template.safeParse({ ...homeCareV1, serviceTypes: ['hospital'] }).success).toBe(false);
  });
});

describe('demo visits by service type', () => {
  it('records home care providers on the home care template, supported living on its own, homes on the QMF', () => {
    const expected: Record<string, string> = {
      'care-home': 'qmf-care-home',
      'nursing-home': 'qmf-care-home',
      'home-care': 'qmf-home-care',
      'supported-living': 'qmf-supported-living',
    };
    const visited = new Set(historyVisits.map((v) => v.provider));
    for (const provider of demoProviders.filter((p) => visited.has(p.id))) {
      expect(historyVisitTemplate(provider.id).id, provider.id).toBe(expected[provider.serviceType]);
    }
    const types = new Set(demoProviders.filter((p) => visited.has(p.id)).map((p) => p.serviceType));
    expect(types).toEqual(new Set(['care-home', 'nursing-home', 'home-care', 'supported-living']));
  });

  it('steers each demo visit to its areas on its own template, as the seed does', () => {
    for (const visit of historyVisits) {
      const template = historyVisitTemplate(visit.provider);
      for (const area of Object.keys(visit.areas ?? {}))
        expect(
          template.sections.some((s) => s.id === area),
          `${visit.provider}: ${area}`,
        ).toBe(true);
      for (const action of visit.actions ?? [])
        expect(
          template.sections.some((s) => s.id === action.item || s.items.some((i) => i.id === action.item)),
          `${visit.provider}: ${action.item}`,
        ).toBe(true);
      const body = makeRecord(
        template,
        { ...details, providerId: visit.provider, date: visit.date },
        {
          targets: visit.areas ?? {},
        },
      );
      expect(submissionIssues(template, body), visit.provider).toEqual([]);
      expect(body.overallRating, visit.provider).toBe(visitOverall(visit));
    }
  });
});
