// The spellings an intelligence import accepts for each kind and value (letters only, lower case:
// "Requires improvement", "RI" and "requires-improvement" are one), with how to say what is accepted.
// Data only; ./csv.ts reads the cells with them.
import type { IntelligenceKind } from '../../shared/briefings/register';
import { vocab } from '../http/csv-table';

export const KINDS = vocab<IntelligenceKind>(
  {
    cqcinspection: 'cqc-inspection',
    cqc: 'cqc-inspection',
    inspection: 'cqc-inspection',
    complaint: 'complaint',
    complaints: 'complaint',
    safeguardingreferral: 'safeguarding-referral',
    safeguarding: 'safeguarding-referral',
    incident: 'incident',
    notification: 'incident',
    incidentornotification: 'incident',
    incidentnotification: 'incident',
    feedback: 'feedback',
    professionalfeedback: 'feedback',
    feedbackfromaprofessional: 'feedback',
    fireinspection: 'fire-inspection',
    fire: 'fire-inspection',
  },
  'CQC inspection, Complaint, Safeguarding referral, Incident, Feedback or Fire inspection',
);
export const CQC_RATINGS = vocab(
  {
    outstanding: 'outstanding',
    good: 'good',
    requiresimprovement: 'requires-improvement',
    ri: 'requires-improvement',
    inadequate: 'inadequate',
    notrated: 'not-rated',
    notyetrated: 'not-rated',
  } as const,
  'Outstanding, Good, Requires improvement, Inadequate or Not rated',
);
export const STATUSES = vocab({ open: 'open', closed: 'closed' } as const, 'Open or Closed');
export const YES_NO = vocab({ yes: true, y: true, true: true, no: false, n: false, false: false }, 'Yes or No');
export const SOURCES = vocab(
  {
    socialwork: 'social-work',
    socialworkteam: 'social-work',
    socialworker: 'social-work',
    continuingcare: 'continuing-care',
    gp: 'gp',
    districtnurse: 'district-nurse',
    healthprofessional: 'health-professional',
    other: 'other',
    otherprofessional: 'other',
  } as const,
  'Social work, Continuing Care, GP, District nurse, Health professional or Other',
);
export const SENTIMENTS = vocab(
  { positive: 'positive', mixed: 'mixed', concern: 'concern', concerns: 'concern' } as const,
  'Positive, Mixed or Concern',
);
export const OUTCOMES = vocab(
  {
    satisfactory: 'satisfactory',
    actionrequired: 'action-required',
    enforcement: 'enforcement',
    enforcementnotice: 'enforcement',
  } as const,
  'Satisfactory, Action required or Enforcement',
);
