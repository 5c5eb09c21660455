// The risk matrix (seed 004 §18-19): each criterion of risk and vulnerability, table-driven, with the
// safer rules where the seed is silent (a Red visit or a CQC Inadequate is never suggested better
// than Red; several Amber concerns make Red; a preventative service rated Red is visited); the
// council's own thresholds; a visit's rating on any template's scale as a RAG.
import { describe, expect, it } from 'vitest';
import type { CqcRating, Rag, ServiceType } from '../../src/shared/briefings/register';
import {
  DEFAULT_RISK_MATRIX,
  parseRiskMatrix,
  type RiskEvidence,
  type RiskIntelligence,
  type RiskMatrix,
  suggestMonitoring,
  visitResultRag,
} from '../../src/shared/providers/risk-matrix';
import { RiskSuggestion } from '../../src/shared/providers/api-schemas';

const TODAY = '2026-10-15';
const RECENT = '2026-09-01';
const OLD = '2025-09-01'; // more than 12 months before TODAY

const GOOD = { safe: 'good', effective: 'good', caring: 'good', responsive: 'good', wellLed: 'good' } as const;
const cqc = (overall: CqcRating, keyQuestions: Partial<Record<keyof typeof GOOD, CqcRating>> = {}, date = RECENT) =>
  ({ kind: 'cqc-inspection', date, overall, keyQuestions: { ...GOOD, ...keyQuestions } }) as const;
const complaint = (status: 'open' | 'closed', date = RECENT) => ({ kind: 'complaint', date, status }) as const;
const referral = (status: 'open' | 'closed', date = RECENT) =>
  ({ kind: 'safeguarding-referral', date, status }) as const;
const incident = (date = RECENT) => ({ kind: 'incident', date, notifiedToCqc: true }) as const;
const feedback = (sentiment: 'positive' | 'mixed' | 'concern', date = RECENT) =>
  ({ kind: 'feedback', date, source: 'gp', sentiment }) as const;
const fire = (outcome: 'satisfactory' | 'action-required' | 'enforcement', date = RECENT) =>
  ({ kind: 'fire-inspection', date, outcome }) as const;
const action = (
  significance: 'significant' | 'routine',
  dueDate: string,
  status: 'open' | 'in-progress' | 'done' | 'verified' = 'open',
) => ({ significance, dueDate, status });
const OVERDUE = '2026-09-30';
const NOT_DUE = '2026-12-31';
const visit = (rag: Rag | null, date = '2026-08-01') => ({ date, rag });
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

type Case = {
  name: string;
  type?: ServiceType;
  latestVisit?: RiskEvidence['latestVisit'];
  actions?: RiskEvidence['actions'];
  intelligence?: RiskIntelligence[];
  matrix?: RiskMatrix;
  level: number;
  rag: Rag;
  /** The criteria of the concerns raised, worst first. */
  concerns: string[];
};

