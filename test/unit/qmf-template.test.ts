// The built-in Care Home QMF template: it parses, its ids are sound, and the submission rules
// accept a complete visit and reject a "not met" answer without evidence.
import { describe, it, expect } from 'vitest';
import { type RecordBody } from '../../src/shared/records/schema';
import { Template } from '../../src/shared/templates/schema';
import { optionsFor, submissionIssues } from '../../src/shared/records/record-rules';
import { builtInTemplates, findBuiltInTemplate, qmfCareHomeV1 } from '../../src/shared/templates';

const template = qmfCareHomeV1;
const allItems = template.sections.flatMap((s) => s.items);

function completeBody(): RecordBody {
  const answers: RecordBody['answers'] = {};
  for (const item of allItems) {
    answers[item.id] =
      item.type === 'choice'
        ? { value: 'met', note: '' }
        : { value: 'Residents were positive about the food.', note: '' };
  }
  const sectionRatings: RecordBody['sectionRatings'] = {};
  for (const section of template.sections) sectionRatings[section.id] = 'green';
  return {
    id: '6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
    revision: 1,
    baseRevision: null,
    kind: 'visit',
    templateId: template.id,
    templateVersion: template.version,
    details: {
      providerId: 'prov-1',
      date: '2025-03-14',
      announced: true,
      spokeWith: 'Registered manager; two care workers',
    },
    answers,
    sectionRatings,
    startedAt: '2025-03-14T09:00:00+00:00',
    submittedAt: '2025-03-14T15:30:00+00:00',
  };
}

describe('Care Home QMF template v1', () => {
  it('parses with the Template schema', () => {
    const result = Template.safeParse(template);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('is identified and listed as a built-in template', () => {
    expect(template).toMatchObject({ id: 'qmf-care-home', version: 1, framework: 'QMF', subject: 'provider' });
    expect(builtInTemplates).toContain(template);
    expect(findBuiltInTemplate('qmf-care-home', 1)).toBe(template);
    expect(findBuiltInTemplate('qmf-care-home', 99)).toBeUndefined();
    expect(findBuiltInTemplate('unknown', 1)).toBeUndefined();
  });

  it('has ids unique across sections and items', () => {
    const ids = [...template.sections.map((s) => s.id), ...allItems.map((i) => i.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the nine QMF areas in order, each rated', () => {
    expect(template.sections.map((s) => s.id)).toEqual([
      'staffing',
      'supervision',
      'training',
      'resident-care',
      'safeguarding',
      'management',
      'staff-feedback',
      'medicines',
      'resident-feedback',
    ]);
    for (const section of template.sections) expect(section.rated).toBe(true);
  });

  it('only names existing response options in noteOptionalFor', () => {
    for (const item of allItems.filter((i) => i.type === 'choice')) {
      const values = optionsFor(template, item).map((o) => o.value);
      for (const value of item.noteOptionalFor ?? []) expect(values, item.id).toContain(value);
    }
  });

  it('has at least five items in every section', () => {
    for (const section of template.sections) expect(section.items.length, section.id).toBeGreaterThanOrEqual(5);
  });

  it('accepts a fully answered visit with every area rated', () => {
    expect(submissionIssues(template, completeBody())).toEqual([]);
  });

  it('asks for evidence when an item is not met and the note is empty', () => {
    const body = completeBody();
    body.answers['medicines-mar'] = { value: 'not-met', note: '  ' };
    const issues = submissionIssues(template, body);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('answers.medicines-mar');
    expect(issues[0]?.message).toContain('MAR charts');
    expect(issues[0]?.message).toContain('Enter the evidence for this answer');

    body.answers['medicines-mar'] = { value: 'not-met', note: 'Three gaps on the lunchtime round with no code.' };
    expect(submissionIssues(template, body)).toEqual([]);
  });
});
