// What the two observation of practice templates share (seed 003 §10): the Outstanding to
// Inadequate scale, the seven practice domains with what good looks like, and the five sections
// (about the observation, evidence, practice, feedback, learning). Each setting's own template
// file passes in its wording; everything else is the same so the quarterly QA report can collate
// observations from both settings domain by domain.
import { optionsOf } from '../options';
import { averagedJudgement } from './people-group';
import type { ChoiceOption, Template, TemplateItem, TemplateSection } from './schema';

/** The judgement scale for each practice domain and for the practice overall. */
const observationScale: ChoiceOption[] = [
  {
    value: 'outstanding',
    label: 'Outstanding',
    score: 4,
    hint: 'Practice others can learn from: confident, reflective and clearly improving outcomes for the child or adult and their family.',
  },
  {
    value: 'good',
    label: 'Good',
    score: 3,
    hint: 'Consistently sound practice that meets the expected standard, with only minor points to develop.',
  },
  {
    value: 'requires-improvement',
    label: 'Requires improvement',
    score: 2,
    hint: 'Practice is safe, but parts of it fall short of the expected standard; development is needed and agreed.',
  },
  {
    value: 'inadequate',
    label: 'Inadequate',
    score: 1,
    hint: 'Practice that leaves the person at risk or falls well short of the expected standard; action is needed now.',
  },
];

/** The practice domains: id, label and what good looks like. */
const PRACTICE_DOMAINS: Array<[string, string, string]> = [
  [
    'planning-and-purpose',
    'Planning and purpose',
    'The visit or meeting was planned, its purpose was clear to everyone, and it kept to that purpose while responding to what came up.',
  ],
  [
    'knowledge-and-theory',
    'Knowledge and theory',
    'The practitioner drew on law, policy, research and theory that fit the situation, and could explain why.',
  ],
  [
    'intervention-and-skills',
    'Intervention and skills',
    'Communication was clear and respectful; the practitioner listened, assessed risk and used direct work or tools that suited the person.',
  ],
  [
    'partnership-working',
    'Partnership working',
    'The person and their family were treated as partners; other agencies were involved and information was shared appropriately.',
  ],
  [
    'critical-reflection',
    'Critical reflection',
    'The practitioner weighed the evidence, tested their own assumptions and considered other explanations before reaching a view.',
  ],
  [
    'professionalism',
    'Professionalism',
    'Time-keeping, preparation, boundaries, recording and conduct met professional standards (Social Work England).',
  ],
  [
    'ethics-and-diversity',
    'Ethics and diversity',
    'Culture, identity, language, faith and disability were understood and respected, and power was used ethically.',
  ],
];

/** The wording that differs between settings. */
export type ObservationSetting = {
  id: string;
  title: string;
  /** What the manager observes, completing "A manager observes a practitioner ...". */
  observes: string;
  settingExample: string;
  activityExample: string;
  purposeLabel: string;
  feedbackLabel: string;
  feedbackGuidance: string;
  /** Whether feedback from the person or family must be recorded. */
  feedbackRequired: boolean;
};

function longText(id: string, label: string, more: Partial<TemplateItem> = {}): TemplateItem {
  return { id, type: 'long-text', label, required: true, note: 'none', ...more };
}

function sections(s: ObservationSetting): TemplateSection[] {
  return [
    {
      id: 'context',
      title: 'About the observation',
      rated: false,
      items: [
        {
          id: 'setting',
          type: 'text',
          label: 'Setting',
          guidance: `For example, ${s.settingExample}.`,
          required: true,
          note: 'none',
        },
        longText('activity', 'Activity observed', { guidance: `For example, ${s.activityExample}.` }),
        {
          id: 'present',
          type: 'group',
          label: 'Who was present',
          rowLabel: 'Person present',
          required: true,
          minRows: 1,
          maxRows: 30,
          note: 'none',
          guidance:
            'One row for each person there. For the child, adult or family members a role or initials is enough.',
          items: [
            { id: 'present-name-or-role', type: 'text', label: 'Name or role', required: true, note: 'none' },
            {
              id: 'present-relationship',
              type: 'text',
              label: 'Relationship or agency',
              required: true,
              note: 'none',
              guidance:
                'For example "mother", "the young person", "health visitor" or "school designated safeguarding lead".',
            },
          ],
        },
        {
          id: 'consent',
          type: 'yes-no',
          label: 'Was consent to the observation obtained?',
          required: true,
          note: 'none',
        },
        longText('consent-how', 'How consent was obtained, and from whom', {
          showIf: { item: 'consent', in: ['yes'] },
        }),
        longText('consent-why-not', 'Why the observation went ahead without consent', {
          showIf: { item: 'consent', in: ['no'] },
        }),
        longText('purpose', s.purposeLabel),
      ],
    },
    {
      id: 'evidence',
      title: 'Evidence',
      rated: false,
      items: [
        longText('narrative', 'What you observed', {
          guidance:
            'A factual account of what happened and what the practitioner did and said. Keep your judgements for the ratings.',
        }),
      ],
    },
    {
      id: 'practice',
      title: 'Practice',
      summary: 'Rate each domain and give the rationale; the section rating is suggested from them.',
      rated: true,
      items: PRACTICE_DOMAINS.map(([id, label, good]): TemplateItem => ({
        id,
        type: 'rating',
        label,
        guidance: `What good looks like: ${good}`,
        required: true,
        note: 'required',
      })),
    },
    {
      id: 'feedback',
      title: 'Feedback',
      rated: false,
      items: [
        longText('family-feedback', s.feedbackLabel, { required: s.feedbackRequired, guidance: s.feedbackGuidance }),
        longText('reflection', 'The practitioner’s reflection', {
          guidance: 'What the practitioner thought went well and what they would do differently.',
        }),
      ],
    },
    {
      id: 'learning',
      title: 'Learning and development',
      rated: false,
      items: [
        longText('learning-needs', 'Learning needs identified', {
          guidance: 'Write "None identified" if there are none.',
        }),
        longText('development-agreed', 'Development agreed with the practitioner', {
          required: false,
          guidance: 'For example training, shadowing, reading or a focus for supervision, with when it will happen.',
        }),
      ],
    },
  ];
}

