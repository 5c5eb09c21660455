// The risk-based rating rules shared by the care home QMF version 3 and the community templates
// (home care, supported living): an area's RAG from threshold counts of critical, not met and
// partly met checks, and the overall RAG as a limiting judgement. The templates differ only in
// wording (whom the checks protect, what the service is called, which sources they cite) and in
// how many checks not met make an area Red, which depends on how many checks an area has; both
// are parameters here so the rules themselves are written once. Published templates are built
// from this, so any change to the text below changes published data: add a parameter instead.
import type { CriticalPart, Scoring } from './schema';

export interface RiskScoringOptions {
  /** The source every rule cites: the seed's paragraphs on rating by risk, as the template reads them. */
  risk: string;
  /** Why each threshold count was chosen (the seeds give none). */
  thresholdNote: string;
  /** Whom a critical check protects, as the template calls them: "residents", "people". */
  people: string;
  /** What two Red areas are a failure across: "home", "service". */
  whole: string;
  /** How many checks not met make an area Red, with the reason: the count depends on how many checks an area has. */
  redWhenNotMet: { atLeast: number; reason: string };
  /** Where the "any check not met is Amber" rule comes from, cited after `risk`. */
  amberSource: string;
  /** The checks whose failure is a risk of harm in itself (section level). */
  criticalChecks: CriticalPart[];
  /** The areas the overall RAG can never be better than. */
  criticalAreas: CriticalPart[];
}

/** The threshold-counts section rule and the limiting-judgement overall rule, worded for one template. */
export function riskScoring(options: RiskScoringOptions): Scoring {
  const { risk, thresholdNote } = options;
  return {
    method: 'rules',
    section: {
      rule: 'threshold-counts',
      source: risk,
      note: 'Seed 004 does not say how checks combine into an area RAG; these thresholds are the defaults chosen, each at the safer count.',
      critical: options.criticalChecks,
      thresholds: [
        {
          answers: ['not-met'],
          criticalOnly: true,
          atLeast: 1,
          atBest: 'red',
          reason: `A critical check not met is a present risk of harm to ${options.people}, whatever else is in place.`,
          source: risk,
          note: thresholdNote,
        },
        {
          answers: ['not-met'],
          atLeast: options.redWhenNotMet.atLeast,
          atBest: 'red',
          reason: options.redWhenNotMet.reason,
          source: risk,
          note: thresholdNote,
        },
        {
          answers: ['partly-met'],
          criticalOnly: true,
          atLeast: 1,
          atBest: 'amber',
          reason: 'A critical check only partly met is a risk that needs an agreed action and follow-up.',
          source: risk,
          note: thresholdNote,
        },
        {
          answers: ['not-met'],
          atLeast: 1,
          atBest: 'amber',
          reason: 'Any check not met needs an improvement action, so the area is not meeting expected standards.',
          source: `${risk}; ${options.amberSource}`,
          note: thresholdNote,
        },
        {
          answers: ['partly-met'],
          atLeast: 2,
          atBest: 'amber',
          reason: 'Two or more checks partly met show a pattern of gaps rather than a single point to improve.',
          source: risk,
          note: thresholdNote,
        },
      ],
    },
    overall: {
      rule: 'limiting-judgement',
      source: `${risk}; seed 004 §15: the RAG status is "relative confidence to place new business or conformity with expected standards"`,
      note:
        'Seed 004 does not say how area ratings combine. Chosen: the average rounded down (so Green needs every area Green), ' +
        'no better than the worst critical area, and no more than one band above the worst area: the safer rule, which cannot hide a Red.',
      maxBandsAboveWorst: 1,
      thresholds: [
        {
          answers: ['red'],
          atLeast: 2,
          atBest: 'red',
          reason: `Two or more areas Red is a failure across the ${options.whole}, whichever areas they are.`,
          source: `${risk}; as CQC's rating principles (two or more Inadequate give Inadequate)`,
          note: 'Seed 004 gives no count; two was chosen as the safer rule.',
        },
      ],
      critical: options.criticalAreas,
    },
  };
}
