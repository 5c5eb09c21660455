// What the home care and supported living quality monitoring templates share, modelled on the care
// home QMF version 2 (qmf-care-home-v2.ts): met / partly met / not met / not applicable checks with
// an evidence note unless met, a red / amber / green rating per area and overall, the people spoken
// to as a repeating group (initials or a role, never a name; its rows from items.ts, with how each
// person was spoken to), the checks and items both ask word for word, the risk rating rules (risk-scoring.ts, worded for both), the
// action policy, and the template's frame around its own areas (communityTemplate). Both templates
// are published: a change to anything here changes both, so it is a new version of each.
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
import { check, peopleSpokenTo } from './items';
import { riskScoring } from './risk-scoring';
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

/** How an officer speaks to people on a community visit: the service is in people's own homes. */
const SPOKEN_HOW: TemplateItem = {
  id: 'spoken-how',
  type: 'choice',
  label: 'How you spoke to them',
  required: true,
  note: 'none',
  options: [
    { value: 'at-home', label: 'In their home' },
    { value: 'phone', label: 'By phone' },
    { value: 'elsewhere', label: 'Elsewhere' },
  ],
};

/**
 * The feedback area: the template's own `checks`, then one row per person spoken to and a summary
 * of what people told us. `spokenTo` and `toldUs` word them for whom the template hears from.
 */
export function feedbackSection(options: {
  summary: string;
  checks: TemplateItem[];
  /** `relationships`: the people supported and those close to them; professionals and others are added. */
  spokenTo: { whom: string; whoExample: string; relationships: Readonly<Record<string, string>> };
  toldUs: string;
}): TemplateSection {
  return {
    id: 'feedback',
    title: 'Feedback from people and families',
    summary: options.summary,
    rated: true,
    items: [
      ...options.checks,
      peopleSpokenTo({ id: 'feedback-people-spoken-to', ...options.spokenTo, beforeSaid: [SPOKEN_HOW] }),
      {
        id: 'feedback-summary',
        type: 'long-text',
        label: 'What people told us',
        guidance: `${options.toldUs} Do not record names or details that identify a person.`,
        required: false,
        note: 'none',
      },
    ],
  };
}

/**
 * The management area: the registered manager and insurance checks, asked the same way of every
 * community provider, around the template's own `checks`.
 */
export function managementSection(checks: TemplateItem[]): TemplateSection {
  return {
    id: 'management',
    title: 'Management and governance',
    summary: 'Whether the service is well led, watches its own quality and acts on what it finds.',
    rated: true,
    items: [
      check(
        'management-registered-manager',
        'A registered manager is in post, or the provider has notified CQC of the absence and the interim arrangements',
        'Check the CQC register and note any recent changes of manager.',
      ),
      ...checks,
      check(
        'management-insurance',
        "Employer's liability and public liability insurance certificates are current and meet the contract requirements",
        'Check the certificates and expiry dates. Note any sign of financial difficulty and pass it to the ' +
          'commissioning team.',
      ),
    ],
  };
}

/** The overall judgement, the rating rule and the action policy both templates use. */
const COMMUNITY_JUDGEMENT: Pick<Template, 'overall' | 'actionDueMonths'> = {
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
function withSources(sections: TemplateSection[], sources: Readonly<Record<string, string>>): TemplateSection[] {
  return sections.map((s) => ({ ...s, source: sourceOf(sources, s.id) }));
}

/** The source of the area `id`; a template that leaves one out fails as it loads, not when rated. */
function sourceOf(sources: Readonly<Record<string, string>>, id: string): string {
  const source = sources[id];
  if (source === undefined) throw new Error(`No source for the area "${id}"`);
  return source;
}

const RISK =
  'seed 004 §7 (RAG rated according to the level of risk), §15 (QMF areas; the RAG status), §16 (risk-based monitoring)';
const THRESHOLD_NOTE =
  'Seed 004 gives no counts; the lowest count that marks the pattern was chosen, the safer rule (as the care home QMF version 3).';

/** The reason of a critical area unless the template gives one of its own. */
const CRITICAL_AREA_REASON = 'A Red or Amber here is a risk to people that no other area can offset.';

/**
 * The rating rules of both templates, as the care home QMF version 3 (qmf-care-home-v3.ts) rates
 * on risk. An area's RAG comes from threshold counts: a critical check not met makes it Red, two
 * checks not met make it Red (areas here have four to seven checks, so two is already a pattern,
 * where the care home's areas of about eight take three), a critical check partly met or any check
 * not met makes it Amber, two checks partly met make it Amber. The overall RAG is a limiting
 * judgement: the areas' average rounded down (Green only when every area is Green), never better
 * than the worst critical area nor more than one band above the worst area, and Red when two or
 * more areas are Red.
 */
function communityScoring(
  options: Pick<CommunityTemplateOptions, 'sources' | 'criticalChecks' | 'criticalAreas' | 'criticalAreasNote'>,
): Scoring {
  return riskScoring({
    risk: RISK,
    thresholdNote: THRESHOLD_NOTE,
    people: 'people',
    whole: 'service',
    redWhenNotMet: {
      atLeast: 2,
      reason:
        'Two or more checks not met in one area (of four to seven) is a failure across the area, not an isolated gap.',
    },
    amberSource: 'seed 001 Appendix 3 (Amber: some standards not met or not met consistently)',
    criticalChecks: options.criticalChecks,
    criticalAreas: options.criticalAreas.map((a) => ({
      id: a.id,
      reason: a.reason ?? CRITICAL_AREA_REASON,
      source: sourceOf(options.sources, a.id),
      note: options.criticalAreasNote,
    })),
  });
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

/** What a community template says for itself; communityTemplate puts it in the shared frame. */
export interface CommunityTemplateOptions {
  id: string;
  version: number;
  title: string;
  description: string;
  serviceTypes: NonNullable<Template['serviceTypes']>;
  sections: TemplateSection[];
  sources: Readonly<Record<string, string>>;
  criticalChecks: CriticalPart[];
  /** The areas the overall RAG can never be better than; `reason` where the shared one does not fit. */
  criticalAreas: Array<{ id: string; reason?: string }>;
  /** Why these areas were chosen as critical (the seeds do not rank areas). */
  criticalAreasNote: string;
}

/**
 * A community template: its own id, wording, areas and critical parts in the frame both share
 * (a provider visit rated met / partly met / not met, red / amber / green on risk, with the
 * overall judgement and action policy above). Each area gets its source from `sources`.
 */
export function communityTemplate(options: CommunityTemplateOptions): Template {
  return {
    id: options.id,
    version: options.version,
    framework: 'QMF',
    title: options.title,
    description: options.description,
    subject: 'provider',
    serviceTypes: options.serviceTypes,
    responseOptions: COMMUNITY_RESPONSE_OPTIONS,
    ratingScale: COMMUNITY_RATING_SCALE,
    sections: withSources(options.sections, options.sources),
    scoring: communityScoring(options),
    ...COMMUNITY_JUDGEMENT,
  };
}
