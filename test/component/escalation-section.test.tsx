// The escalation section of a provider's office page (seed 004 §22): the open escalation with its
// steps and the earlier ones; closing it is checked on the page first (an outcome, a summary, a
// date no earlier than its last step), a refusal from the server is shown against its field and
// keeps what was typed, and a closed escalation leaves the form to open a new one.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { addDays, calendarDay } from '../../src/shared/calendar';
import type { Escalation } from '../../src/shared/escalations/schema';

const api = vi.hoisted(() => ({
  loadEscalations: vi.fn(),
  openEscalation: vi.fn(),
  addEscalationStep: vi.fn(),
  closeEscalation: vi.fn(),
  loadOpenEscalations: vi.fn(),
}));
vi.mock('../../src/app/office/escalations-api', () => api);

const { EscalationSection } = await import('../../src/app/office/EscalationSection');

const today = calendarDay(new Date());
const day = (n: number) => addDays(today, n);

const open: Escalation = {
  id: '11111111-1111-4111-8111-111111111111',
  providerId: 'the-beeches',
  trigger: 'failed-cqc-inspection',
  reason: 'Rated inadequate overall.',
  openedOn: day(-20),
  openedBy: 'Gareth Lloyd',
  openedAt: `${day(-20)}T10:00:00.000Z`,
  status: 'open',
  steps: [
    {
      id: 's1',
      kind: 'placement-embargo',
      date: day(-5),
      owner: 'Gareth Lloyd',
      note: 'No new placements.',
      recordedBy: 'Gareth Lloyd',
      recordedAt: `${day(-5)}T10:00:00.000Z`,
    },
  ],
  closure: null,
};
const earlier: Escalation = {
  ...open,
  id: '22222222-2222-4222-8222-222222222222',
  trigger: 'significant-incident',
  reason: 'A resident was scalded.',
  openedOn: '2025-01-10',
  status: 'closed',
  steps: [],
  closure: {
    outcome: 'concerns-resolved',
    summary: 'Water temperatures checked weekly.',
    closedOn: '2025-03-01',
    closedBy: 'Gareth Lloyd',
    closedAt: '2025-03-01T10:00:00.000Z',
  },
};

function setUp() {
  const onChanged = vi.fn();
  render(<EscalationSection providerId="the-beeches" onChanged={onChanged} />);
  return { user: userEvent.setup(), onChanged };
}
const closeForm = () => screen.getByRole('form', { name: 'Close the escalation' });

describe('escalation section', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    api.loadEscalations.mockResolvedValue({ ok: true, value: [open, earlier] });
  });

  it('shows the open escalation with its steps, and the earlier ones', async () => {
    setUp();
    await screen.findByText('Failed CQC inspection');
    expect(screen.getByText('In escalation')).toBeTruthy();
    const steps = screen.getByRole('list', { name: 'Steps taken, oldest first' });
    expect(within(steps).getByText(/Placement embargo or suspension/)).toBeTruthy();
    expect(within(screen.getByTestId('closed-escalations')).getByText('Concerns resolved')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Put into escalation' })).toBeNull();
  });

  it('checks the closure on the page, keeps it after a refusal, and offers a new escalation once closed', async () => {
    const { user, onChanged } = setUp();
    await screen.findByText('Failed CQC inspection');
    await user.click(within(closeForm()).getByRole('button', { name: 'Close escalation' }));
    const summary = await within(closeForm()).findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Select the outcome', 'Enter what was found and decided']);
    await user.click(within(closeForm()).getByRole('radio', { name: 'Concerns resolved' }));
    await user.type(within(closeForm()).getByLabelText('What was found and decided'), 'Actions verified.');
    fireEvent.input(within(closeForm()).getByLabelText('Closing date'), { target: { value: day(-6) } });
    await user.click(within(closeForm()).getByRole('button', { name: 'Close escalation' }));
    await within(closeForm()).findAllByText(/The closing date cannot be before its last step/);
    expect(api.closeEscalation).not.toHaveBeenCalled();

    fireEvent.input(within(closeForm()).getByLabelText('Closing date'), { target: { value: today } });
    api.closeEscalation.mockResolvedValueOnce({
      ok: false,
      message: 'The request body is not valid',
      issues: [{ path: 'closedOn', message: 'The closing date cannot be after today' }],
      status: 422,
    });
    await user.click(within(closeForm()).getByRole('button', { name: 'Close escalation' }));
    await within(closeForm()).findAllByText('The closing date cannot be after today');
    expect((within(closeForm()).getByLabelText('What was found and decided') as HTMLTextAreaElement).value).toBe(
      'Actions verified.',
    );

    api.closeEscalation.mockResolvedValueOnce({
      ok: true,
      value: { ...open, status: 'closed', closure: { ...earlier.closure!, closedOn: today } },
    });
    await user.click(within(closeForm()).getByRole('button', { name: 'Close escalation' }));
    await screen.findByText('Escalation closed: Concerns resolved.');
    expect(api.closeEscalation).toHaveBeenLastCalledWith(open.id, {
      outcome: 'concerns-resolved',
      summary: 'Actions verified.',
      closedOn: today,
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('form', { name: 'Put into escalation' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('closed-escalations').children.length).toBe(2));
  });

  it('says so when the escalations cannot be loaded', async () => {
    api.loadEscalations.mockResolvedValue({ ok: false, message: 'You are offline.', issues: [], status: null });
    setUp();
    expect((await screen.findByRole('alert')).textContent).toBe('You are offline.');
  });
});
