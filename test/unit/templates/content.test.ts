// Each built-in template holds what its source says: CQC's 34 quality statements split 8/6/5/7/8
// (docs/domain.md), seed 001's five standards with 11/14/8/6/13 statements and the Appendix 3 grades,
// the seven practice domains on both observation forms (seed 003 §10), and QMF v2 built on an
// untouched v1. A few answers are scored to show the data fits the shared scoring rules.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/shared/records/schema';
import type { Template, TemplateItem } from '../../../src/shared/templates/schema';
import { suggestOverallRating, suggestSectionRating } from '../../../src/shared/records/scoring';
import {
  caseFileAuditV1,
  cqcSafProviderV1,
  observationCaseConferenceV1,
  observationHomeVisitV1,
  qmfCareHomeV1,
  qmfCareHomeV2,
} from '../../../src/shared/templates/index';
import { QMF_ANSWER_SCORES, RAG_SCORES, scoresOf } from './qmf-scales';

const section = (t: Template, id: string) => t.sections.find((s) => s.id === id)!;
const item = (t: Template, id: string) => t.sections.flatMap((s) => s.items).find((i) => i.id === id)!;
const answers = (pairs: Array<[string, string]>): Record<string, Answer> =>
  Object.fromEntries(pairs.map(([id, value]) => [id, { value, note: '' }]));

describe('CQC Single Assessment Framework provider assessment', () => {
  const t = cqcSafProviderV1;
  const statements = (id: string) => section(t, id).items.filter((i) => i.type !== 'group');
  const KEY_QUESTIONS = ['safe', 'effective', 'caring', 'responsive', 'well-led'];

  it('has the 34 quality statements of docs/domain.md under the five key questions, 8/6/5/7/8', () => {
    expect(t.sections.map((s) => s.title)).toEqual(['Safe', 'Effective', 'Caring', 'Responsive', 'Well-led']);
    expect(KEY_QUESTIONS.map((id) => statements(id).length)).toEqual([8, 6, 5, 7, 8]);
    expect(KEY_QUESTIONS.flatMap((id) => statements(id)).length).toBe(34);
    expect(statements('safe').map((i) => i.label)).toEqual([
      'Learning culture',
      'Safe systems, pathways and transitions',
      'Safeguarding',
      'Involving people to manage risks',
      'Safe environments',
      'Safe and effective staffing',
      'Infection prevention and control',
      'Medicines optimisation',
    ]);
    expect(statements('caring').map((i) => i.label)).toEqual([
      'Kindness, compassion and dignity',
      'Treating people as individuals',
      'Independence, choice and control',
      "Responding to people's immediate needs",
      'Workforce wellbeing and enablement',
    ]);
    expect(statements('well-led').at(-1)!.label).toBe('Environmental sustainability – sustainable development');
  });

  it('scores each statement 4 to 1 when assessed, optional, and ends each key question with evidence notes by category', () => {
    for (const id of KEY_QUESTIONS) {
      for (const s of statements(id)) {
        expect(s).toMatchObject({ type: 'choice', required: false, note: 'optional' });
        expect(s.options!.map((o) => [o.label, o.score])).toEqual([
          ['Exceptional standard', 4],
          ['Good standard', 3],
          ['Some shortfalls', 2],
          ['Significant shortfalls', 1],
        ]);
      }
      const notes = section(t, id).items.at(-1)!;
      expect(notes).toMatchObject({ type: 'group', rowLabel: 'Evidence note' });
      const [which, category, text] = notes.items! as TemplateItem[];
      expect(which!.options!.map((o) => o.label)).toEqual(statements(id).map((s) => s.label));
      expect(category!.options).toEqual(t.evidenceCategories);
      expect(text!.type).toBe('long-text');
    }
    expect(t.evidenceCategories!.map((c) => c.label)).toEqual([
      "People's experience",
      'Feedback from staff and leaders',
      'Feedback from partners',
      'Observation',
      'Processes',
      'Outcomes',
    ]);
  });

  it('rates by percentage bands: seven 3s and one 2 in Safe is 72%, Good', () => {
    const safe = section(t, 'safe');
    const given = statements('safe').map((s, n): [string, string] => [s.id, n === 7 ? 'some-shortfalls' : 'good']);
    expect(suggestSectionRating(t, safe, answers(given))).toEqual({ rating: 'good', percentage: 72, counted: 8 });
    expect(t.ratingScale.map((r) => [r.value, r.score])).toEqual([
      ['outstanding', 4],
      ['good', 3],
      ['requires-improvement', 2],
      ['inadequate', 1],
    ]);
    expect(t.overall!.label).toBe('Overall rating');
    expect(t.description).toMatch(/versioned/);
  });
});

