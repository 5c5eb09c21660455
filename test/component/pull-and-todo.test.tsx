// Applying pulls on the device (scoped briefings and assignments trimmed to the server's scope,
// removed providers deleted, templates kept) and the "Visits to do" list built from them.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/preact';
import type { Assignment, Briefing, ProviderRecord } from '../../src/shared/briefings/register';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { applyPull } from '../../src/app/sync/pull';
import { settings } from '../../src/app/sync/settings';
import { db } from '../../src/app/storage/database';
import { VisitsToDo } from '../../src/app/records/VisitsToDo';
import type { RecordSummary } from '../../src/app/records/queries';

import { officer, pullOf as pull, resetDevice } from './helpers';

const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function provider(id: string, over: Partial<ProviderRecord> = {}): ProviderRecord {
  return {
    id,
    name: `Home ${id}`,
    cqcLocationId: null,
    serviceType: 'care-home',
    address: '1 High Street',
    registeredManager: 'A Manager',
    capacity: 30,
    contract: null,
    allocatedOfficerId: null,
    rag: 'green',
    ragReason: '',
    ragChangedAt: null,
    monitoringLevel: 3,
    lastVisitDate: null,
    nextVisitDue: null,
    ...over,
  };
}
function briefing(p: ProviderRecord): Briefing {
  return {
    providerId: p.id,
    compiledAt: new Date().toISOString(),
    provider: p,
    cqc: null,
    complaints: { open: 0, last12Months: 0, recent: [] },
    safeguarding: { open: 0, last12Months: 0, recent: [] },
    incidents: { last12Months: 0, recent: [] },
    feedback: [],
    fireInspection: null,
    openActions: [],
    lastVisit: null,
  };
}
function assignment(id: string, providerId: string, dueDate: string): Assignment {
  return {
    id,
    providerId,
    officerId: officer.id,
    templateId: 'qmf-care-home',
    dueDate,
    announced: true,
    notes: '',
    status: 'open',
  };
}

describe('applying pulls', () => {
  beforeEach(resetDevice);

  it('keeps scoped data to the scope sent with every pull, and deletes removed providers', async () => {
    const a = provider('a');
    const b = provider('b');
    await applyPull(
      pull({
        full: true,
        templates: [qmfCareHomeV1],
        providers: [a, b],
        briefings: [briefing(a), briefing(b)],
        assignments: [assignment('x', 'a', addDays(3))],
        scope: { briefings: ['a', 'b'], assignments: ['x'] },
        pinned: ['b'],
      }),
    );
    expect((await db().briefings.toArray()).map((x) => x.providerId).sort()).toEqual(['a', 'b']);
    expect(settings.get().pinned).toEqual(['b']);

    // Nothing changed for "a"; "b" was unpinned; the assignment was withdrawn; "b" left the register.
    await applyPull(pull({ scope: { briefings: ['a'], assignments: [] }, removed: { providers: ['b'] } }));
    expect((await db().briefings.toArray()).map((x) => x.providerId)).toEqual(['a']);
    expect(await db().assignments.count()).toBe(0);
    expect((await db().providers.toArray()).map((p) => p.id)).toEqual(['a']);
    expect(await db().templates.count()).toBe(1); // templates never leave: drafts may depend on them
  });

  it('a full pull replaces the provider list', async () => {
    await applyPull(pull({ full: true, providers: [provider('a'), provider('b')] }));
    await applyPull(pull({ full: true, providers: [provider('c')] }));
    expect((await db().providers.toArray()).map((p) => p.id)).toEqual(['c']);
  });
});