/** An observation of practice template, version 1, for one setting. */
export function observationTemplate(s: ObservationSetting): Template {
  return {
    id: s.id,
    version: 1,
    framework: 'Observation of practice',
    title: s.title,
    description:
      `A manager observes a practitioner ${s.observes} and records the evidence, a judgement on each practice domain ` +
      'with its rationale, an overall judgement and any required actions. Written up within 5 days, fed back to the ' +
      'practitioner and their service manager, and collated by the QA manager for the quarterly report (seed 003 §10).',
    subject: 'practitioner',
    responseOptions: optionsOf({ yes: 'Yes', partly: 'Partly', no: 'No' }),
    ratingScale: observationScale,
    ...averagedJudgement({
      label: 'Overall judgement on the quality and effectiveness of the practice observed',
      guidance:
        'Suggested from the practice domains (the average, rounded down). Choose another judgement only with a written reason.',
    }),
    sections: sections(s),
  };
}

/**
 * An observation of practice template, version 2 (issue 15), for one setting: version 1's
 * sections and scale, which stay published and unchanged, re-rated so that one Inadequate domain
 * cannot be averaged away (six Outstanding and one Inadequate averaged to Good in version 1). The
 * practice rating is the limiting judgement (rating-rules.ts): the domains' average rounded down,
 * no more than one step above the weakest domain, and Inadequate when two or more domains are.
 * Seed 003 §10.3 asks for "an overall judgement on the quality and effectiveness of the practice
 * observed" but gives no rule: the safer rule was chosen, mirroring CQC's rating principles (one
 * Inadequate gives Requires improvement at best, two give Inadequate). The practice section is the
 * only rated section, so the overall is its rating (worst-of over one). Citations stay here and in
 * `source` fields; the guidance officers see names no seed.
 */
export function observationTemplateV2(s: ObservationSetting): Template {
  const v1 = observationTemplate(s);
  const silent =
    'Seed 003 gives no rule for combining domain judgements; the limiting judgement was chosen as the safer rule, so an Inadequate domain is never averaged away.';
  return {
    ...v1,
    version: 2,
    description:
      `A manager observes a practitioner ${s.observes} and records the evidence, a judgement on each practice domain ` +
      'with its rationale, an overall judgement and any required actions. Written up within 5 days, fed back to the ' +
      'practitioner and their service manager, and collated by the QA manager for the quarterly report.',
    scoring: {
      method: 'rules',
      section: {
        rule: 'limiting-judgement',
        maxBandsAboveWorst: 1,
        thresholds: [
          {
            answers: ['inadequate'],
            atLeast: 2,
            atBest: 'inadequate',
            reason: 'Two or more domains Inadequate: the practice falls well short in more than one respect.',
            source:
              'seed 003 §10.3; CQC rating principles for adult social care, principle 6 (two or more Inadequate give Inadequate)',
            note: 'Seed 003 gives no count; CQC’s two was followed as the safer rule.',
          },
        ],
        source: 'seed 003 §10.2-10.3 (written up with the guidance on what good looks like; an overall judgement)',
        note: silent,
      },
      overall: {
        rule: 'worst-of',
        source: 'seed 003 §10.3 (an overall judgement on the quality and effectiveness of the practice observed)',
        note: 'The practice section is the only rated section, so the overall is its rating.',
      },
    },
    overall: {
      label: 'Overall judgement on the quality and effectiveness of the practice observed',
      guidance:
        'Suggested from the practice domains: their average rounded down, and never more than one step above the ' +
        'weakest domain, so one Inadequate domain means Requires improvement at best and two mean Inadequate. Choose ' +
        'another judgement only with a written reason.',
    },
    sections: v1.sections.map((section) =>
      section.rated
        ? {
            ...section,
            source: 'seed 003 §10.1-10.3 (direct observation of practice, judged against what good looks like)',
          }
        : section,
    ),
  };
}
