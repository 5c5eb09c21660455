// The exception-reporting headings of seed 002 §8 and where each finding belongs under them:
// a template's sections (an area rated below standard) and items (an action raised from them), and the
// provider intelligence the office records. The table is data, so a council can re-file a section
// by changing one line; anything not listed falls under "Delivery and performance".
import type { IntelligenceEntry } from '../briefings/register';
import type { Template } from '../templates/schema';
import type { EscalationTrigger } from '../escalations/schema';

export const EXCEPTION_HEADINGS = [
  { id: 'delivery-performance', label: 'Delivery and performance' },
  { id: 'quality-complaints', label: 'Quality, compliments and complaints' },
  { id: 'safeguarding-health-safety', label: 'Safeguarding including health and safety' },
  { id: 'people', label: 'People (staffing and volunteers)' },
  { id: 'innovation-development', label: 'Innovation and development' },
  { id: 'finance', label: 'Finance' },
  { id: 'insurance', label: 'Company insurance' },
] as const;
export type HeadingId = (typeof EXCEPTION_HEADINGS)[number]['id'];

const DEFAULT_HEADING: HeadingId = 'delivery-performance';

/** Template id → section id → heading. */
const SECTION_HEADINGS: Record<string, Record<string, HeadingId>> = {
  'qmf-care-home': {
    staffing: 'people',
    supervision: 'people',
    training: 'people',
    'staff-feedback': 'people',
    'resident-care': 'delivery-performance',
    'resident-feedback': 'quality-complaints',
    safeguarding: 'safeguarding-health-safety',
    medicines: 'safeguarding-health-safety',
    // "Management and finances" (seed 004 §15) is mostly leadership and governance: delivery and
    // performance. Its items about people, money, insurance, complaints and safety are filed
    // apart below; none of it is the provider's own finance, so nothing here is filed there.
    management: 'delivery-performance',
  },
  'cqc-saf-provider': {
    safe: 'safeguarding-health-safety',
    effective: 'delivery-performance',
    caring: 'quality-complaints',
    responsive: 'quality-complaints',
    'well-led': 'delivery-performance',
  },
  'case-file-audit': {
    safe: 'safeguarding-health-safety',
    experience: 'quality-complaints',
    workforce: 'people',
    equality: 'delivery-performance',
    resources: 'finance',
  },
  // Home care and supported living: staffing and supervision are people; safeguarding, medicines
  // and restrictive practice are safeguarding; what people and families say is quality; the
  // service's running (calls, plans, governance) is delivery and performance.
  'qmf-home-care': {
    calls: 'delivery-performance',
    continuity: 'delivery-performance',
    travel: 'delivery-performance',
    supervision: 'people',
    medicines: 'safeguarding-health-safety',
    'care-plans': 'delivery-performance',
    safeguarding: 'safeguarding-health-safety',
    staffing: 'people',
    management: 'delivery-performance',
    feedback: 'quality-complaints',
  },
  'qmf-supported-living': {
    'tenancy-choice': 'quality-complaints',
    'support-plans': 'delivery-performance',
    'behaviour-support': 'safeguarding-health-safety',
    community: 'delivery-performance',
    staffing: 'people',
    supervision: 'people',
    medicines: 'safeguarding-health-safety',
    safeguarding: 'safeguarding-health-safety',
    management: 'delivery-performance',
    feedback: 'quality-complaints',
  },
};

/**
 * Items filed apart from their section: the QMF's management area holds the registered manager,
 * residents' money, insurance, complaints, incidents and fire safety. Each heading is one of seed
 * 002 §8's ("Delivery and performance; Quality, compliment and complaints; Safeguarding including
 * health and safety; People (staffing and volunteers); Innovation and development; Finance;
 * Company insurance").
 */
const ITEM_HEADINGS: Record<string, Record<string, HeadingId>> = {
  'qmf-care-home': {
    // A registered manager in post or not is a staffing matter, not finance (the error issue 15 found).
    'management-registered-manager': 'people',
    // Residents' money kept safely is protection from financial abuse (Regulation 13, as the item says).
    'management-residents-money': 'safeguarding-health-safety',
    'management-insurance': 'insurance',
    'management-complaints': 'quality-complaints',
    'management-fire-safety': 'safeguarding-health-safety',
    'management-incidents': 'safeguarding-health-safety',
  },
  'qmf-home-care': { 'management-insurance': 'insurance', 'management-complaints': 'quality-complaints' },
  'qmf-supported-living': { 'management-insurance': 'insurance', 'management-complaints': 'quality-complaints' },
};

export function sectionHeading(templateId: string, sectionId: string): HeadingId {
  return SECTION_HEADINGS[templateId]?.[sectionId] ?? DEFAULT_HEADING;
}

/** The heading of the section an item (or a section id itself) belongs to. */
export function itemHeading(template: Template, itemOrSectionId: string | null | undefined): HeadingId {
  if (itemOrSectionId === null || itemOrSectionId === undefined) return DEFAULT_HEADING;
  const own = ITEM_HEADINGS[template.id]?.[itemOrSectionId];
  if (own !== undefined) return own;
  const section = template.sections.find(
    (s) =>
      s.id === itemOrSectionId ||
      s.items.some((i) => i.id === itemOrSectionId || (i.items ?? []).some((c) => c.id === itemOrSectionId)),
  );
  return section === undefined ? DEFAULT_HEADING : sectionHeading(template.id, section.id);
}

/** Intelligence that is itself an exception, and its heading; null for routine or positive entries. */
export function intelligenceHeading(
  entry: Pick<IntelligenceEntry, 'kind'> & Partial<{ sentiment: string; outcome: string }>,
): HeadingId | null {
  switch (entry.kind) {
    case 'complaint':
      return 'quality-complaints';
    case 'safeguarding-referral':
    case 'incident':
      return 'safeguarding-health-safety';
    case 'fire-inspection':
      return entry.outcome === 'satisfactory' ? null : 'safeguarding-health-safety';
    case 'feedback':
      return entry.sentiment === 'concern' ? 'quality-complaints' : null;
    default:
      return null;
  }
}

/**
 * The heading an escalation (seed 004 §22) is reported under, by what triggered it. Seed 002 §8
 * lists the headings ("Delivery and performance; Quality, compliment and complaints; Safeguarding
 * including health and safety; People (staffing and volunteers); ..."); the two triggers seed 004
 * §22 names fall under:
 * - a significant incident or a safeguarding concern: harm, or the risk of it, to the people using
 *   the service, i.e. "Safeguarding including health and safety" (where an incident recorded as
 *   intelligence is filed too);
 * - a failed CQC inspection, a monitoring visit result or other intelligence (complaints, concerns
 *   from professionals): a judgement that the care falls short, i.e. "Quality, compliment and
 *   complaints".
 */
const ESCALATION_HEADINGS: Readonly<Record<EscalationTrigger, HeadingId>> = {
  'significant-incident': 'safeguarding-health-safety',
  safeguarding: 'safeguarding-health-safety',
  'failed-cqc-inspection': 'quality-complaints',
  'visit-result': 'quality-complaints',
  intelligence: 'quality-complaints',
};

export const escalationHeading = (trigger: EscalationTrigger): HeadingId => ESCALATION_HEADINGS[trigger];