describe('Visits to do', () => {
  beforeEach(resetDevice);

  it('lists assigned and risk-due visits for this officer, overdue first', async () => {
    const overdue = provider('late', { name: 'Hartwell Lodge', rag: 'amber' });
    const soon = provider('soon', { name: 'Willow Bank' });
    const due = provider('due', {
      name: 'Primrose Villa',
      allocatedOfficerId: officer.id,
      nextVisitDue: addDays(10),
      monitoringLevel: 5,
    });
    const notDue = provider('later', {
      name: 'Laurel Gardens',
      allocatedOfficerId: officer.id,
      nextVisitDue: addDays(200),
    });
    const someoneElse = provider('other', {
      name: 'Oakfield House',
      allocatedOfficerId: 'officer-2',
      nextVisitDue: addDays(-3),
    });
    await applyPull(
      pull({
        full: true,
        providers: [overdue, soon, due, notDue, someoneElse],
        assignments: [
          assignment('x1', 'soon', addDays(5)),
          assignment('x2', 'late', addDays(-4)),
          { ...assignment('x3', 'later', addDays(1)), officerId: 'officer-2' },
        ],
        scope: { briefings: [], assignments: ['x1', 'x2', 'x3'] },
      }),
    );
    render(<VisitsToDo user={officer} visits={[]} />);
    const items = await screen.findAllByTestId('todo');
    expect(items.map((li) => within(li).getAllByRole('link')[0]!.textContent)).toEqual([
      'Hartwell Lodge',
      'Willow Bank',
      'Primrose Villa',
    ]);
    expect(within(items[0]!).getByText('Overdue by 4 days')).toBeTruthy();
    expect(within(items[1]!).getByRole('link', { name: 'Start a visit to Willow Bank' }).getAttribute('href')).toBe(
      '/visits/new?provider=soon&assignment=x1',
    );
    expect(within(items[2]!).getByText(/Due by monitoring level 5/)).toBeTruthy();
  });

  it('shows a visit submitted on this device as submitted, not as one to start again (issue 17)', async () => {
    const assigned = provider('soon', { name: 'Willow Bank', lastVisitDate: '2025-01-10' });
    const due = provider('due', {
      name: 'Primrose Villa',
      allocatedOfficerId: officer.id,
      nextVisitDue: addDays(10),
      lastVisitDate: '2025-06-01',
    });
    await applyPull(
      pull({
        full: true,
        providers: [assigned, due],
        assignments: [assignment('x1', 'soon', addDays(5))],
        scope: { briefings: [], assignments: ['x1'] },
      }),
    );
    const summary = (id: string, providerId: string, over: Partial<RecordSummary>): RecordSummary =>
      ({
        id,
        ownerId: officer.id,
        kind: 'visit',
        status: 'queued',
        details: { providerId, date: addDays(0), announced: true, spokeWith: '' },
        assignmentId: null,
        subjectName: providerId,
        ...over,
      }) as RecordSummary;
    // Queued from the assignment; and an older visit to the risk-due provider, already counted by the council.
    const visits = [
      summary('r1', 'soon', { assignmentId: 'x1' }),
      summary('r0', 'due', {
        status: 'sent',
        details: { providerId: 'due', date: '2025-06-01', announced: true, spokeWith: '' },
      }),
    ];
    const { rerender } = render(<VisitsToDo user={officer} visits={visits} />);
    let items = await screen.findAllByTestId('todo');
    expect(within(items[0]!).getByText('Submitted, waiting to send')).toBeTruthy();
    expect(within(items[0]!).queryByRole('link', { name: /Start a visit/ })).toBeNull();
    expect(
      within(items[0]!).getByRole('link', { name: 'See the visit you submitted to Willow Bank' }).getAttribute('href'),
    ).toBe('/visits/r1/check');
    expect(within(items[1]!).getByRole('link', { name: 'Start a visit to Primrose Villa' })).toBeTruthy();

    // A visit sent (or refused) after the council's last known visit counts too, until the next pull.
    rerender(<VisitsToDo user={officer} visits={[...visits, summary('r2', 'due', { status: 'attention' })]} />);
    items = await screen.findAllByTestId('todo');
    expect(within(items[1]!).getByText('Submitted, needs attention')).toBeTruthy();
    expect(within(items[1]!).queryByRole('link', { name: /Start a visit/ })).toBeNull();
  });
});
