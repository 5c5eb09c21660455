// The demo's history: a year of monitoring visits up to and including one complete quarter,
// Q2 2026/27 (July to September 2026), with observations, audits, actions and their closure, RAG
// changes and intelligence on fixed dates. The quarterly report for that quarter is worked out by
// hand in test/fixtures/demo-quarter.ts; the unit test and the browser test both hold to it. Every
// name is invented. Dates the rest of the demo sets relative to today are kept after this quarter
// (HISTORY_ENDS) so they never change its figures.
import type { IntelligenceKind, Rag } from '../../shared/briefings/register';
import type { EscalationStepKind, EscalationTrigger } from '../../shared/escalations/schema';
import { builtInTemplates } from '../../shared/templates/index';
import type { Template } from '../../shared/templates/schema';
import { preferredTemplate } from '../../shared/templates/service-types';
import { demoProviders } from './demo-data';

/** The last day of the history: relative demo dates are never earlier than the day after. */
export const HISTORY_ENDS = '2026-09-30';
/** The day the demo providers joined the register. */
export const REGISTERED_ON = '2025-04-01';

export type HistoryAction = {
  title: string;
  /** The item (or section) it was raised from. */
  item: string;
  significance: 'significant' | 'routine';
  /** When it was closed, and as what; absent while open. */
  closed?: { on: string; status: 'done' | 'verified' };
};

type Review = 'signed-off' | 'submitted';

/** The newest version of each built-in provider template, in the built-in order. */
const latestProviderTemplates = builtInTemplates.filter(
  (t) => t.subject === 'provider' && !builtInTemplates.some((o) => o.id === t.id && o.version > t.version),
);

/**
 * The template a provider's demo visits are recorded on: the one made for its kind of service, by
 * the same rule that offers templates on a device (home care to home care, supported living to
 * supported living, the care home QMF to care and nursing homes).
 */
export function historyVisitTemplate(providerId: string): Template {
  const serviceType = demoProviders.find((p) => p.id === providerId)?.serviceType;
  const found = preferredTemplate(latestProviderTemplates, serviceType);
  if (found === undefined) throw new Error(`demo history: no template for provider ${providerId}`);
  return found;
}

type HistoryVisit = {
  provider: string;
  date: string;
  officer: typeof OFFICER | typeof OFFICER2;
  /** Areas below green (the rest are green); the overall RAG follows the weakest area (visitOverall). */
  areas?: Record<string, 'amber' | 'red'>;
  /** Signed off unless said. */
  review?: Review;
  actions?: HistoryAction[];
};

type HistoryPractice = {
  kind: 'observation' | 'audit';
  date: string;
  practitioner: string;
  caseReference?: string;
  /** Rating per rated section (observation: practice; audit: the five standards). */
  ratings: Record<string, string>;
  overall: string;
  /** The day it was marked complete on the manager's device (the write-up is measured to it). */
  completed: string;
  received: string;
  /** Audits: the day the summary went to the worker and their manager; absent when not recorded. */
  feedbackSent?: string;
  review: Review;
  actions?: HistoryAction[];
};

const OFFICER = 'officer@example.org';
const OFFICER2 = 'officer2@example.org';
const AMBER = 'amber' as const;
const RED = 'red' as const;

/** A history visit's overall RAG: its weakest area's, green when every area is. */
export const visitOverall = (visit: HistoryVisit): Rag => {
  const areas = Object.values(visit.areas ?? {});
  return areas.includes('red') ? 'red' : areas.includes('amber') ? 'amber' : 'green';
};

