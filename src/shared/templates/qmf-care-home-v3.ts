// The Care Home Quality Monitoring Framework, version 3 (issue 15): the same areas, checks and
// scores as version 2, which stays published and unchanged, re-rated on risk. Version 2's worst-of
// rule made one "not met" among 70 checks turn the whole home Red; councils RAG rate on the level
// of risk (seed 004 §7: "All contracts will be red/amber/green (RAG) rated according to the level
// of risk"; §15: the QMF areas and the RAG status they inform; §16: work prioritised on risk). So:
// - critical checks are marked in the data below (staffing levels, safe recruitment, falls and
//   pressure care, nutrition, safeguarding referrals and restrictions, medicines records,
//   controlled drugs and covert medicines), each with its reason;
// - an area's RAG comes from threshold counts of critical, not met and partly met checks, each
//   threshold with its reason;
// - the overall RAG is a limiting judgement: the areas' average rounded down, never better than the
//   worst critical area (staffing, resident care, safeguarding, medicines), nor more than one band
//   above the worst area, and Red when two or more areas are Red, so a Red area can never sit
//   under a Green overall.
// Seed 004 names the areas but not which checks are critical nor how many shortfalls move an area:
// where it is silent the notes say so, and the safer (lower) count was chosen. Citations stay in
// this file and in `source` fields; the guidance officers see names no seed. The rules are written
// once in risk-scoring.ts, shared with the community templates; this file words them for a care home.
import type { CriticalPart, Template, TemplateSection } from './schema';
import { qmfCareHomeV2 } from './qmf-care-home-v2';
import { riskScoring } from './risk-scoring';

const RISK = 'seed 004 §7 (RAG rated according to the level of risk), §15 (QMF areas), §16 (risk-based monitoring)';
const SILENT_CRITICAL =
  'Seed 004 does not say which checks are critical; these were chosen because failing them can harm residents directly, the safer choice.';

const critical = (id: string, reason: string, source: string): CriticalPart => ({
  id,
  reason,
  source,
  note: SILENT_CRITICAL,
});

/** The checks whose failure is a risk of harm in itself (section level). */
const CRITICAL_CHECKS: CriticalPart[] = [
  critical(
    'staffing-rota',
    'Too few staff on a shift means care is missed or unsafe.',
    'seed 004 §15 (staffing levels); CQC Regulation 18: Staffing',
  ),
  critical(
    'staffing-dependency',
    "Staffing not matched to residents' dependency leaves needs unmet as they rise.",
    'seed 004 §15 (staffing levels); CQC Regulation 18: Staffing',
  ),
  critical(
    'staffing-dbs',
    'A worker without an enhanced DBS and barred-list check may be barred from working with adults.',
    'seed 004 §15 (recruitment); seed 001 app. 2 Standard 1 (staff cleared by the DBS); CQC Regulation 19',
  ),
  critical(
    'care-falls-pressure',
    'Unmanaged falls and pressure ulcer risk causes avoidable injury.',
    'seed 004 §15 (resident care), §17 (pressure care meetings); CQC Regulation 12: Safe care and treatment',
  ),
  critical(
    'care-nutrition',
    'Unscreened weight loss and dehydration cause avoidable harm.',
    'seed 004 §15 (resident care), §17 (referral to dieticians); CQC Regulation 14',
  ),
  critical(
    'safeguarding-referrals',
    'A concern not referred leaves a resident unprotected from abuse or neglect.',
    'seed 004 §11, §15 (safeguarding), §16 (safeguarding information); CQC Regulation 13',
  ),
  critical(
    'safeguarding-restrictive-practice',
    'An unassessed restriction may be an unlawful deprivation of liberty or restraint.',
    'seed 004 §15 (safeguarding); CQC Regulation 13',
  ),
  critical(
    'medicines-mar',
    'Gaps in medicines records mean doses may be missed or doubled.',
    'seed 004 §15 (medicine management), §17; CQC Regulation 12',
  ),
  critical(
    'medicines-controlled-drugs',
    'Controlled drugs that do not balance may have been misused or diverted.',
    'seed 004 §15 (medicine management); CQC Regulation 12; NICE SC1',
  ),
  critical(
    'medicines-covert',
    'Medicines hidden in food without a lawful decision are given without consent.',
    'seed 004 §15 (medicine management); CQC Regulations 11 and 12',
  ),
];

const THRESHOLD_NOTE = 'Seed 004 gives no counts; the lowest count that marks the pattern was chosen, the safer rule.';

/** Where each area comes from (seed 004 §15 lists them; feedback from residents is its last paragraph). */
const AREA_SOURCES: Record<string, string> = {
  staffing: 'seed 004 §15: staffing levels and recruitment',
  supervision: 'seed 004 §15: staff supervision',
  training: 'seed 004 §15: staff training',
  'resident-care': 'seed 004 §15: resident care',
  safeguarding: 'seed 004 §15: safeguarding; §11 the Safeguarding Team’s risk assessment',
  management: 'seed 004 §15: management & finances',
  'staff-feedback': 'seed 004 §15: staff feedback',
  medicines: 'seed 004 §15: medicine management; §17 links to medicine management',
  'resident-feedback': 'seed 004 §15: feedback from residents or service users, "an essential and critical part"',
};

const CRITICAL_AREAS = ['staffing', 'resident-care', 'safeguarding', 'medicines'];

const section = (s: TemplateSection): TemplateSection => (s.rated ? { ...s, source: AREA_SOURCES[s.id] } : s);

export const qmfCareHomeV3: Template = {
  ...qmfCareHomeV2,
  version: 3,
  // Versions 1 and 2 are restricted to these in service-types.ts; this version says so itself.
  serviceTypes: ['care-home', 'nursing-home'],
  description:
    'Quality monitoring visit to a care home, covering staffing and recruitment, supervision, training, resident ' +
    'care, safeguarding, management and finances, staff feedback, medicines and feedback from residents. Read the ' +
    'pre-visit briefing first so the visit can focus on known concerns. Each area is rated red, amber or green on ' +
    'risk: a critical check not met makes the area Red, and the number of checks not met or partly met moves it ' +
    'to Amber or Red. The overall RAG cannot be better than the weakest of staffing, resident care, safeguarding ' +
    'and medicines, nor more than one step above the weakest area, and two Red areas make it Red. A different ' +
    'rating needs a written reason.',
  scoring: riskScoring({
    risk: RISK,
    thresholdNote: THRESHOLD_NOTE,
    people: 'residents',
    whole: 'home',
    redWhenNotMet: {
      atLeast: 3,
      reason:
        'Three or more checks not met in one area (of about eight) is a failure across the area, not an isolated gap.',
    },
    amberSource: "the Amber rating's description (shortfalls against expected standards)",
    criticalChecks: CRITICAL_CHECKS,
    criticalAreas: CRITICAL_AREAS.map((id) => ({
      id,
      reason: 'A Red or Amber here is a risk to residents that no other area can offset.',
      source: `${AREA_SOURCES[id]}; issue 15 (safeguarding, medicines and staffing levels are critical)`,
      note: 'Seed 004 does not rank its areas; resident care (falls, pressure care, nutrition) was added as critical, the safer choice.',
    })),
  }),
  overall: {
    label: 'Overall RAG rating',
    guidance:
      "The provider's status after this visit: our relative confidence to place new business, or conformity with " +
      'expected standards for existing business. It is suggested from the area ratings: never better than the ' +
      'weakest of staffing, resident care, safeguarding and medicines, never more than one step above the weakest ' +
      'area, Red when two or more areas are Red, and Green only when every area is Green.',
  },
  sections: qmfCareHomeV2.sections.map(section),
};
