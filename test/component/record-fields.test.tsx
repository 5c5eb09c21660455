// AreaPage with the richer item types, over a real observation draft: show-if reveals an item
// from an answer, a repeating group adds, names and removes rows, and a rated section's suggestion
// updates as ratings are given — all autosaved without a button.
import { beforeEach, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { observationHomeVisitV1 } from '../../src/shared/templates/index';
import { db } from '../../src/app/storage/database';
import { AreaPage } from '../../src/app/records/AreaPage';
import { startRecord } from '../../src/app/records/record-store';
import { LiveVisit, officer, record, resetDevice } from './helpers';

const template = observationHomeVisitV1;

async function open(sectionId: string) {
  const id = await startRecord({
    ownerId: officer.id,
    template,
    subjectName: 'Alex Morgan',
    details: { practitionerName: 'Alex Morgan', practitionerRole: 'Social worker', team: 'North', date: '2026-06-04' },
  });
  render(<LiveVisit id={id}>{(visit) => <AreaPage visit={visit} sectionId={sectionId} />}</LiveVisit>);
  await screen.findByRole('heading', { level: 1, name: template.sections.find((s) => s.id === sectionId)!.title });
  return id;
}

beforeEach(async () => {
  await resetDevice();
  await db().templates.put(template);
});

it('reveals the consent question only after "Yes", and saves both', async () => {
  const user = userEvent.setup();
  const id = await open('context');
  expect(screen.queryByRole('textbox', { name: /How consent was obtained/ })).toBeNull();
  await user.click(
    within(screen.getByRole('group', { name: 'Was consent to the observation obtained?' })).getByRole('radio', {
      name: 'Yes',
    }),
  );
  const how = await screen.findByRole('textbox', { name: /How consent was obtained/ });
  await user.type(how, 'Verbally, from both parents');
  await user.tab();
  await waitFor(async () =>
    expect((await record(id))?.answers['consent-how']?.value).toBe('Verbally, from both parents'),
  );
  expect((await record(id))?.answers.consent?.value).toBe('yes');
});

it('adds rows to a repeating group with a name per row, and removes one', async () => {
  const user = userEvent.setup();
  const id = await open('context');
  await user.click(screen.getByRole('button', { name: 'Add a person present' }));
  await user.click(await screen.findByRole('button', { name: 'Add another person present' }));
  await waitFor(() => expect(screen.getAllByRole('group', { name: /^Person present \d$/ })).toHaveLength(2));
  const second = screen.getByRole('group', { name: 'Person present 2' });
  const name = within(second).getAllByRole('textbox')[0]!;
  expect(name.getAttribute('id')).toMatch(/^present-/);
  await user.type(name, 'Mother');
  await user.tab();
  await waitFor(async () =>
    expect((await record(id))?.answers.present?.rows?.[1]?.answers['present-name-or-role']?.value).toBe('Mother'),
  );

  await user.click(
    within(screen.getByRole('group', { name: 'Person present 1' })).getByRole('button', {
      name: 'Remove person present 1',
    }),
  );
  await waitFor(async () =>
    expect((await record(id))?.answers.present?.rows?.map((r) => r.answers['present-name-or-role']?.value)).toEqual([
      'Mother',
    ]),
  );
});

it('suggests the section rating from the domain ratings as they are given, and asks for a rationale', async () => {
  const user = userEvent.setup();
  await open('practice');
  expect(screen.getByTestId('suggested-practice').textContent).toMatch(/No suggestion yet/);
  const domain = (label: string) => screen.getByRole('group', { name: label });
  await user.click(within(domain('Planning and purpose')).getByRole('radio', { name: 'Outstanding' }));
  await user.click(within(domain('Knowledge and theory')).getByRole('radio', { name: 'Good' }));
  await waitFor(() =>
    expect(screen.getByTestId('suggested-practice').textContent).toBe('Suggested from your answers: Good'),
  );
  await user.click(screen.getByRole('button', { name: 'Save and go to next section' }));
  const summary = await screen.findByRole('alert', { name: 'This section is not complete yet' });
  expect(
    within(summary).getByRole('link', { name: 'Planning and purpose: Enter the evidence for this answer' }),
  ).toBeTruthy();
  expect(screen.getByRole('textbox', { name: /^Rationale Planning and purpose/ })).toBeTruthy();
});
