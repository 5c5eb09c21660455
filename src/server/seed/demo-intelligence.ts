// Invented demo intelligence and assignments, dated relative to the day the demo is seeded so the
// briefings look current whenever someone tries the app. Deterministic per provider. Nothing is
// dated inside the demo history (demo-history-data.ts), whose quarter's report is a fixture.
import type { Assignment, CqcRating, IntelligenceEntry, VisitAction } from '../../shared/briefings/register';
import { NOT_CQC_REGISTERED, type DemoProvider } from './demo-data';
import { HISTORY_ENDS } from './demo-history-data';
import { addDays } from '../../shared/calendar';

type Draft = IntelligenceEntry extends infer E
  ? E extends IntelligenceEntry
    ? Omit<E, 'id' | 'providerId' | 'recordedBy' | 'recordedAt'>
    : never
  : never;

const CQC_BY_RAG: Record<DemoProvider['rag'], CqcRating> = {
  green: 'good',
  amber: 'requires-improvement',
  red: 'inadequate',
};

export function demoIntelligence(p: DemoProvider, i: number, today: string): Draft[] {
  const overall = i % 5 === 0 && p.rag === 'green' ? 'outstanding' : CQC_BY_RAG[p.rag];
  const weaker: CqcRating = p.rag === 'green' ? 'good' : 'requires-improvement';
  const day = (n: number) => recent(today, n);
  const entries: Draft[] = [
    {
      kind: 'cqc-inspection',
      date: day(120 + i * 23),
      overall,
      keyQuestions: {
        safe: p.rag === 'red' ? 'inadequate' : weaker,
        effective: overall,
        caring: p.rag === 'red' ? 'requires-improvement' : 'good',
        responsive: overall,
        wellLed: weaker,
      },
      summary: `CQC inspection report published; rated ${overall.replace('-', ' ')} overall.`,
    },
    {
      kind: 'complaint',
      date: day(200 + i * 5),
      status: 'closed',
      summary: 'Relative complained about laundry going missing; resolved with a new labelling system.',
    },
    {
      kind: 'feedback',
      date: day(40 + i * 3),
      source: 'gp',
      sentiment: p.rag === 'green' ? 'positive' : 'mixed',
      summary: 'GP practice reports timely referrals; medication reviews sometimes delayed.',
    },
    {
      kind: 'feedback',
      date: day(75 + i * 2),
      source: 'district-nurse',
      sentiment: p.rag === 'red' ? 'concern' : 'positive',
      summary: 'District nurses note pressure care charts are kept up to date on most visits.',
    },
    {
      kind: 'feedback',
      date: day(30 + i),
      source: 'social-work',
      sentiment: p.rag === 'green' ? 'positive' : 'mixed',
      summary: 'Social worker found care plans person-centred; one review meeting was rescheduled twice.',
    },
    {
      kind: 'fire-inspection',
      date: day(300 + i * 11),
      outcome: p.rag === 'red' ? 'action-required' : 'satisfactory',
      summary:
        p.rag === 'red'
          ? 'Fire door closers on the first floor to be repaired within 28 days.'
          : 'No deficiencies found.',
    },
  ];
  if (p.rag !== 'green') {
    entries.push({
      kind: 'complaint',
      date: day(14 + i),
      status: 'open',
      summary: 'Family concerned about call bells not being answered at night.',
    });
    entries.push({
      kind: 'safeguarding-referral',
      date: day(60 + i * 4),
      status: 'closed',
      summary: 'Unexplained bruising; investigation found a moving-and-handling training gap, now addressed.',
    });
    entries.push({
      kind: 'feedback',
      date: day(50 + i),
      source: 'continuing-care',
      sentiment: 'concern',
      summary: 'Continuing Care reviewer found a nursing assessment out of date.',
    });
  }
  if (p.rag === 'red') {
    entries.push({
      kind: 'safeguarding-referral',
      date: day(9 + i),
      status: 'open',
      summary: 'Alleged neglect reported by a visiting relative; section 42 enquiry open.',
    });
    entries.push({
      kind: 'incident',
      date: day(20 + i),
      notifiedToCqc: true,
      summary: 'Resident fall resulting in a hip fracture; notified to CQC.',
    });
  }
  // Day services and advice are not registered with CQC (seed 004 §3): no inspection to report.
  return NOT_CQC_REGISTERED.has(p.serviceType) ? entries.filter((e) => e.kind !== 'cqc-inspection') : entries;
}

