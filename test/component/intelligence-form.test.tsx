// The office intelligence form: the GOV.UK-style messages for each kind, linked to their fields
// and gathered in an error summary that takes focus; nothing sent until the entry is complete;
// a failed send (offline, or refused by the server) keeps everything typed.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { IntelligenceEntry } from '../../src/shared/briefings/register';
import type { NewIntelligence, Outcome } from '../../src/app/office/api';
import { IntelligenceForm } from '../../src/app/office/IntelligenceForm';

const TODAY = '2026-06-10';
type Save = (entry: NewIntelligence) => Promise<Outcome<IntelligenceEntry>>;

function setUp(onSave: Save = vi.fn<Save>()) {
  const onSaved = vi.fn();
  render(<IntelligenceForm onSave={onSave} onSaved={onSaved} today={TODAY} />);
  return { user: userEvent.setup(), onSave, onSaved };
}

const submit = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Add intelligence' }));
const summaryLinks = () => within(screen.getByRole('alert', { name: 'There is a problem' })).getAllByRole('link');
const setDate = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

/** Each message is in the summary, linked to its field, and shown by the field it belongs to. */
function expectLinked(messages: Array<[message: string, fieldId: string]>) {
  expect(summaryLinks().map((a) => [a.textContent, a.getAttribute('href')])).toEqual(
    messages.map(([m, id]) => [m, `#${id}`]),
  );
  for (const [message, id] of messages) {
    const described = document.getElementById(`${id}-error`);
    expect(described?.textContent).toBe(message);
    const control = document.getElementById(id) as HTMLInputElement;
    const owner = control.type === 'radio' ? control.closest('fieldset')! : control;
    expect(owner.getAttribute('aria-describedby')).toContain(`${id}-error`);
  }
}

/** Submits the entry and expects the summary to show exactly `messages`, each linked to its field. */
async function submitRefused(user: ReturnType<typeof userEvent.setup>, messages: Array<[string, string]>) {
  await submit(user);
  await screen.findByRole('alert', { name: 'There is a problem' });
  expectLinked(messages);
}

