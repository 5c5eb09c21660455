// The monitoring level and RAG section of a provider's office page (issue 15): where the provider
// stands, the risk matrix's suggestion with its reasons; a decision is checked on the page first
// (a choice; for an override a level, a RAG different from the suggestion, and a reason), a
// confirmation sends the suggestion as seen, a stale suggestion (409) is shown again, and people
// who may not decide see no form.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ProviderRecord } from '../../src/shared/briefings/register';
import type { MonitoringState } from '../../src/shared/providers/api-schemas';

const api = vi.hoisted(() => ({ loadMonitoring: vi.fn(), decideMonitoring: vi.fn() }));
vi.mock('../../src/app/office/monitoring-api', () => api);
vi.mock('../../src/app/sync/control', () => ({ syncNow: vi.fn() }));

const { MonitoringSection } = await import('../../src/app/office/MonitoringSection');

const provider: ProviderRecord = {
  id: 'hartwell-lodge',
  name: 'Hartwell Lodge Nursing Home',
  cqcLocationId: null,
  serviceType: 'nursing-home',
  address: '',
  registeredManager: '',
  capacity: null,
  contract: null,
  allocatedOfficerId: null,
  rag: 'amber',
  ragReason: '',
  ragChangedAt: null,
  monitoringLevel: 3,
  lastVisitDate: '2026-08-12',
  nextVisitDue: '2027-08-12',
  lastReviewDate: null,
  nextDeskReviewDue: null,
};
const state: MonitoringState = {
  provider,
  suggestion: {
    level: 5,
    rag: 'red',
    reasons: [
      { criterion: 'combined', rag: 'red', text: '3 separate Amber concerns together make Red.' },
      { criterion: 'visit', rag: 'amber', text: 'The latest monitoring visit, on 12 August 2026, was rated Amber.' },
      { criterion: 'service-type', rag: null, text: 'Nursing home: care or support …' },
    ],
  },
  reviews: [],
  mayDecide: true,
};

function setUp() {
  const onDecided = vi.fn();
  render(<MonitoringSection providerId="hartwell-lodge" version={0} onDecided={onDecided} />);
  return { user: userEvent.setup(), onDecided };
}
const submit = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Record the review' }));

describe('monitoring section', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    api.loadMonitoring.mockResolvedValue({ ok: true, value: state });
  });

  it('shows where the provider stands and what the matrix suggests, with its reasons', async () => {
    setUp();
    const suggestion = await screen.findByTestId('suggestion');
    expect(suggestion.textContent?.replace(/\s+/g, ' ')).toBe('Level 5, RAG Red (now level 3, Amber)');
    const reasons = screen.getByRole('list', { name: 'Why the risk matrix suggests this' });
    expect(reasons.textContent).toContain('3 separate Amber concerns together make Red.');
    expect(screen.getByText('Never reviewed')).toBeTruthy();
    expect(screen.getByText('Level 3: scheduled visits', { exact: false })).toBeTruthy();
  });

  it('asks for a choice, and for an override a different level or RAG and a reason, before sending', async () => {
    const { user } = setUp();
    await screen.findByTestId('suggestion');
    await submit(user);
    expect(await screen.findAllByText(/Select whether you confirm the suggestion/)).not.toHaveLength(0);
    await user.click(screen.getByRole('radio', { name: 'Set a different level or RAG' }));
    await user.selectOptions(screen.getByLabelText('Monitoring level'), '5');
    await user.click(screen.getByRole('radio', { name: 'Red' }));
    await submit(user);
    expect(await screen.findAllByText(/That is the suggestion/)).not.toHaveLength(0);
    expect(screen.getAllByText(/Give the reason for a level or RAG different/)).not.toHaveLength(0);
    expect(api.decideMonitoring).not.toHaveBeenCalled();
  });

  it('confirms the suggestion as it was seen, says so and hands the provider on', async () => {
    const decided = { ...state, provider: { ...provider, monitoringLevel: 5, rag: 'red' as const } };
    api.decideMonitoring.mockResolvedValue({ ok: true, value: decided });
    const { user, onDecided } = setUp();
    await screen.findByTestId('suggestion');
    await user.click(screen.getByRole('radio', { name: 'Confirm the suggestion: level 5, Red' }));
    await user.type(screen.getByLabelText('Note (optional)'), 'Agreed.');
    await submit(user);
    await screen.findByText(/Review recorded: level 5, Red, as suggested\./);
    expect(api.decideMonitoring).toHaveBeenCalledWith('hartwell-lodge', {
      level: 5,
      rag: 'red',
      reason: 'Agreed.',
      suggested: { level: 5, rag: 'red' },
    });
    expect(onDecided).toHaveBeenCalledWith(decided.provider);
  });

  it('shows a refusal and asks for the suggestion again when it has changed', async () => {
    api.decideMonitoring.mockResolvedValue({
      ok: false,
      message: 'The suggestion has changed since the page was loaded (new evidence).',
      issues: [],
      status: 409,
    });
    const { user } = setUp();
    await screen.findByTestId('suggestion');
    await user.click(screen.getByRole('radio', { name: 'Confirm the suggestion: level 5, Red' }));
    await submit(user);
    expect(await screen.findAllByText(/The suggestion has changed/)).not.toHaveLength(0);
    await waitFor(() => expect(api.loadMonitoring).toHaveBeenCalledTimes(2));
  });

  it('offers no decision to someone who may not make it', async () => {
    api.loadMonitoring.mockResolvedValue({ ok: true, value: { ...state, mayDecide: false } });
    setUp();
    await screen.findByTestId('suggestion');
    expect(screen.queryByRole('button', { name: 'Record the review' })).toBeNull();
    expect(screen.getByText(/can confirm or change these/)).toBeTruthy();
  });
});