describe('case file audit', () => {
  const t = caseFileAuditV1;
  const standards = t.sections.filter((s) => s.rated);

  it('has seed 001’s five standards with 11, 14, 8, 6 and 13 statements, each an optional rating', () => {
    expect(standards.map((s) => s.title)).toEqual([
      'Standard 1: People are safe and their independence and wellbeing promoted',
      'Standard 2: People have a positive experience of services',
      'Standard 3: The workforce is skilled, motivated and valued',
      'Standard 4: Equality and diversity are integral to services',
      'Standard 5: Services make efficient and effective use of resources',
    ]);
    expect(standards.map((s) => s.items.length)).toEqual([11, 14, 8, 6, 13]);
    for (const i of standards.flatMap((s) => s.items))
      expect(i).toMatchObject({ type: 'rating', required: false, note: 'optional' });
    expect(standards[0]!.items[0]!.label).toBe('People are safe from abuse, neglect and mistreatment');
    expect(standards[4]!.items.at(-1)!.label).toBe(
      'The service can evidence a positive impact on outcomes for people and their families',
    );
  });

  it('grades Outstanding, Green, Amber, Red with the Appendix 3 descriptions, averaged and rounded down', () => {
    expect(t.ratingScale.map((r) => [r.label, r.score])).toEqual([
      ['Outstanding', 4],
      ['Green', 3],
      ['Amber', 2],
      ['Red', 1],
    ]);
    const hint = (v: string) => t.ratingScale.find((r) => r.value === v)!.hint!;
    expect(hint('outstanding')).toMatch(/^Service or practice demonstrates excellence\. /);
    expect(hint('green')).toMatch(
      /^Service or practice demonstrates good practice and is moving towards excellence\. /,
    );
    expect(hint('amber')).toMatch(
      /^Service or practice has reached the required minimum standard\. .*not met consistently\.$/,
    );
    expect(hint('red')).toMatch(
      /^Service or practice has failed to reach the minimum standard required and immediate action is required\. /,
    );
    const s = standards[0]!;
    expect(
      suggestSectionRating(
        t,
        s,
        answers([
          [s.items[0]!.id, 'green'],
          [s.items[1]!.id, 'amber'],
        ]),
      ).rating,
    ).toBe('amber');
    expect(suggestOverallRating(t, { [standards[0]!.id]: 'outstanding', [standards[1]!.id]: 'green' }).rating).toBe(
      'green',
    );
    expect(t.overall!.label).toBe('Overall grade');
  });

  it('ends with an unrated summary: findings, and what the immediate concerns were when there were some', () => {
    const summary = t.sections.at(-1)!;
    expect(summary).toMatchObject({ title: 'Summary and actions', rated: false });
    expect(summary.items.map((i) => [i.id, i.type, i.required])).toEqual([
      ['summary-findings', 'long-text', true],
      ['immediate-concerns', 'yes-no', true],
      ['immediate-concerns-detail', 'long-text', true],
    ]);
    expect(summary.items[2]!.showIf).toEqual({ item: 'immediate-concerns', in: ['yes'] });
  });
});