export const historyVisits: HistoryVisit[] = [
  // Before the quarter: each provider's last visit, which sets when the next one falls due.
  { provider: 'laurel-gardens', date: '2024-11-12', officer: OFFICER },
  { provider: 'st-aidans-nursing-home', date: '2025-05-20', officer: OFFICER },
  { provider: 'heathcote-manor', date: '2025-06-18', officer: OFFICER2, areas: { training: AMBER } },
  { provider: 'kindred-homecare', date: '2025-07-03', officer: OFFICER },
  { provider: 'oakfield-house', date: '2025-08-15', officer: OFFICER, areas: { medicines: AMBER } },
  { provider: 'willow-bank', date: '2025-09-10', officer: OFFICER },
  { provider: 'hartwell-lodge', date: '2025-09-25', officer: OFFICER },
  { provider: 'brightside-home-care', date: '2025-10-02', officer: OFFICER },
  { provider: 'riverside-care-services', date: '2025-11-05', officer: OFFICER2, areas: { staffing: AMBER } },
  { provider: 'the-old-rectory', date: '2025-12-01', officer: OFFICER },
  { provider: 'sunnyside-lodge', date: '2026-01-20', officer: OFFICER, areas: { 'resident-care': AMBER } },
  {
    provider: 'meadowview-court',
    date: '2026-02-10',
    officer: OFFICER2,
    areas: { staffing: AMBER },
    actions: [
      {
        title: 'Reduce reliance on agency nurses at night',
        item: 'staffing-agency',
        significance: 'significant',
        closed: { on: '2026-04-28', status: 'verified' },
      },
    ],
  },
  {
    provider: 'cornerstone-support',
    date: '2026-03-05',
    officer: OFFICER,
    areas: { supervision: AMBER },
    actions: [
      { title: 'Record supervision for every care worker', item: 'supervision-frequency', significance: 'routine' },
    ],
  },
  {
    provider: 'primrose-villa',
    date: '2026-04-22',
    officer: OFFICER,
    areas: { 'resident-care': AMBER },
    actions: [{ title: 'Review care plans every month', item: 'care-plans-reviewed', significance: 'significant' }],
  },
  {
    provider: 'the-beeches',
    date: '2026-05-14',
    officer: OFFICER,
    areas: { training: AMBER },
    actions: [
      {
        title: 'Moving and handling training for all care staff',
        item: 'training-moving-handling',
        significance: 'significant',
        closed: { on: '2026-09-20', status: 'verified' },
      },
    ],
  },
  {
    provider: 'ashdown-view',
    date: '2026-06-09',
    officer: OFFICER2,
    areas: { management: AMBER, safeguarding: RED },
    actions: [{ title: 'Update the fire risk assessment', item: 'management-fire-safety', significance: 'routine' }],
  },
  // Supported living, on the supported living template: next due a year on, after the quarter.
  { provider: 'elmstead-supported-living', date: '2026-06-24', officer: OFFICER },

  // The quarter.
  { provider: 'oakfield-house', date: '2026-07-08', officer: OFFICER },
  {
    provider: 'the-beeches',
    date: '2026-07-15',
    officer: OFFICER,
    areas: { safeguarding: RED, medicines: AMBER, staffing: AMBER },
    actions: [
      {
        title: 'Refer every unexplained injury to the safeguarding team',
        item: 'safeguarding-referrals',
        significance: 'significant',
        closed: { on: '2026-09-30', status: 'verified' },
      },
      {
        title: 'Count controlled drugs at every handover',
        item: 'medicines-controlled-drugs',
        significance: 'significant',
        closed: { on: '2026-10-20', status: 'done' },
      },
      { title: 'Fill the two night-time vacancies', item: 'staffing-vacancies', significance: 'routine' },
    ],
  },
  {
    provider: 'meadowview-court',
    date: '2026-07-22',
    officer: OFFICER2,
    areas: { training: AMBER },
    actions: [
      {
        title: 'Bring dementia training up to date',
        item: 'training-specialist',
        significance: 'significant',
        closed: { on: '2026-10-01', status: 'done' },
      },
    ],
  },
  {
    provider: 'primrose-villa',
    date: '2026-07-27',
    officer: OFFICER,
    areas: { safeguarding: RED, management: AMBER, 'resident-feedback': AMBER },
    actions: [
      {
        title: 'Train all staff to recognise and report abuse',
        item: 'safeguarding-policy',
        significance: 'significant',
      },
      {
        title: 'Keep residents\u2019 money records countersigned',
        item: 'management-residents-money',
        significance: 'routine',
      },
    ],
  },
  {
    provider: 'hartwell-lodge',
    date: '2026-08-12',
    officer: OFFICER,
    areas: { supervision: AMBER, 'resident-care': AMBER },
    actions: [
      {
        title: 'Complete pressure care charts on every shift',
        item: 'care-falls-pressure',
        significance: 'significant',
        closed: { on: '2026-11-01', status: 'done' },
      },
    ],
  },
  {
    provider: 'ashdown-view',
    date: '2026-09-01',
    officer: OFFICER2,
    areas: { medicines: AMBER },
    review: 'submitted',
    actions: [
      { title: 'Record the reason for every as-required medicine', item: 'medicines-prn', significance: 'significant' },
    ],
  },
  { provider: 'heathcote-manor', date: '2026-09-17', officer: OFFICER2, review: 'submitted' },
];

/** By the team manager (manager@example.org), of practitioners in their team. */
export const historyPractice: HistoryPractice[] = [
  {
    kind: 'observation',
    date: '2026-07-09',
    practitioner: 'Sam Patel',
    ratings: { practice: 'good' },
    overall: 'good',
    completed: '2026-07-11',
    received: '2026-07-12',
    review: 'signed-off',
  },
  {
    kind: 'audit',
    date: '2026-07-20',
    practitioner: 'Sam Patel',
    caseReference: 'CF-20417',
    ratings: { safe: 'green', experience: 'green', workforce: 'green', equality: 'green', resources: 'green' },
    overall: 'green',
    completed: '2026-07-22',
    received: '2026-07-23',
    feedbackSent: '2026-07-21',
    review: 'signed-off',
  },
  {
    kind: 'observation',
    date: '2026-08-04',
    practitioner: 'Jo Evans',
    ratings: { practice: 'requires-improvement' },
    overall: 'requires-improvement',
    // Finished on the device on 8 August, a day inside its deadline, and sent when back in signal.
    completed: '2026-08-08',
    received: '2026-08-13',
    review: 'signed-off',
    actions: [
      {
        title: 'Reflective supervision on planning direct work',
        item: 'planning-and-purpose',
        significance: 'significant',
        closed: { on: '2026-10-28', status: 'done' },
      },
    ],
  },
  {
    kind: 'audit',
    date: '2026-09-10',
    practitioner: 'Jo Evans',
    caseReference: 'CF-20533',
    ratings: { safe: 'amber', experience: 'green', workforce: 'green', equality: 'green', resources: 'amber' },
    overall: 'amber',
    completed: '2026-09-17',
    received: '2026-09-18',
    feedbackSent: '2026-09-14',
    review: 'submitted',
    actions: [
      {
        title: 'Update the child\u2019s safety plan after each visit',
        item: 'safe-03',
        significance: 'significant',
        closed: { on: '2026-10-05', status: 'done' },
      },
    ],
  },
  {
    kind: 'observation',
    date: '2026-09-22',
    practitioner: 'Chris Morgan',
    ratings: { practice: 'outstanding' },
    overall: 'outstanding',
    completed: '2026-09-24',
    received: '2026-09-25',
    review: 'submitted',
  },
];

