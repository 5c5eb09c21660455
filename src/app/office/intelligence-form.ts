// The intelligence form's state and rules, apart from its markup so they can be read and tested
// alone: what each kind asks for, the GOV.UK-style messages when something is missing, the
// request body it sends, and which field a server issue belongs to.
import { type CqcRating, type IntelligenceKind, KEY_QUESTION_NAMES } from '../../shared/briefings/register';
import { optionsOf } from '../components/fields';
import type { NewIntelligence } from './api';

export type IntelligenceDraft = {
  kind: IntelligenceKind | '';
  date: string;
  summary: string;
  status: '' | 'open' | 'closed';
  overall: CqcRating | '';
  safe: CqcRating | '';
  effective: CqcRating | '';
  caring: CqcRating | '';
  responsive: CqcRating | '';
  wellLed: CqcRating | '';
  notifiedToCqc: '' | 'yes' | 'no';
  source: '' | 'social-work' | 'continuing-care' | 'gp' | 'district-nurse' | 'health-professional' | 'other';
  sentiment: '' | 'positive' | 'mixed' | 'concern';
  outcome: '' | 'satisfactory' | 'action-required' | 'enforcement';
};
export type DraftField = keyof IntelligenceDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export const EMPTY_DRAFT: IntelligenceDraft = {
  kind: '',
  date: '',
  summary: '',
  status: '',
  overall: '',
  safe: '',
  effective: '',
  caring: '',
  responsive: '',
  wellLed: '',
  notifiedToCqc: '',
  source: '',
  sentiment: '',
  outcome: '',
};

const KIND_LABELS: Record<IntelligenceKind, string> = {
  'cqc-inspection': 'CQC inspection',
  complaint: 'Complaint',
  'safeguarding-referral': 'Safeguarding referral',
  incident: 'Incident or notification',
  feedback: 'Feedback from a professional',
  'fire-inspection': 'Fire inspection',
};
export const KIND_OPTIONS = optionsOf(KIND_LABELS);
/** The key questions' rating fields, each labelled with CQC's name for it. */
export const KEY_QUESTIONS = (Object.keys(KEY_QUESTION_NAMES) as Array<keyof typeof KEY_QUESTION_NAMES>).map(
  (field) => ({ field, label: KEY_QUESTION_NAMES[field] }),
);

/** What the date means for each kind: the label, and the noun its messages use. */
export const DATE_LABEL: Record<IntelligenceKind, { label: string; missing: string }> = {
  'cqc-inspection': { label: 'Date of inspection', missing: 'Enter the date of the inspection' },
  complaint: { label: 'Date received', missing: 'Enter the date the complaint was received' },
  'safeguarding-referral': { label: 'Date of referral', missing: 'Enter the date of the referral' },
  incident: { label: 'Date of incident', missing: 'Enter the date of the incident' },
  feedback: { label: 'Date of feedback', missing: 'Enter the date the feedback was given' },
  'fire-inspection': { label: 'Date of inspection', missing: 'Enter the date of the fire inspection' },
};
const SUMMARY_NOUN: Record<IntelligenceKind, string> = {
  'cqc-inspection': 'the inspection',
  complaint: 'the complaint',
  'safeguarding-referral': 'the referral',
  incident: 'the incident',
  feedback: 'the feedback',
  'fire-inspection': 'the fire inspection',
};
/** Kinds whose entry says nothing without a summary (the CSV import asks for one too). */
export const SUMMARY_REQUIRED: ReadonlySet<IntelligenceKind> = new Set([
  'complaint',
  'safeguarding-referral',
  'incident',
  'feedback',
]);
export const SUMMARY_MAX = 4000;

/** The fields a kind shows, in the order they appear on the form (and so in the error summary). */
export function fieldsFor(kind: IntelligenceKind | ''): DraftField[] {
  const own: Record<IntelligenceKind, DraftField[]> = {
    'cqc-inspection': ['overall', 'safe', 'effective', 'caring', 'responsive', 'wellLed'],
    complaint: ['status'],
    'safeguarding-referral': ['status'],
    incident: ['notifiedToCqc'],
    feedback: ['source', 'sentiment'],
    'fire-inspection': ['outcome'],
  };
  return kind === '' ? ['kind'] : ['kind', 'date', ...own[kind], 'summary'];
}

/** Element id of a field's control (the first radio of a group). */
export const fieldId = (field: DraftField) => `intel-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const isRealDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
};

export function validateIntelligence(d: IntelligenceDraft, today: string): DraftErrors {
  const errors: DraftErrors = {};
  if (d.kind === '') return { kind: 'Select what kind of intelligence this is' };
  const kind = d.kind;
  if (d.date === '') errors.date = DATE_LABEL[kind].missing;
  else if (!isRealDate(d.date)) errors.date = 'The date must be a real date';
  else if (d.date > today) errors.date = 'The date must be today or in the past';
  if (kind === 'cqc-inspection') {
    if (d.overall === '') errors.overall = 'Select the overall rating';
    for (const q of KEY_QUESTIONS) if (d[q.field] === '') errors[q.field] = `Select the rating for ${q.label}`;
  }
  if ((kind === 'complaint' || kind === 'safeguarding-referral') && d.status === '') {
    errors.status = `Select whether ${SUMMARY_NOUN[kind]} is open or closed`;
  }
  if (kind === 'incident' && d.notifiedToCqc === '')
    errors.notifiedToCqc = 'Select whether the incident was notified to CQC';
  if (kind === 'feedback') {
    if (d.source === '') errors.source = 'Select who gave the feedback';
    if (d.sentiment === '') errors.sentiment = 'Select whether the feedback was positive, mixed or a concern';
  }
  if (kind === 'fire-inspection' && d.outcome === '') errors.outcome = 'Select the outcome of the fire inspection';
  const summary = d.summary.trim();
  if (summary === '' && SUMMARY_REQUIRED.has(kind)) errors.summary = `Enter a summary of ${SUMMARY_NOUN[kind]}`;
  else if (summary.length > SUMMARY_MAX)
    errors.summary = `The summary must be ${SUMMARY_MAX.toLocaleString('en-GB')} characters or fewer`;
  return errors;
}

/** The POST body for a draft that passed validation. */
export function toRequest(d: IntelligenceDraft): NewIntelligence {
  const base = { date: d.date, summary: d.summary.trim() };
  switch (d.kind) {
    case 'cqc-inspection':
      return {
        ...base,
        kind: d.kind,
        overall: d.overall,
        keyQuestions: {
          safe: d.safe,
          effective: d.effective,
          caring: d.caring,
          responsive: d.responsive,
          wellLed: d.wellLed,
        },
      };
    case 'complaint':
    case 'safeguarding-referral':
      return { ...base, kind: d.kind, status: d.status };
    case 'incident':
      return { ...base, kind: d.kind, notifiedToCqc: d.notifiedToCqc === 'yes' };
    case 'feedback':
      return { ...base, kind: d.kind, source: d.source, sentiment: d.sentiment };
    case 'fire-inspection':
      return { ...base, kind: d.kind, outcome: d.outcome };
    default:
      throw new Error('toRequest needs a kind');
  }
}

/** The field a server issue path ("keyQuestions.safe", "notifiedToCqc") belongs to, if any. */
export function issueField(path: string): DraftField | null {
  const last = path.split('.').pop() ?? '';
  return last in EMPTY_DRAFT ? (last as DraftField) : null;
}
