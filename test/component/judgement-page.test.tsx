// The overall judgement over a real draft: the suggestion follows the section ratings, and a
// different rating asks for a written reason that is autosaved as the override.
import { beforeEach, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Template } from '../../src/shared/templates/schema';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { db } from '../../src/app/storage/database';
import { saveRating } from '../../src/app/records/answer-store';
import { JudgementPage } from '../../src/app/records/JudgementPage';
import { RatingField } from '../../src/app/records/RatingField';
import { startRecord } from '../../src/app/records/record-store';
import { LiveVisit, officer, record, resetDevice } from './helpers';

// The QMF with scores and an overall RAG, as a later version would have it.
const scored: Template = {
  ...qmfCareHomeV1,
  version: 99,
  scoring: { method: 'worst' },
  overall: { label: 'Overall RAG rating' },
  ratingScale: qmfCareHomeV1.ratingScale.map((r, i) => ({ ...r, score: 3 - i })),
};

beforeEach(async () => {
  await resetDevice();
  await db().templates.put(scored);
});

it('suggests the worst area, and needs a reason to differ, saved without a button', async () => {
  const user = userEvent.setup();
  const id = await startRecord({
    ownerId: officer.id,
    template: scored,
    subjectName: 'Oakwood House',
    details: { providerId: 'prov-oakwood', date: '2026-06-04', announced: true, spokeWith: '' },
  });
  for (const s of scored.sections) await saveRating(id, s.id, s.id === 'safeguarding' ? 'amber' : 'green', false);
  render(<LiveVisit id={id}>{(visit) => <JudgementPage visit={visit} />}</LiveVisit>);
  await screen.findByRole('heading', { level: 1, name: 'Overall RAG rating' });
  expect(screen.getByTestId('suggested-overall').textContent).toBe('Suggested from the section ratings: Amber');

  await user.click(screen.getByRole('radio', { name: 'Green' }));
  const reason = await screen.findByRole('textbox', {
    name: 'Why is your rating Green rather than the suggested Amber?',
  });
  await user.click(screen.getByRole('button', { name: 'Save and return' }));
  expect(await screen.findByRole('alert', { name: 'The judgement is not complete yet' })).toBeTruthy();

  await user.type(reason, 'The safeguarding gap was fixed during the visit.');
  await user.tab();
  await waitFor(async () =>
    expect((await record(id))?.ratingOverrides.overall).toEqual({
      suggested: 'amber',
      reason: 'The safeguarding gap was fixed during the visit.',
    }),
  );
  expect((await record(id))?.overallRating).toBe('green');

  // Agreeing with the suggestion needs no reason: the box goes away.
  await user.click(screen.getByRole('radio', { name: 'Amber (suggested)' }));
  await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
});

it('keeps a chosen rating ticked when the page re-renders before the save lands', async () => {
  const id = await startRecord({
    ownerId: officer.id,
    template: scored,
    subjectName: 'Oakwood House',
    details: { providerId: 'prov-oakwood', date: '2026-06-04', announced: true, spokeWith: '' },
  });
  const section = scored.sections[0]!;
  const field = (current: string | null) => (
    <RatingField
      recordId={id}
      template={scored}
      ratingKey={section.id}
      isOverall={false}
      legend="Rating"
      current={current}
      suggestion={{ rating: null, percentage: null, counted: 0 }}
      override={undefined}
      showErrors={false}
      onError={(e) => {
        throw e;
      }}
    />
  );
  // The stored value as the page last read it: nothing yet. Another answer's save re-renders the
  // page with it before this rating is written; the officer's tick must not disappear.
  const { rerender } = render(field(null));
  fireEvent.click(screen.getByRole('radio', { name: 'Amber' }));
  rerender(field(null));
  expect((screen.getByRole('radio', { name: 'Amber' }) as HTMLInputElement).checked).toBe(true);
  await waitFor(async () => expect((await record(id))?.sectionRatings[section.id]).toBe('amber'));
  rerender(field('amber'));
  expect((screen.getByRole('radio', { name: 'Amber' }) as HTMLInputElement).checked).toBe(true);
});