export const historyRagChanges: { provider: string; on: string; from: Rag; to: Rag; reason: string }[] = [
  {
    provider: 'ashdown-view',
    on: '2026-06-10',
    from: 'amber',
    to: 'red',
    reason: 'Safeguarding found red at the June visit.',
  },
  {
    provider: 'oakfield-house',
    on: '2026-07-09',
    from: 'amber',
    to: 'green',
    reason: 'All areas met at the July visit; the medicines action is complete.',
  },
  {
    provider: 'the-beeches',
    on: '2026-07-16',
    from: 'amber',
    to: 'red',
    reason: 'Safeguarding concerns found at the visit on 15 July; new placements paused.',
  },
  {
    provider: 'primrose-villa',
    on: '2026-07-28',
    from: 'amber',
    to: 'red',
    reason: 'Two safeguarding referrals and a red visit result.',
  },
  {
    provider: 'hartwell-lodge',
    on: '2026-08-13',
    from: 'green',
    to: 'amber',
    reason: 'Gaps in supervision and resident care at the August visit.',
  },
];

export const historyIntelligence: {
  provider: string;
  date: string;
  kind: IntelligenceKind;
  summary: string;
  extra: Record<string, unknown>;
}[] = [
  {
    provider: 'the-beeches',
    date: '2026-07-14',
    kind: 'safeguarding-referral',
    summary: 'Unexplained bruising on a resident; referred by the district nurse.',
    extra: { status: 'closed' },
  },
  {
    provider: 'primrose-villa',
    date: '2026-07-20',
    kind: 'safeguarding-referral',
    summary: 'Missed medicines reported by a relative.',
    extra: { status: 'closed' },
  },
  {
    provider: 'primrose-villa',
    date: '2026-07-25',
    kind: 'safeguarding-referral',
    summary: 'Resident left without support at a mealtime.',
    extra: { status: 'closed' },
  },
  {
    provider: 'oakfield-house',
    date: '2026-07-30',
    kind: 'feedback',
    summary: 'Social worker praised the new activities programme.',
    extra: { source: 'social-work', sentiment: 'positive' },
  },
  {
    provider: 'hartwell-lodge',
    date: '2026-08-02',
    kind: 'complaint',
    summary: 'Family complained about night-time call bells.',
    extra: { status: 'closed' },
  },
  {
    provider: 'ashdown-view',
    date: '2026-08-21',
    kind: 'incident',
    summary: 'A resident fell and broke a wrist; notified to CQC.',
    extra: { notifiedToCqc: true },
  },
  {
    provider: 'meadowview-court',
    date: '2026-09-08',
    kind: 'complaint',
    summary: 'Relative unhappy with how a lost hearing aid was handled.',
    extra: { status: 'closed' },
  },
  {
    provider: 'heathcote-manor',
    date: '2026-09-14',
    kind: 'fire-inspection',
    summary: 'No deficiencies found.',
    extra: { outcome: 'satisfactory' },
  },
];

/**
 * Escalations (seed 004 §22), opened by the QA manager. The Beeches went into escalation the day
 * after the July visit found safeguarding red (a referral had come in the day before): new
 * placements embargoed that day, a concerns meeting a week later. Still open, so it shows on the
 * register, the provider's page and the officer's briefing.
 */
export const historyEscalations: {
  provider: string;
  trigger: EscalationTrigger;
  reason: string;
  openedOn: string;
  steps: { kind: EscalationStepKind; date: string; owner: string; note: string }[];
}[] = [
  {
    provider: 'the-beeches',
    trigger: 'safeguarding',
    reason: 'Safeguarding rated red at the visit on 15 July, after a referral about unexplained bruising on 14 July.',
    openedOn: '2026-07-16',
    steps: [
      {
        kind: 'placement-embargo',
        date: '2026-07-16',
        owner: 'Gareth Lloyd, QA manager',
        note: 'No new placements until the safeguarding actions are verified.',
      },
      {
        kind: 'concerns-meeting',
        date: '2026-07-23',
        owner: 'Priya Shah, contracts manager',
        note: 'Provider, safeguarding team and district nurses attended; improvement plan due in four weeks.',
      },
    ],
  },
];
