// AreaPage over a real draft in IndexedDB: choices and notes autosave with no button (§5),
// the error summary names what is missing, and every field can be found by its accessible name.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { AreaPage } from '../../src/app/records/AreaPage';
import { LiveVisit, record, resetDevice, startQmfVisit, storeTemplate } from './helpers';

const staffing = qmfCareHomeV1.sections.find((s) => s.id === 'staffing')!;
const residents = qmfCareHomeV1.sections.find((s) => s.id === 'resident-feedback')!;
const rota = staffing.items[0]!;
const agency = staffing.items[2]!;
const optionLabels = qmfCareHomeV1.responseOptions.map((o) => o.label);

async function openArea(sectionId = 'staffing') {
  const id = await startQmfVisit();
  render(<LiveVisit id={id}>{(visit) => <AreaPage visit={visit} sectionId={sectionId} />}</LiveVisit>);
  const title = qmfCareHomeV1.sections.find((s) => s.id === sectionId)!.title;
  await screen.findByRole('heading', { level: 1, name: title });
  return id;
}

const itemGroup = (label: string) => screen.getByRole('group', { name: label });
/** The evidence box of one item: its accessible name starts "Evidence" and names the item. */
const evidenceFor = (label: string) =>
  screen.getByRole('textbox', { name: (name) => name.startsWith('Evidence') && name.includes(label) });

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
});

describe('autosave', () => {
  it('stores a chosen answer in IndexedDB without pressing any button', async () => {
    const user = userEvent.setup();
    const id = await openArea();
    await user.click(within(itemGroup(rota.label)).getByRole('radio', { name: 'Partly met' }));

    await waitFor(async () => expect((await record(id))?.answers[rota.id]).toEqual({ value: 'partly-met', note: '' }));
    expect((within(itemGroup(rota.label)).getByRole('radio', { name: 'Partly met' }) as HTMLInputElement).checked).toBe(
      true,
    );

    await user.click(screen.getByRole('radio', { name: 'Amber' }));
    await waitFor(async () => expect((await record(id))?.sectionRatings.staffing).toBe('amber'));
  });

  it('stores an evidence note after a short pause in typing, while the field still has focus', async () => {
    const user = userEvent.setup();
    const id = await openArea();
    await user.click(within(itemGroup(rota.label)).getByRole('radio', { name: 'Partly met' }));
    await waitFor(async () => expect((await record(id))?.answers[rota.id]?.value).toBe('partly-met'));

    const note = evidenceFor(rota.label);
    await user.type(note, 'Two night shifts ran one carer short');
    // Not written on every keystroke (the pause is 400 ms) ...
    expect((await record(id))?.answers[rota.id]?.note).toBe('');
    // ... but soon after typing stops, with the cursor still in the box.
    await waitFor(async () =>
      expect((await record(id))?.answers[rota.id]).toEqual({
        value: 'partly-met',
        note: 'Two night shifts ran one carer short',
      }),
    );
    expect(document.activeElement).toBe(note);
  });

  it('stores an evidence note as soon as the field loses focus, before the pause has run out', async () => {
    // The typing pause's timer (400 ms) never fires in this test, so only the blur can save the note:
    // the test does not depend on how fast a loaded machine runs.
    const realSetTimeout = globalThis.setTimeout;
    const pauseTimer = vi
      .spyOn(globalThis, 'setTimeout')
      .mockImplementation(((handler: () => void, ms?: number, ...args: unknown[]) =>
        ms === 400 ? 0 : realSetTimeout(handler, ms, ...args)) as typeof setTimeout);
    const user = userEvent.setup();
    const id = await openArea();

    await user.type(evidenceFor(agency.label), 'Agency profiles on file');
    expect((await record(id))?.answers[agency.id]).toBeUndefined();
    await user.tab();
    // Saving seals the answers (issue 14); on a loaded machine that can outlast waitFor's 1 s default.
    await waitFor(
      async () =>
        expect((await record(id))?.answers[agency.id]).toEqual({ value: null, note: 'Agency profiles on file' }),
      { timeout: 5000 },
    );
    expect(pauseTimer.mock.calls.some(([, ms]) => ms === 400)).toBe(true);
  });
});