const CASES: Case[] = [
  // Vulnerability: where each service type starts with no concern.
  { name: 'a care home with no concern', level: 3, rag: 'green', concerns: [] },
  { name: 'a nursing home with no concern', type: 'nursing-home', level: 3, rag: 'green', concerns: [] },
  { name: 'home care with no concern', type: 'home-care', level: 3, rag: 'green', concerns: [] },
  { name: 'supported living with no concern', type: 'supported-living', level: 3, rag: 'green', concerns: [] },
  { name: "a children's home with no concern", type: 'childrens-residential', level: 3, rag: 'green', concerns: [] },
  { name: 'a day service with no concern', type: 'day-service', level: 1, rag: 'green', concerns: [] },
  { name: 'advice and advocacy with no concern', type: 'advice-advocacy', level: 1, rag: 'green', concerns: [] },
  {
    name: 'a service type not known as preventative (safer: visited)',
    type: 'other',
    level: 3,
    rag: 'green',
    concerns: [],
  },

  // The latest visit result: never a better RAG than it.
  { name: 'a Red visit', latestVisit: visit('red'), level: 5, rag: 'red', concerns: ['visit'] },
  {
    name: 'a Red visit, however good the rest (CQC Outstanding, nothing open)',
    latestVisit: visit('red', '2024-01-10'),
    intelligence: [cqc('outstanding', { safe: 'outstanding' })],
    level: 5,
    rag: 'red',
    concerns: ['visit'],
  },
  { name: 'an Amber visit', latestVisit: visit('amber'), level: 4, rag: 'amber', concerns: ['visit'] },
  { name: 'a Green visit', latestVisit: visit('green'), level: 3, rag: 'green', concerns: [] },
  { name: 'a visit not rated', latestVisit: visit(null), level: 3, rag: 'green', concerns: [] },

  // CQC: Inadequate anywhere is Red.
  {
    name: 'CQC Inadequate overall',
    latestVisit: visit('green'),
    intelligence: [cqc('inadequate')],
    level: 5,
    rag: 'red',
    concerns: ['cqc'],
  },
  {
    name: 'CQC Requires improvement with Safe Inadequate',
    intelligence: [cqc('requires-improvement', { safe: 'inadequate' })],
    level: 5,
    rag: 'red',
    concerns: ['cqc'],
  },
  {
    name: 'CQC Requires improvement',
    intelligence: [cqc('requires-improvement')],
    level: 4,
    rag: 'amber',
    concerns: ['cqc'],
  },
  { name: 'CQC Outstanding', intelligence: [cqc('outstanding')], level: 3, rag: 'green', concerns: [] },
  { name: 'CQC not rated yet', intelligence: [cqc('not-rated', {}, RECENT)], level: 3, rag: 'green', concerns: [] },
  {
    name: 'the latest CQC inspection counts, not an older Inadequate',
    intelligence: [cqc('good', {}, RECENT), cqc('inadequate', {}, OLD)],
    level: 3,
    rag: 'green',
    concerns: [],
  },

  // Follow-up actions (seed 004 §9).
  {
    name: 'one significant action overdue',
    actions: [action('significant', OVERDUE)],
    level: 4,
    rag: 'amber',
    concerns: ['actions'],
  },
  {
    name: 'two significant actions overdue',
    actions: [action('significant', OVERDUE), action('significant', '2026-01-01', 'in-progress')],
    level: 5,
    rag: 'red',
    concerns: ['actions'],
  },
  {
    name: 'three significant actions open, two of them overdue: both findings, one concern',
    actions: [...times(2, () => action('significant', OVERDUE)), action('significant', NOT_DUE)],
    level: 5,
    rag: 'red',
    concerns: ['actions', 'actions'],
  },
  {
    name: 'two significant actions open, not yet due',
    actions: times(2, () => action('significant', NOT_DUE)),
    level: 3,
    rag: 'green',
    concerns: [],
  },
  {
    name: 'three significant actions open, not yet due',
    actions: times(3, () => action('significant', NOT_DUE)),
    level: 4,
    rag: 'amber',
    concerns: ['actions'],
  },
  {
    name: 'two routine actions overdue',
    actions: times(2, () => action('routine', OVERDUE)),
    level: 3,
    rag: 'green',
    concerns: [],
  },
  {
    name: 'three routine actions overdue',
    actions: times(3, () => action('routine', OVERDUE)),
    level: 4,
    rag: 'amber',
    concerns: ['actions'],
  },
  {
    name: 'closed actions past their due date are not counted',
    actions: [action('significant', OVERDUE, 'done'), action('significant', OVERDUE, 'verified')],
    level: 3,
    rag: 'green',
    concerns: [],
  },
  {
    name: 'an action due today is not overdue',
    actions: [action('significant', TODAY)],
    level: 3,
    rag: 'green',
    concerns: [],
  },

  // Safeguarding referrals.
  {
    name: 'one safeguarding referral open',
    intelligence: [referral('open')],
    level: 4,
    rag: 'amber',
    concerns: ['safeguarding'],
  },
  {
    name: 'two safeguarding referrals open',
    intelligence: [referral('open'), referral('open', OLD)],
    level: 5,
    rag: 'red',
    concerns: ['safeguarding'],
  },
  {
    name: 'two closed referrals in the last 12 months',
    intelligence: times(2, () => referral('closed')),
    level: 4,
    rag: 'amber',
    concerns: ['safeguarding'],
  },
  {
    name: 'three closed referrals in the last 12 months',
    intelligence: times(3, () => referral('closed')),
    level: 5,
    rag: 'red',
    concerns: ['safeguarding'],
  },
  {
    name: 'closed referrals older than 12 months',
    intelligence: times(3, () => referral('closed', OLD)),
    level: 3,
    rag: 'green',
    concerns: [],
  },

  // Complaints.
  { name: 'one complaint open', intelligence: [complaint('open')], level: 3, rag: 'green', concerns: [] },
  {
    name: 'two complaints open',
    intelligence: times(2, () => complaint('open')),
    level: 4,
    rag: 'amber',
    concerns: ['complaints'],
  },
  {
    name: 'four complaints in 12 months, and two open: one concern',
    intelligence: [...times(2, () => complaint('closed')), ...times(2, () => complaint('open'))],
    level: 4,
    rag: 'amber',
    concerns: ['complaints', 'complaints'],
  },

  // Incidents, professionals' feedback, fire.
  {
    name: 'three incidents in 12 months',
    intelligence: times(3, () => incident()),
    level: 4,
    rag: 'amber',
    concerns: ['incidents'],
  },
  {
    name: 'two incidents in 12 months',
    intelligence: times(2, () => incident()),
    level: 3,
    rag: 'green',
    concerns: [],
  },
  {
    name: 'two professionals raising concerns',
    intelligence: [feedback('concern'), feedback('concern'), feedback('positive')],
    level: 4,
    rag: 'amber',
    concerns: ['feedback'],
  },
  {
    name: 'mixed feedback is no concern',
    intelligence: times(3, () => feedback('mixed')),
    level: 3,
    rag: 'green',
    concerns: [],
  },
  { name: 'a fire enforcement notice', intelligence: [fire('enforcement')], level: 5, rag: 'red', concerns: ['fire'] },
  {
    name: 'a fire inspection needing action',
    intelligence: [fire('action-required')],
    level: 4,
    rag: 'amber',
    concerns: ['fire'],
  },
  {
    name: 'the latest fire inspection counts',
    intelligence: [fire('enforcement', OLD), fire('satisfactory', RECENT)],
    level: 3,
    rag: 'green',
    concerns: [],
  },

  // Combining: worst wins; three separate Amber concerns make Red.
  {
    name: 'an Amber visit and CQC Requires improvement',
    latestVisit: visit('amber'),
    intelligence: [cqc('requires-improvement')],
    level: 4,
    rag: 'amber',
    concerns: ['visit', 'cqc'],
  },
  {
    name: 'an Amber visit, CQC Requires improvement and a significant action overdue',
    latestVisit: visit('amber'),
    actions: [action('significant', OVERDUE)],
    intelligence: [cqc('requires-improvement')],
    level: 5,
    rag: 'red',
    concerns: ['combined', 'visit', 'actions', 'cqc'],
  },
  {
    name: 'a Red visit with an Amber concern: Red, no combining needed',
    latestVisit: visit('red'),
    intelligence: [cqc('requires-improvement')],
    level: 5,
    rag: 'red',
    concerns: ['visit', 'cqc'],
  },

  // Preventative services: Amber stays at the desk-review levels; Red is visited.
  {
    name: 'a day service rated Amber',
    type: 'day-service',
    intelligence: [referral('open')],
    level: 2,
    rag: 'amber',
    concerns: ['safeguarding'],
  },
  {
    name: 'a day service rated Red',
    type: 'day-service',
    latestVisit: visit('red'),
    level: 3,
    rag: 'red',
    concerns: ['visit'],
  },

  // The council's own matrix.
  {
    name: 'a council that starts nursing homes at level 4 (Red caps at 5)',
    type: 'nursing-home',
    latestVisit: visit('red'),
    matrix: { ...DEFAULT_RISK_MATRIX, baseLevel: { ...DEFAULT_RISK_MATRIX.baseLevel, 'nursing-home': 4 } },
    level: 5,
    rag: 'red',
    concerns: ['visit'],
  },
  {
    name: 'a council that never combines Ambers',
    latestVisit: visit('amber'),
    actions: [action('significant', OVERDUE)],
    intelligence: [cqc('requires-improvement')],
    matrix: { ...DEFAULT_RISK_MATRIX, ambersMakeRed: null },
    level: 4,
    rag: 'amber',
    concerns: ['visit', 'actions', 'cqc'],
  },
  {
    name: 'a council for which one open complaint is a concern',
    intelligence: [complaint('open')],
    matrix: { ...DEFAULT_RISK_MATRIX, openComplaints: { amber: 1, red: 3 } },
    level: 4,
    rag: 'amber',
    concerns: ['complaints'],
  },
];

