// CheckAnswersPage over real records: what blocks a submit, submitting into the outbox, and a
// visit the server turned down being shown with its issues and reopened as a draft.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import type { Problem } from '../../src/shared/sync/schema';
import { createOutboxStore } from '../../src/app/sync/outbox-store';
import { db } from '../../src/app/storage/database';
import { CheckAnswersPage } from '../../src/app/records/CheckAnswersPage';
import { briefly } from '../../src/app/records/CheckErrors';
import { saveAnswer } from '../../src/app/records/answer-store';
import { submitRecord } from '../../src/app/records/record-store';
import {
  answerEverything,
  LiveVisit,
  officer,
  outboxFor,
  record,
  resetDevice,
  startQmfVisit,
  storeTemplate,
} from './helpers';

const medicines = qmfCareHomeV1.sections.find((s) => s.id === 'medicines')!;
const covert = medicines.items.find((i) => i.id === 'medicines-covert')!;

function renderCheck(id: string) {
  render(<LiveVisit id={id}>{(visit) => <CheckAnswersPage visit={visit} />}</LiveVisit>);
}
const submitButton = () => screen.getByRole('button', { name: 'Submit visit' }) as HTMLButtonElement;

/** A submitted visit the server answered with `problem`, as the sync engine would leave it. */
async function turnedDown(problem: Problem): Promise<string> {
  const id = await startQmfVisit({ providerName: 'Birch Lodge' });
  await answerEverything(id);
  await submitRecord(id);
  const store = createOutboxStore(officer.id);
  const [entry] = await store.pending();
  await store.markAttention(entry!, problem);
  return id;
}

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
});

describe('a draft that is not finished', () => {
  it('shows "Before you can submit" and disables the Submit button', async () => {
    const id = await startQmfVisit();
    renderCheck(id);

    const summary = await screen.findByRole('alert', { name: 'Before you can submit' });
    // Issue 17: an area not started is one line under its heading, not a line per question.
    const links = within(summary).getAllByRole('link');
    expect(links).toHaveLength(qmfCareHomeV1.sections.length);
    for (const [n, section] of qmfCareHomeV1.sections.entries()) {
      within(summary).getByRole('heading', { level: 3, name: section.title });
      const questions = section.items.filter((i) => i.required).length;
      expect(links[n]!.textContent).toBe(`Not started: answer its ${questions} questions and give it a rating`);
      expect(links[n]!.getAttribute('href')).toBe(`/visits/${id}/areas/${section.id}`);
    }
    expect(submitButton().disabled).toBe(true);
  });

  it('names the one missing item and links to its area', async () => {
    const id = await startQmfVisit();
    await answerEverything(id);
    await saveAnswer(id, covert.id, { value: 'partly-met', note: '' });
    renderCheck(id);

    const summary = await screen.findByRole('alert', { name: 'Before you can submit' });
    const link = within(summary).getByRole('link');
    // Issue 17: under its area's heading, the question named briefly and the short message.
    within(summary).getByRole('heading', { level: 3, name: medicines.title });
    expect(link.textContent).toBe(`${briefly(covert.label)}: enter the evidence for this answer`);
    expect(link.textContent!.length).toBeLessThan(90);
    // The link lands on the question itself: its area, with the field's id as the fragment.
    expect(link.getAttribute('href')).toBe(`/visits/${id}/areas/medicines#${covert.id}`);
    expect(submitButton().disabled).toBe(true);

    // Adding the evidence (here through the store) clears the summary and enables Submit.
    await saveAnswer(id, covert.id, { value: 'partly-met', note: 'Covert medication plan lacks a pharmacist review' });
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Before you can submit' })).toBeNull());
    expect(submitButton().disabled).toBe(false);
  });
});

describe('a complete draft', () => {
  it('enables Submit, and submitting queues the record with one outbox entry', async () => {
    const user = userEvent.setup();
    const id = await startQmfVisit();
    await answerEverything(id);
    renderCheck(id);

    await screen.findByRole('heading', { level: 1, name: 'Check your answers' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(submitButton().disabled).toBe(false);

    await user.click(submitButton());

    await waitFor(async () => expect((await record(id))?.status).toBe('queued'));
    expect(await outboxFor(id)).toHaveLength(1);
    expect(location.pathname).toBe(`/visits/${id}/submitted`); // the confirmation page (issue 17)
    // The same page now shows the read-only view of the queued visit.
    expect((await screen.findByTestId('record-status')).textContent).toBe('Waiting to send');
    expect(screen.queryByRole('button', { name: 'Submit visit' })).toBeNull();
  });
});

describe('a visit the server did not accept', () => {
  const invalid: Problem = {
    status: 422,
    code: 'invalid',
    message: 'The visit was not accepted: 2 answers need correcting.',
    issues: [
      { path: 'answers.staffing-rota', message: 'Staffing: rota evidence is too long' },
      { path: 'sectionRatings.medicines', message: 'Medicines: rating is not on the scale' },
    ],
  };

  it('shows the message and each issue, and "Reopen as a draft" returns it to draft under the same id', async () => {
    const user = userEvent.setup();
    const id = await turnedDown(invalid);
    renderCheck(id);

    const alert = await screen.findByRole('alert');
    within(alert).getByRole('heading', { name: 'The server did not accept this visit' });
    within(alert).getByText(invalid.message);
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(invalid.issues!.map((i) => i.message));
    expect(screen.getByTestId('record-status').textContent).toBe('Needs attention');
    expect(screen.queryByRole('button', { name: 'Submit visit' })).toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Reopen as a draft' }));

    await waitFor(async () => expect((await record(id))?.status).toBe('draft'));
    expect(await db().outbox.count()).toBe(0);
    expect(location.pathname).toBe(`/visits/${id}`);
  });

  it('after a conflict, "Reopen as a draft" continues under a new id and the old record is gone', async () => {
    const user = userEvent.setup();
    const id = await turnedDown({
      status: 409,
      code: 'conflict',
      message: 'This visit was already received with different answers.',
    });
    renderCheck(id);

    await user.click(await screen.findByRole('button', { name: 'Reopen as a draft' }));

    await waitFor(() => expect(location.pathname).not.toBe('/'));
    const newId = location.pathname.split('/')[2]!;
    expect(newId).not.toBe(id);
    expect(await record(id)).toBeUndefined();
    expect((await record(newId))?.status).toBe('draft');
    expect(await db().outbox.count()).toBe(0);
  });
});