afterEach(() => vi.restoreAllMocks());

describe('finishing an area with gaps', () => {
  it('shows "This area is not complete yet" with a link naming each unanswered item, and stays on the page', async () => {
    const user = userEvent.setup();
    const id = await openArea();
    await user.click(within(itemGroup(rota.label)).getByRole('radio', { name: 'Not met' }));
    await waitFor(async () => expect((await record(id))?.answers[rota.id]?.value).toBe('not-met'));
    const path = location.pathname;

    await user.click(screen.getByRole('button', { name: 'Save and go to next area' }));

    const summary = await screen.findByRole('alert', { name: 'This area is not complete yet' });
    const links = within(summary)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      `${rota.label}: Enter the evidence for this answer`,
      ...staffing.items.slice(1).map((item) => `${item.label}: Select an answer`),
      'Give this area a rating',
    ]);
    expect(location.pathname).toBe(path);
    await waitFor(() => expect(document.activeElement).toBe(summary));

    // A link takes the person to the field it names.
    await user.click(within(summary).getByRole('link', { name: new RegExp(agency.label.slice(0, 30)) }));
    expect(document.activeElement).toBe(within(itemGroup(agency.label)).getByRole('radio', { name: 'Met' }));
  });

  it('opens the next area clean: the same page shown for another section carries no errors over (issue 17)', async () => {
    const user = userEvent.setup();
    const id = await startQmfVisit();
    const next = qmfCareHomeV1.sections[1]!;
    const { rerender } = render(
      <LiveVisit id={id}>{(visit) => <AreaPage visit={visit} sectionId="staffing" />}</LiveVisit>,
    );
    await screen.findByRole('heading', { level: 1, name: staffing.title });
    await user.click(screen.getByRole('button', { name: 'Save and go to next area' }));
    await screen.findByRole('alert', { name: 'This area is not complete yet' });

    // As the router does on "Save and go to next area": the same component, another section.
    rerender(<LiveVisit id={id}>{(visit) => <AreaPage visit={visit} sectionId={next.id} />}</LiveVisit>);
    await screen.findByRole('heading', { level: 1, name: next.title });
    expect(screen.queryByRole('alert', { name: /not complete yet/ })).toBeNull();
    expect(document.querySelectorAll('.error-message')).toHaveLength(0);
  });
});

describe('accessible names', () => {
  it('names every radio within a group named by its item, and the rating radios within the rating group', async () => {
    await openArea();
    for (const item of staffing.items) {
      expect(within(itemGroup(item.label)).getAllByRole('radio')).toHaveLength(optionLabels.length);
      for (const label of optionLabels) within(itemGroup(item.label)).getByRole('radio', { name: label });
    }
    const rating = screen.getByRole('group', { name: 'Rating for staffing levels and recruitment' });
    expect(within(rating).getAllByRole('radio').length).toBe(3);
    for (const label of ['Green', 'Amber', 'Red']) within(rating).getByRole('radio', { name: label });
    const itemRadios = staffing.items.length * optionLabels.length;
    expect(screen.getAllByRole('radio')).toHaveLength(itemRadios + 3);
  });

  it('gives every text box a label that says which item it belongs to', async () => {
    await openArea('resident-feedback');
    const noted = residents.items.filter((item) => item.type === 'choice' && item.note !== 'none');
    for (const item of noted) expect(evidenceFor(item.label)).toBeInstanceOf(HTMLTextAreaElement);
    expect(screen.getByLabelText('What people told us (optional)')).toBeInstanceOf(HTMLTextAreaElement);
    expect(screen.getAllByRole('textbox')).toHaveLength(noted.length + 1);
  });
});
