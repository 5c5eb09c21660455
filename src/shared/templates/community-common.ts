// What the home care and supported living quality monitoring templates share, modelled on the care
// home QMF version 2 (qmf-care-home-v2.ts): met / partly met / not met / not applicable checks with
// an evidence note unless met, a red / amber / green rating per area and overall, the people spoken
// to as a repeating group (initials or a role, never a name), a safeguarding follow-up, and the
// action policy.
//
// Sources, for the code and never shown to officers:
// - seed 004 §15: one Quality Monitoring Framework template per visit; feedback from people who use
//   services "an essential and critical part"; the RAG status is "relative confidence to place new
//   business or conformity with expected standards for existing business". §20: a common toolkit
//   whose core elements apply to every service area. §21: each client group has standards related
//   to national guidance. §9: significant follow-up actions closed within 3 months.
// - seed 001 Appendix 3 grade descriptions, used for the RAG hints: Green "good practice", Amber
//   "reached the required minimum standard" though some standards are "not met consistently",
//   Red "failed to reach the minimum standard required and immediate action is required".
// - seed 001 §4.1: the experience of service users, customers and families.
import type { ChoiceOption, CriticalPart, Scoring, Template, TemplateItem, TemplateSection } from './schema';

/** Met 3, partly met 2, not met 1, not applicable unscored: as the care home QMF version 2. */
export const COMMUNITY_RESPONSE_OPTIONS: ChoiceOption[] = [
  {
    value: 'met',
    label: 'Met',
    hint: 'The evidence shows the expected standard is in place and working in practice.',
    score: 3,
  },
  {
    value: 'partly-met',
    label: 'Partly met',
    hint: 'Some evidence, but with gaps or inconsistencies. Record what is missing; an improvement action is needed.',
    score: 2,
  },
  {
    value: 'not-met',
    label: 'Not met',
    hint: 'The standard is not in place, or the evidence shows a risk to people. Record what you found; an action is needed.',
    score: 1,
  },
  {
    value: 'not-applicable',
    label: 'Not applicable',
    hint: 'Does not apply to this service at present, for example no one is currently supported with medicines.',
  },
];

/** Green / amber / red, described as the council's grade descriptions and RAG status describe them. */
export const COMMUNITY_RATING_SCALE: ChoiceOption[] = [
  {
    value: 'green',
    label: 'Green',
    hint:
      'Meets expected standards and shows good practice: people are kept safe, risk and choice are balanced, and ' +
      'people describe the service as consistently good. We are confident to place new packages; routine ' +
      'monitoring continues.',
    score: 3,
  },
  {
    value: 'amber',
    label: 'Amber',
    hint:
      'Reaches the minimum standard, but some standards are not met or not met consistently. Improvement actions ' +
      'are agreed with the provider and followed up; new packages are placed with caution.',
    score: 2,
  },
  {
    value: 'red',
    label: 'Red',
    hint:
      'Fails to reach the minimum standard: people are harmed or at risk of harm, or their welfare is not ' +
      'safeguarded. Immediate action is needed: no new packages while the concerns are addressed; escalate under ' +
      'the escalation procedure and share with safeguarding colleagues and CQC.',
    score: 1,
  },
];

/** A met / partly met / not met check; the evidence note is required unless it is met or not applicable. */
export function check(id: string, label: string, guidance: string): TemplateItem {
  return {
    id,
    type: 'choice',
    label,
    guidance,
    required: true,
    note: 'required',
    noteOptionalFor: ['met', 'not-applicable'],
  };
}

/** One row per person spoken to: who (initials or a role), who they are, how, what they said, any concern. */
export function peopleSpokenTo(options: {
  id: string;
  guidance: string;
  whoExample: string;
  relationships: ChoiceOption[];
  how: ChoiceOption[];
}): TemplateItem {
  return {
    id: options.id,
    type: 'group',
    label: 'People spoken to',
    guidance: options.guidance,
    required: false,
    note: 'none',
    rowLabel: 'Person spoken to',
    maxRows: 30,
    items: [
      {
        id: 'spoken-who',
        type: 'text',
        label: 'Initials or role',
        guidance: `${options.whoExample} Never a full name.`,
        required: true,
        note: 'none',
      },
      {
        id: 'spoken-relationship',
        type: 'choice',
        label: 'Who they are',
        required: true,
        note: 'none',
        options: options.relationships,
      },
      {
        id: 'spoken-how',
        type: 'choice',
        label: 'How you spoke to them',
        required: true,
        note: 'none',
        options: options.how,
      },
      { id: 'spoken-said', type: 'long-text', label: 'What they told you', required: true, note: 'none' },
      { id: 'spoken-concern', type: 'yes-no', label: 'Did they raise a concern?', required: true, note: 'none' },
      {
        id: 'spoken-concern-action',
        type: 'long-text',
        label: 'What you did about the concern',
        required: true,
        note: 'none',
        showIf: { item: 'spoken-concern', in: ['yes'] },
      },
    ],
  };
}

/** Asked when the safeguarding referrals check is not met, as on the care home QMF version 2. */
export function safeguardingFollowUp(id: string, after: string): TemplateItem {
  return {
    id,
    type: 'yes-no',
    label: 'Did you make or discuss a safeguarding referral because of what you found?',
    guidance:
      'Shown because the safeguarding referrals check was not met. Any concern about abuse or neglect goes to the ' +
      'safeguarding team the same day.',
    required: true,
    note: 'optional',
    showIf: { item: after, in: ['not-met'] },
  };
}