describe('suggestMonitoring', () => {
  it.each(CASES)('$name → level $level, $rag', (c) => {
    const evidence: RiskEvidence = {
      serviceType: c.type ?? 'care-home',
      latestVisit: c.latestVisit ?? null,
      actions: c.actions ?? [],
      intelligence: c.intelligence ?? [],
    };
    const s = suggestMonitoring(evidence, TODAY, c.matrix);
    expect({ level: s.level, rag: s.rag }).toEqual({ level: c.level, rag: c.rag });
    expect(s.reasons.filter((r) => r.rag !== null).map((r) => r.criterion)).toEqual(c.concerns);
    // Every suggestion says why: its concerns, and how its service type set the level.
    expect(s.reasons.some((r) => r.criterion === 'service-type')).toBe(true);
    if (c.concerns.length === 0) expect(s.reasons[0]?.text).toBe('No concern found in the evidence held: Green.');
    // Worst first.
    const severity = s.reasons.filter((r) => r.rag !== null).map((r) => (r.rag === 'red' ? 2 : 1));
    expect(severity).toEqual([...severity].sort((a, b) => b - a));
    expect(RiskSuggestion.safeParse(s).success).toBe(true);
  });

  it('words its reasons for people', () => {
    const s = suggestMonitoring(
      {
        serviceType: 'care-home',
        latestVisit: visit('amber', '2026-07-15'),
        actions: [action('significant', OVERDUE)],
        intelligence: [cqc('requires-improvement', {}, '2026-03-03')],
      },
      TODAY,
    );
    expect(s.reasons.map((r) => r.text)).toEqual([
      '3 separate Amber concerns together make Red.',
      'The latest monitoring visit, on 15 July 2026, was rated Amber.',
      '1 significant action past its due date.',
      'CQC rated it Requires improvement overall (3 March 2026).',
      "Care home: care or support for people eligible for social care or children's services, monitored at level 3 when there is no concern (scheduled visits).",
      'Red raises the level by two, to level 5.',
    ]);
    const day = suggestMonitoring(
      {
        serviceType: 'day-service',
        latestVisit: null,
        actions: [],
        intelligence: [cqc('requires-improvement', { safe: 'inadequate', wellLed: 'inadequate' })],
      },
      TODAY,
    );
    expect(day.reasons.map((r) => r.text)).toEqual([
      'CQC rated Safe and Well-led Inadequate (1 September 2026), Requires improvement overall.',
      'Day service: a preventative service, monitored at level 1 when there is no concern (an annual desk review and sample visits).',
      'Red raises the level by two, to level 3.',
    ]);
  });
});