describe('intelligence form validation', () => {
  it('asks for the kind first, moves focus to the error summary, and sends nothing', async () => {
    const { user, onSave } = setUp();
    await submit(user);
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expectLinked([['Select what kind of intelligence this is', 'intel-kind']]);
    expect(onSave).not.toHaveBeenCalled();
    // The summary link moves focus to the first radio of the group.
    await user.click(summaryLinks()[0]!);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'CQC inspection' }));
  });

  it('needs the date, the overall rating and all five key-question ratings of a CQC inspection', async () => {
    const { user, onSave } = setUp();
    await user.click(screen.getByRole('radio', { name: 'CQC inspection' }));
    expect(screen.getByRole('textbox', { name: 'Summary (optional)' })).toBeTruthy();
    await submitRefused(user, [
      ['Enter the date of the inspection', 'intel-date'],
      ['Select the overall rating', 'intel-overall'],
      ['Select the rating for Safe', 'intel-safe'],
      ['Select the rating for Effective', 'intel-effective'],
      ['Select the rating for Caring', 'intel-caring'],
      ['Select the rating for Responsive', 'intel-responsive'],
      ['Select the rating for Well-led', 'intel-well-led'],
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a future date and needs the status and a summary of a complaint', async () => {
    const { user } = setUp();
    await user.click(screen.getByRole('radio', { name: 'Complaint' }));
    setDate('Date received', '2026-06-11');
    await submitRefused(user, [
      ['The date must be today or in the past', 'intel-date'],
      ['Select whether the complaint is open or closed', 'intel-status'],
      ['Enter a summary of the complaint', 'intel-summary'],
    ]);
  });

  it.each([
    [
      'Safeguarding referral',
      [
        ['Enter the date of the referral', 'intel-date'],
        ['Select whether the referral is open or closed', 'intel-status'],
        ['Enter a summary of the referral', 'intel-summary'],
      ],
    ],
    [
      'Incident or notification',
      [
        ['Enter the date of the incident', 'intel-date'],
        ['Select whether the incident was notified to CQC', 'intel-notified-to-cqc'],
        ['Enter a summary of the incident', 'intel-summary'],
      ],
    ],
    [
      'Feedback from a professional',
      [
        ['Enter the date the feedback was given', 'intel-date'],
        ['Select who gave the feedback', 'intel-source'],
        ['Select whether the feedback was positive, mixed or a concern', 'intel-sentiment'],
        ['Enter a summary of the feedback', 'intel-summary'],
      ],
    ],
    [
      'Fire inspection',
      [
        ['Enter the date of the fire inspection', 'intel-date'],
        ['Select the outcome of the fire inspection', 'intel-outcome'],
      ],
    ],
  ] as Array<[string, Array<[string, string]>]>)('names what is missing from a %s', async (kind, messages) => {
    const { user } = setUp();
    await user.click(screen.getByRole('radio', { name: kind }));
    await submitRefused(user, messages);
  });

  it('sends a complete entry and clears the form for the next one', async () => {
    const saved: IntelligenceEntry = {
      id: 'e1',
      providerId: 'willow-bank',
      kind: 'complaint',
      date: '2026-06-02',
      summary: 'Call bell not answered',
      status: 'open',
      recordedBy: 'Gareth Lloyd',
      recordedAt: '2026-06-10T09:00:00Z',
    };
    const { user, onSave, onSaved } = setUp(vi.fn<Save>().mockResolvedValue({ ok: true, value: saved }));
    await user.click(screen.getByRole('radio', { name: 'Complaint' }));
    setDate('Date received', '2026-06-02');
    await user.click(screen.getByRole('radio', { name: 'Open' }));
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), '  Call bell not answered ');
    await submit(user);
    expect(onSave).toHaveBeenCalledWith({
      kind: 'complaint',
      date: '2026-06-02',
      summary: 'Call bell not answered',
      status: 'open',
    });
    expect((await screen.findByRole('status')).textContent).toBe('Complaint added, dated 2 June 2026.');
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect((screen.getByRole('radio', { name: 'Complaint' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps everything typed when the device is offline, and says so in the summary', async () => {
    const offline: Outcome<IntelligenceEntry> = {
      ok: false,
      status: null,
      issues: [],
      message:
        'You are offline. The entry was not saved: this needs a connection. What you entered is still here; send it again when you are connected.',
    };
    const { user } = setUp(vi.fn<Save>().mockResolvedValue(offline));
    await user.click(screen.getByRole('radio', { name: 'Incident or notification' }));
    setDate('Date of incident', '2026-06-01');
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Fall in the lounge');
    await submit(user);
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summaryLinks().map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      [offline.message, '#intel-submit'],
    ]);
    expect((screen.getByRole('radio', { name: 'Incident or notification' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Date of incident') as HTMLInputElement).value).toBe('2026-06-01');
    expect((screen.getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Summary' }) as HTMLTextAreaElement).value).toBe('Fall in the lounge');
  });

  it('puts the server’s field issues next to their fields', async () => {
    const refused: Outcome<IntelligenceEntry> = {
      ok: false,
      status: 422,
      message: 'The request body is not valid',
      issues: [{ path: 'keyQuestions.safe', message: 'Invalid option: expected one of "outstanding"|"good"' }],
    };
    const { user } = setUp(vi.fn<Save>().mockResolvedValue(refused));
    await user.click(screen.getByRole('radio', { name: 'CQC inspection' }));
    setDate('Date of inspection', '2026-03-01');
    for (const label of ['Overall rating', 'Safe', 'Effective', 'Caring', 'Responsive', 'Well-led']) {
      await user.selectOptions(screen.getByRole('combobox', { name: label }), 'Good');
    }
    await submitRefused(user, [['Invalid option: expected one of "outstanding"|"good"', 'intel-safe']]);
    expect((screen.getByRole('combobox', { name: 'Overall rating' }) as HTMLSelectElement).value).toBe('good');
  });
});
