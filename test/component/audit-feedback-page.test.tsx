// An audit's feedback to the worker (seed 003 §4.6) over a real draft: the page shows when it is
// due in the council's way of counting days, refuses a date before the audit, keeps the date in
// the audit's details, and the task list then shows it sent.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { caseFileAuditV2 } from '../../src/shared/templates/case-file-audit-v2';
import type { AuditDetails } from '../../src/shared/records/schema';
import { db } from '../../src/app/storage/database';
import { AuditFeedbackPage } from '../../src/app/records/AuditFeedbackPage';
import { TaskListPage } from '../../src/app/records/TaskListPage';
import { startRecord } from '../../src/app/records/record-store';
import { resetSettings, settings } from '../../src/app/sync/settings';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../src/server/deadlines/bank-holidays';
import { LiveVisit, officer, record, resetDevice } from './helpers';

const details: AuditDetails = {
  caseReference: 'CF-20533',
  practitionerName: 'Jo Evans',
  team: 'Children North',
  date: '2026-09-10', // a Thursday
};

async function startAudit(): Promise<string> {
  return startRecord({ ownerId: officer.id, template: caseFileAuditV2, subjectName: 'Case CF-20533', details });
}

beforeEach(async () => {
  await resetDevice();
  await db().templates.put(caseFileAuditV2);
});
afterEach(resetSettings);

it('shows the 48-hour deadline in calendar days, or working days when the council counts them', async () => {
  const id = await startAudit();
  const view = render(<LiveVisit id={id}>{(visit) => <AuditFeedbackPage visit={visit} />}</LiveVisit>);
  expect((await screen.findByTestId('feedback-due')).textContent).toContain('Due by 12 September 2026');
  settings.set({
    ...settings.get(),
    deadlines: { dayCount: 'working', bankHolidays: [...ENGLAND_AND_WALES_BANK_HOLIDAYS] },
  });
  await waitFor(() => expect(screen.getByTestId('feedback-due').textContent).toContain('Due by 14 September 2026'));
  view.unmount();
});

it('refuses a date before the audit, then keeps the date sent in the audit and shows it on the task list', async () => {
  const user = userEvent.setup();
  const id = await startAudit();
  const view = render(<LiveVisit id={id}>{(visit) => <AuditFeedbackPage visit={visit} />}</LiveVisit>);
  const input = await screen.findByLabelText('Date the summary was sent');
  fireEvent.input(input, { target: { value: '2026-09-09' } });
  await user.click(screen.getByRole('button', { name: 'Save and return' }));
  expect((await screen.findByRole('alert')).textContent).toContain('cannot be before the audit');
  expect(((await record(id))?.details as AuditDetails).feedbackSentOn).toBeUndefined();

  fireEvent.input(input, { target: { value: '2026-09-11' } });
  await user.click(screen.getByRole('button', { name: 'Save and return' }));
  await waitFor(async () => expect(((await record(id))?.details as AuditDetails).feedbackSentOn).toBe('2026-09-11'));
  view.unmount();

  render(<LiveVisit id={id}>{(visit) => <TaskListPage visit={visit} />}</LiveVisit>);
  const task = await screen.findByRole('link', { name: 'Feedback to the worker and their manager' });
  expect(task.getAttribute('href')).toBe(`/visits/${id}/feedback`);
  expect(document.getElementById('task-feedback-status')?.textContent).toBe('Sent 11 September 2026');
});