describe('visitResultRag', () => {
  const QMF = ['green', 'amber', 'red'];
  const CQC = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
  it.each([
    ['green', QMF, 'green'],
    ['amber', QMF, 'amber'],
    ['red', QMF, 'red'],
    ['outstanding', CQC, 'green'],
    ['good', CQC, 'green'],
    ['requires-improvement', CQC, 'amber'],
    ['inadequate', CQC, 'red'],
    ['poor', ['excellent', 'good', 'requires-improvement', 'poor'], 'red'],
    // An unfamiliar scale, best first: the worst option Red, the lower half Amber.
    ['a', ['a', 'b', 'c', 'd', 'e'], 'green'],
    ['c', ['a', 'b', 'c', 'd', 'e'], 'amber'],
    ['d', ['a', 'b', 'c', 'd', 'e'], 'amber'],
    ['e', ['a', 'b', 'c', 'd', 'e'], 'red'],
    ['unlisted', ['a', 'b'], 'amber'],
    [null, QMF, null],
  ] as const)('%s on %j → %s', (rating, scale, expected) => {
    expect(visitResultRag(rating, scale)).toBe(expected);
  });
});

describe('parseRiskMatrix', () => {
  it('keeps the defaults for what a council leaves out, and takes part of a threshold', () => {
    expect(parseRiskMatrix({})).toEqual(DEFAULT_RISK_MATRIX);
    const m = parseRiskMatrix({ openComplaints: { amber: 1 }, baseLevel: { 'nursing-home': 4 }, ambersMakeRed: null });
    expect(m).toEqual({
      ...DEFAULT_RISK_MATRIX,
      openComplaints: { amber: 1, red: null },
      baseLevel: { ...DEFAULT_RISK_MATRIX.baseLevel, 'nursing-home': 4 },
      ambersMakeRed: null,
    });
  });

  it.each([
    [[], 'the risk matrix must be a JSON object (see docs/domain.md)'],
    [{ openComplaint: { amber: 1 } }, /openComplaint/],
    [{ openComplaints: { amber: 0 } }, /^openComplaints\.amber: /],
    [{ baseLevel: { 'care-home': 6 } }, /^baseLevel\.care-home: /],
    [{ openComplaints: { amber: 1, orange: 2 } }, /openComplaints.*orange/],
  ])('refuses %j with a message naming it', (input, message) => {
    const result = parseRiskMatrix(input);
    expect(typeof result).toBe('string');
    expect(result).toMatch(message);
  });
});
