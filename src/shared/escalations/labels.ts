// Display names for the escalation procedure's values, shared by the office pages, the officer's
// briefing and the quarterly report so each is worded once.
import type { EscalationOutcome, EscalationStepKind, EscalationTrigger } from './schema';

export const TRIGGER_LABELS: Readonly<Record<EscalationTrigger, string>> = {
  'significant-incident': 'Significant incident',
  'failed-cqc-inspection': 'Failed CQC inspection',
  safeguarding: 'Safeguarding concern',
  'visit-result': 'Monitoring visit result',
  intelligence: 'Other intelligence',
};

export const STEP_LABELS: Readonly<Record<EscalationStepKind, string>> = {
  'concerns-meeting': 'Concerns meeting',
  'improvement-plan': 'Improvement plan',
  'placement-embargo': 'Placement embargo or suspension',
  'notify-cqc': 'CQC notified',
  'safeguarding-referral': 'Safeguarding referral',
  'contract-action': 'Contract action',
};

export const OUTCOME_LABELS: Readonly<Record<EscalationOutcome, string>> = {
  'concerns-resolved': 'Concerns resolved',
  'contract-ended': 'Contract ended or placements moved',
  'service-closed': 'Service closed',
  other: 'Other outcome',
};
