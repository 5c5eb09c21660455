// A provider assessment on the CQC Single Assessment Framework, version 1: the 34 quality
// statements under the five key questions, each scored 1-4 when assessed, with evidence notes
// tagged by CQC's six evidence categories. Key-question and overall ratings are suggested by
// CQC's method: sum of scores / (statements scored x 4) as a percentage, then bands (25-38%
// Inadequate, 39-62% Requires improvement, 63-87% Good, 88-100% Outstanding). CQC is consulting
// on replacing this framework, so it is versioned data: a new framework is a new version.
import { optionsOf } from '../options';
import type { ChoiceOption, Template, TemplateItem, TemplateSection } from './schema';

const KEY_QUESTIONS: Array<[string, string, string[]]> = [
  [
    'safe',
    'Safe',
    [
      'Learning culture',
      'Safe systems, pathways and transitions',
      'Safeguarding',
      'Involving people to manage risks',
      'Safe environments',
      'Safe and effective staffing',
      'Infection prevention and control',
      'Medicines optimisation',
    ],
  ],
  [
    'effective',
    'Effective',
    [
      'Assessing needs',
      'Delivering evidence-based care and treatment',
      'How staff, teams and services work together',
      'Supporting people to live healthier lives',
      'Monitoring and improving outcomes',
      'Consent to care and treatment',
    ],
  ],
  [
    'caring',
    'Caring',
    [
      'Kindness, compassion and dignity',
      'Treating people as individuals',
      'Independence, choice and control',
      "Responding to people's immediate needs",
      'Workforce wellbeing and enablement',
    ],
  ],
  [
    'responsive',
    'Responsive',
    [
      'Person-centred care',
      'Care provision, integration and continuity',
      'Providing information',
      'Listening to and involving people',
      'Equity in access',
      'Equity in experiences and outcomes',
      'Planning for the future',
    ],
  ],
  [
    'well-led',
    'Well-led',
    [
      'Shared direction and culture',
      'Capable, compassionate and inclusive leaders',
      'Freedom to speak up',
      'Workforce equality, diversity and inclusion',
      'Governance, management and sustainability',
      'Partnerships and communities',
      'Learning, improvement and innovation',
      'Environmental sustainability – sustainable development',
    ],
  ],
];

/** CQC's six evidence categories. */
const EVIDENCE: ChoiceOption[] = optionsOf({
  'people-experience': "People's experience",
  'staff-and-leaders': 'Feedback from staff and leaders',
  partners: 'Feedback from partners',
  observation: 'Observation',
  processes: 'Processes',
  outcomes: 'Outcomes',
});

/** CQC's score for a quality statement; the hint repeats the number so the bands make sense. */
const STATEMENT_SCORES: ChoiceOption[] = [
  {
    value: 'exceptional',
    label: 'Exceptional standard',
    score: 4,
    hint: 'Scores 4. The evidence shows an exceptional standard.',
  },
  { value: 'good', label: 'Good standard', score: 3, hint: 'Scores 3. The evidence shows a good standard.' },
  {
    value: 'some-shortfalls',
    label: 'Some shortfalls',
    score: 2,
    hint: 'Scores 2. The evidence shows some shortfalls.',
  },
  {
    value: 'significant-shortfalls',
    label: 'Significant shortfalls',
    score: 1,
    hint: 'Scores 1. The evidence shows significant shortfalls.',
  },
];

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function keyQuestion([id, title, statements]: [string, string, string[]]): TemplateSection {
  const items: TemplateItem[] = statements.map((statement) => ({
    id: `${id}-${slug(statement)}`.slice(0, 80).replace(/-$/, ''),
    type: 'choice',
    label: statement,
    guidance: 'Score the statement if this visit gathered evidence on it; leave it unscored otherwise.',
    required: false,
    options: STATEMENT_SCORES,
    note: 'optional',
  }));
  const notes: TemplateItem = {
    id: `${id}-evidence-notes`,
    type: 'group',
    label: `Evidence notes: ${title}`,
    guidance: 'One note for each piece of evidence, tagged with the statement and the kind of evidence it is.',
    required: false,
    note: 'none',
    rowLabel: 'Evidence note',
    maxRows: 60,
    items: [
      {
        id: `${id}-note-statement`,
        type: 'choice',
        label: 'Quality statement',
        required: true,
        note: 'none',
        options: items.map((i) => ({ value: i.id.slice(id.length + 1), label: i.label })),
      },
      {
        id: `${id}-note-category`,
        type: 'choice',
        label: 'Evidence category',
        required: true,
        note: 'none',
        options: EVIDENCE,
      },
      { id: `${id}-note-text`, type: 'long-text', label: 'What the evidence shows', required: true, note: 'none' },
    ],
  };
  return {
    id,
    title,
    summary: `The ${statements.length} quality statements of the ${title} key question.`,
    rated: true,
    items: [...items, notes],
  };
}

/** CQC's bands for a percentage of the available score, highest first (version 2 rates key questions by them too). */
export const PERCENTAGE_BANDS = [
  { from: 88, rating: 'outstanding' },
  { from: 63, rating: 'good' },
  { from: 39, rating: 'requires-improvement' },
  { from: 0, rating: 'inadequate' },
];

export const cqcSafProviderV1: Template = {
  id: 'cqc-saf-provider',
  version: 1,
  framework: 'CQC SAF',
  title: 'Provider assessment: CQC Single Assessment Framework',
  description:
    'An assessment of a provider against the 34 quality statements of the CQC Single Assessment Framework (current as of ' +
    '2025). Each statement assessed is scored 1 to 4 with evidence notes tagged by evidence category; the key question and ' +
    'overall ratings are suggested by percentage and bands. CQC is consulting on a replacement, so this is versioned data.',
  subject: 'provider',
  responseOptions: STATEMENT_SCORES,
  ratingScale: [
    { value: 'outstanding', label: 'Outstanding', score: 4, hint: '88 to 100 per cent of the available score.' },
    { value: 'good', label: 'Good', score: 3, hint: '63 to 87 per cent.' },
    { value: 'requires-improvement', label: 'Requires improvement', score: 2, hint: '39 to 62 per cent.' },
    { value: 'inadequate', label: 'Inadequate', score: 1, hint: '25 to 38 per cent.' },
  ],
  evidenceCategories: EVIDENCE,
  scoring: {
    method: 'percentage-bands',
    bands: PERCENTAGE_BANDS,
  },
  overall: {
    label: 'Overall rating',
    guidance: 'Suggested from the key question ratings by the same percentage bands.',
  },
  actionDueMonths: { significant: 3, routine: 6 },
  sections: KEY_QUESTIONS.map(keyQuestion),
};
