// The text limits a record is held to before it is queued (issue 17): every free-text field the
// wire schema bounds is refused by the shared submission rules at the same length, in words that
// name the field, so check answers stops it rather than the server answering 413 or 422.
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../src/server/seed/record-maker';
import { submissionIssues } from '../../../src/shared/records/record-rules';
import { RecordBody, type VisitBody } from '../../../src/shared/records/schema';
import { ANSWER_TEXT_MAX, DETAIL_TEXT_MAX, formatCount, tooLong } from '../../../src/shared/records/text-limits';
import { qmfCareHomeV3 } from '../../../src/shared/templates/index';

const visit = (): VisitBody =>
  makeRecord(qmfCareHomeV3, {
    providerId: 'willow-bank',
    date: '2026-03-04',
    announced: true,
    spokeWith: 'Registered manager',
  }) as VisitBody;
const firstItem = qmfCareHomeV3.sections[0]!.items.find((i) => i.type !== 'group' && i.note !== 'none')!;

describe('text limits', () => {
  it('formats counts the same everywhere', () => {
    expect(formatCount(20_000)).toBe('20,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(tooLong('Evidence', 20_000)).toBe('Evidence must be 20,000 characters or fewer');
  });

  it('accepts a note at the limit and refuses one over it, naming the area and question, as the schema does', () => {
    const body = visit();
    body.answers[firstItem.id] = { ...body.answers[firstItem.id]!, note: 'n'.repeat(ANSWER_TEXT_MAX) };
    expect(submissionIssues(qmfCareHomeV3, body)).toEqual([]);
    expect(RecordBody.safeParse(body).success).toBe(true);

    body.answers[firstItem.id] = { ...body.answers[firstItem.id]!, note: 'n'.repeat(ANSWER_TEXT_MAX + 1) };
    const issues = submissionIssues(qmfCareHomeV3, body);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(`answers.${firstItem.id}`);
    expect(issues[0]!.message).toContain(firstItem.label);
    expect(issues[0]!.message).toMatch(/Evidence must be 20,000 characters or fewer$/);
    expect(RecordBody.safeParse(body).success).toBe(false);
  });

  it('refuses over-long details, actions, earlier-action evidence and reasons by name', () => {
    const long = 'd'.repeat(DETAIL_TEXT_MAX + 1);
    const body = visit();
    body.details = { ...body.details, spokeWith: long };
    body.actions = [
      {
        id: '5b0a3c1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c',
        itemId: null,
        title: 'Fix the rota',
        detail: long,
        significance: 'routine',
        owner: 'provider',
        dueDate: '2026-04-01',
      },
    ];
    body.actionChecks = [{ actionId: 'a-1', status: 'in-progress', evidence: long }];
    const messages = submissionIssues(qmfCareHomeV3, body).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual([
      'details.spokeWith: Who you spoke to must be 4,000 characters or fewer',
      'actions.0.detail: Action "Fix the rota": “What must change” must be 4,000 characters or fewer',
      'actionChecks.0.evidence: Earlier actions: the evidence must be 4,000 characters or fewer',
    ]);
    expect(RecordBody.safeParse(body).success).toBe(false);
  });
});