describe('observation of practice', () => {
  const DOMAINS = [
    'Planning and purpose',
    'Knowledge and theory',
    'Intervention and skills',
    'Partnership working',
    'Critical reflection',
    'Professionalism',
    'Ethics and diversity',
  ];

  it.each([observationHomeVisitV1, observationCaseConferenceV1])(
    '$id rates the seven practice domains with a required rationale',
    (t) => {
      expect(t).toMatchObject({
        subject: 'practitioner',
        framework: 'Observation of practice',
        version: 1,
        scoring: { method: 'average' },
      });
      const practice = t.sections.find((s) => s.rated)!;
      expect(practice.items.map((i) => i.label)).toEqual(DOMAINS);
      for (const d of practice.items) {
        expect(d).toMatchObject({ type: 'rating', required: true, note: 'required' });
        expect(d.guidance).toMatch(/^What good looks like: /);
      }
      expect(t.ratingScale.map((r) => [r.label, r.score])).toEqual([
        ['Outstanding', 4],
        ['Good', 3],
        ['Requires improvement', 2],
        ['Inadequate', 1],
      ]);
      expect(t.overall!.label).toBe('Overall judgement on the quality and effectiveness of the practice observed');
      expect(t.actionDueMonths).toEqual({ significant: 3, routine: 3 });
      expect(item(t, 'present')).toMatchObject({ type: 'group', rowLabel: 'Person present' });
      expect(item(t, 'consent-how').showIf).toEqual({ item: 'consent', in: ['yes'] });
      expect(item(t, 'narrative').required).toBe(true);
      const ratings = practice.items.map((d, n): [string, string] => [d.id, n < 4 ? 'good' : 'outstanding']);
      expect(suggestSectionRating(t, practice, answers(ratings)).rating).toBe('good');
    },
  );

  it('requires feedback from the child and family for a conference or review only (seed 003 §10.1)', () => {
    expect(item(observationCaseConferenceV1, 'family-feedback').required).toBe(true);
    expect(item(observationHomeVisitV1, 'family-feedback').required).toBe(false);
    expect(observationHomeVisitV1.sections.map((s) => s.id)).toEqual(
      observationCaseConferenceV1.sections.map((s) => s.id),
    );
  });
});

describe('care home QMF version 2', () => {
  const ids = (t: Template) => t.sections.flatMap((s) => s.items.map((i) => i.id));

  it('leaves version 1 as published: no scores, no scoring rule, no overall', () => {
    expect(qmfCareHomeV1.version).toBe(1);
    expect(qmfCareHomeV1.scoring).toBeUndefined();
    expect(qmfCareHomeV1.overall).toBeUndefined();
    expect([...qmfCareHomeV1.responseOptions, ...qmfCareHomeV1.ratingScale].every((o) => o.score === undefined)).toBe(
      true,
    );
  });

  it('keeps every v1 area and item in order, and adds the people spoken to and a safeguarding follow-up', () => {
    expect(qmfCareHomeV2.version).toBe(2);
    expect(qmfCareHomeV2.sections.map((s) => s.title)).toEqual(qmfCareHomeV1.sections.map((s) => s.title));
    expect(ids(qmfCareHomeV2).filter((id) => ids(qmfCareHomeV1).includes(id))).toEqual(ids(qmfCareHomeV1));
    const people = section(qmfCareHomeV2, 'resident-feedback').items.at(-1)!;
    expect(people).toMatchObject({ type: 'group', label: 'People spoken to', rowLabel: 'Person spoken to' });
    expect(people.guidance).toMatch(/initials or a role only/i);
    expect(people.items!.map((i) => i.type)).toEqual(expect.arrayContaining(['text', 'long-text', 'yes-no']));
    expect(item(qmfCareHomeV2, 'safeguarding-referral-made').showIf).toEqual({
      item: 'safeguarding-referrals',
      in: ['not-met'],
    });
    expect(qmfCareHomeV2.description).toMatch(/Version 2/);
  });

  it('scores met 3, partly met 2, not met 1, not applicable unscored, and suggests RAG by the worst answer', () => {
    expect(scoresOf(qmfCareHomeV2.responseOptions)).toEqual(QMF_ANSWER_SCORES);
    expect(scoresOf(qmfCareHomeV2.ratingScale)).toEqual(RAG_SCORES);
    expect(qmfCareHomeV2).toMatchObject({
      scoring: { method: 'worst' },
      overall: { label: 'Overall RAG rating' },
      actionDueMonths: { significant: 3, routine: 6 },
    });
    const staffing = section(qmfCareHomeV2, 'staffing');
    const all = staffing.items.filter((i) => i.type === 'choice').map((i): [string, string] => [i.id, 'met']);
    expect(suggestSectionRating(qmfCareHomeV2, staffing, answers(all)).rating).toBe('green');
    expect(
      suggestSectionRating(qmfCareHomeV2, staffing, answers([...all.slice(1), [all[0]![0], 'partly-met']])).rating,
    ).toBe('amber');
    expect(
      suggestSectionRating(qmfCareHomeV2, staffing, answers([...all.slice(1), [all[0]![0], 'not-applicable']])).rating,
    ).toBe('green');
    expect(suggestOverallRating(qmfCareHomeV2, { staffing: 'green', supervision: 'red' }).rating).toBe('red');
  });
});