/** The overall judgement, the rating rule and the action policy both templates use. */
export const COMMUNITY_JUDGEMENT: Pick<Template, 'overall' | 'actionDueMonths'> = {
  overall: {
    label: 'Overall RAG rating',
    guidance:
      "The provider's status after this visit: our relative confidence to place new packages, or conformity with " +
      'expected standards for existing packages. It is suggested from the area ratings: never better than the ' +
      'weakest of the critical areas, never more than one step above the weakest area, Red when two or more areas ' +
      'are Red, and Green only when every area is Green. A different rating needs a written reason.',
  },
  // Significant actions closed within 3 months (seed 004 §9); routine ones within 6, as the care home QMF.
  actionDueMonths: { significant: 3, routine: 6 },
};

/** Each area with the source it comes from (a `source` field, never shown to officers). */
export function withSources(sections: TemplateSection[], sources: Readonly<Record<string, string>>): TemplateSection[] {
  return sections.map((s) => {
    const source = sources[s.id];
    if (source === undefined) throw new Error(`No source for the area "${s.id}"`);
    return { ...s, source };
  });
}

const RISK =
  'seed 004 §7 (RAG rated according to the level of risk), §15 (QMF areas; the RAG status), §16 (risk-based monitoring)';
const THRESHOLD_NOTE =
  'Seed 004 gives no counts; the lowest count that marks the pattern was chosen, the safer rule (as the care home QMF version 3).';

/**
 * The rating rules of both templates, as the care home QMF version 3 (qmf-care-home-v3.ts) rates
 * on risk. An area's RAG comes from threshold counts: a critical check not met makes it Red, two
 * checks not met make it Red (areas here have four to seven checks, so two is already a pattern),
 * a critical check partly met or any check not met makes it Amber, two checks partly met make it
 * Amber. The overall RAG is a limiting judgement: the areas' average rounded down (Green only when
 * every area is Green), never better than the worst critical area nor more than one band above the
 * worst area, and Red when two or more areas are Red.
 */
export function communityScoring(options: {
  criticalChecks: CriticalPart[];
  criticalAreas: Array<{ id: string; reason: string; source: string }>;
  criticalAreasNote: string;
}): Scoring {
  return {
    method: 'rules',
    section: {
      rule: 'threshold-counts',
      source: RISK,
      note: 'Seed 004 does not say how checks combine into an area RAG; these thresholds are the defaults chosen, each at the safer count.',
      critical: options.criticalChecks,
      thresholds: [
        {
          answers: ['not-met'],
          criticalOnly: true,
          atLeast: 1,
          atBest: 'red',
          reason: 'A critical check not met is a present risk of harm to people, whatever else is in place.',
          source: RISK,
          note: THRESHOLD_NOTE,
        },
        {
          answers: ['not-met'],
          atLeast: 2,
          atBest: 'red',
          reason:
            'Two or more checks not met in one area (of four to seven) is a failure across the area, not an isolated gap.',
          source: RISK,
          note: THRESHOLD_NOTE,
        },
        {
          answers: ['partly-met'],
          criticalOnly: true,
          atLeast: 1,
          atBest: 'amber',
          reason: 'A critical check only partly met is a risk that needs an agreed action and follow-up.',
          source: RISK,
          note: THRESHOLD_NOTE,
        },
        {
          answers: ['not-met'],
          atLeast: 1,
          atBest: 'amber',
          reason: 'Any check not met needs an improvement action, so the area is not meeting expected standards.',
          source: `${RISK}; seed 001 Appendix 3 (Amber: some standards not met or not met consistently)`,
          note: THRESHOLD_NOTE,
        },
        {
          answers: ['partly-met'],
          atLeast: 2,
          atBest: 'amber',
          reason: 'Two or more checks partly met show a pattern of gaps rather than a single point to improve.',
          source: RISK,
          note: THRESHOLD_NOTE,
        },
      ],
    },
    overall: {
      rule: 'limiting-judgement',
      source: `${RISK}; seed 004 §15: the RAG status is "relative confidence to place new business or conformity with expected standards"`,
      note:
        'Seed 004 does not say how area ratings combine. Chosen: the average rounded down (so Green needs every area Green), ' +
        'no better than the worst critical area, and no more than one band above the worst area: the safer rule, which cannot hide a Red.',
      maxBandsAboveWorst: 1,
      thresholds: [
        {
          answers: ['red'],
          atLeast: 2,
          atBest: 'red',
          reason: 'Two or more areas Red is a failure across the service, whichever areas they are.',
          source: `${RISK}; as CQC's rating principles (two or more Inadequate give Inadequate)`,
          note: 'Seed 004 gives no count; two was chosen as the safer rule.',
        },
      ],
      critical: options.criticalAreas.map((a) => ({ ...a, note: options.criticalAreasNote })),
    },
  };
}

/** A check whose failure is a risk of harm in itself; the seeds never say which checks are critical. */
export function critical(id: string, reason: string, source: string): CriticalPart {
  return {
    id,
    reason,
    source,
    note: 'The seeds do not say which checks are critical; this one was chosen because failing it can harm people directly, the safer choice.',
  };
}
