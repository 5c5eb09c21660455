// Display names for register and intelligence values.
import {
  SERVICE_TYPE_LABELS,
  type CqcRating,
  type IntelligenceEntry,
  type ServiceType,
} from '../../shared/briefings/register';

export const serviceTypeLabel: Readonly<Record<ServiceType, string>> = SERVICE_TYPE_LABELS;

export const cqcLabel: Record<CqcRating, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
  'not-rated': 'Not rated',
};

export const cqcClass: Record<CqcRating, string> = {
  outstanding: 'tag green',
  good: 'tag green',
  'requires-improvement': 'tag yellow',
  inadequate: 'tag red',
  'not-rated': 'tag grey',
};

export const ragClass = { green: 'tag green', amber: 'tag yellow', red: 'tag red' } as const;

/** A RAG rating as every page writes it: "Green", "Amber", "Red" (one casing everywhere, issue 17). */
export const ragLabel = { green: 'Green', amber: 'Amber', red: 'Red' } as const;

export const feedbackSource: Record<Extract<IntelligenceEntry, { kind: 'feedback' }>['source'], string> = {
  'social-work': 'Social work team',
  'continuing-care': 'Continuing Care',
  gp: 'GP',
  'district-nurse': 'District nurse',
  'health-professional': 'Health professional',
  other: 'Other',
};

export const fireOutcome = {
  satisfactory: 'Satisfactory',
  'action-required': 'Action required',
  enforcement: 'Enforcement notice',
} as const;

export function entryDetail(entry: IntelligenceEntry): string {
  switch (entry.kind) {
    case 'complaint':
    case 'safeguarding-referral':
      return entry.status === 'open' ? 'Open' : 'Closed';
    case 'incident':
      return entry.notifiedToCqc ? 'Notified to CQC' : 'Not notified to CQC';
    case 'feedback':
      return `${feedbackSource[entry.source]} · ${entry.sentiment === 'concern' ? 'Concern' : entry.sentiment === 'mixed' ? 'Mixed' : 'Positive'}`;
    case 'fire-inspection':
      return fireOutcome[entry.outcome];
    case 'cqc-inspection':
      return cqcLabel[entry.overall];
  }
}