/** `days` before today, but never inside the demo history. */
function recent(today: string, days: number): string {
  const day = addDays(today, -days);
  const after = addDays(HISTORY_ENDS, 1);
  return day < after ? after : day;
}

/** Open assignments: two or three for officer@, one for officer2@. */
export function demoAssignments(
  today: string,
): Array<Omit<Assignment, 'officerId' | 'id'> & { id: string; officerEmail: string }> {
  const base = { templateId: 'qmf-care-home', status: 'open' as const };
  return [
    {
      ...base,
      id: 'demo-assign-willow-bank',
      providerId: 'willow-bank',
      officerEmail: 'officer@example.org',
      dueDate: addDays(today, 5),
      announced: true,
      notes: 'Annual contract review visit; agreed with the registered manager.',
    },
    {
      ...base,
      id: 'demo-assign-hartwell-lodge',
      providerId: 'hartwell-lodge',
      officerEmail: 'officer@example.org',
      dueDate: addDays(today, -3),
      announced: false,
      notes: 'Unannounced follow-up on the open complaint about night-time call bells.',
    },
    {
      ...base,
      id: 'demo-assign-the-beeches',
      providerId: 'the-beeches',
      officerEmail: 'officer@example.org',
      dueDate: addDays(today, 12),
      announced: false,
      notes: 'Quarterly visit (monitoring level 5).',
    },
    {
      ...base,
      id: 'demo-assign-meadowview-court',
      providerId: 'meadowview-court',
      officerEmail: 'officer2@example.org',
      dueDate: addDays(today, 9),
      announced: true,
      notes: 'Six-monthly review.',
    },
  ];
}

/** Open actions from earlier (imagined) visits, so briefings show what to follow up. */
export function demoActions(today: string): VisitAction[] {
  const base = { status: 'open' as const, sourceSubmissionId: null };
  return [
    {
      ...base,
      id: 'demo-action-willow-bank-1',
      providerId: 'willow-bank',
      title: 'Complete supervision for all night staff',
      detail: 'Four night carers had no recorded supervision in the last six months.',
      significance: 'significant',
      owner: 'Registered manager',
      dueDate: addDays(today, 20),
      raisedOn: recent(today, 70),
    },
    {
      ...base,
      id: 'demo-action-willow-bank-2',
      providerId: 'willow-bank',
      title: 'Record fridge temperatures daily',
      detail: 'Gaps found in the medicines fridge log.',
      significance: 'routine',
      owner: 'Deputy manager',
      dueDate: addDays(today, -5),
      raisedOn: recent(today, 70),
    },
    {
      ...base,
      id: 'demo-action-hartwell-lodge-1',
      providerId: 'hartwell-lodge',
      title: 'Audit call-bell response times at night',
      detail: 'Follow up the complaint about call bells not answered promptly.',
      significance: 'significant',
      owner: 'Registered manager',
      dueDate: addDays(today, -10),
      raisedOn: recent(today, 100),
    },
    {
      ...base,
      id: 'demo-action-the-beeches-1',
      providerId: 'the-beeches',
      title: 'Review every resident’s falls risk assessment',
      detail: 'Falls risk assessments were over three months old.',
      significance: 'significant',
      owner: 'Clinical lead',
      dueDate: addDays(today, 14),
      raisedOn: recent(today, 76),
    },
  ];
}
