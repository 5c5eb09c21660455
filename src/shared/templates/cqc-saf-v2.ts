// A provider assessment on the CQC Single Assessment Framework, version 2 (issue 15). Version 1
// stays published and unchanged; it combined the key question ratings into the overall by a
// percentage, which CQC does not do (Outstanding×2 + Good×3 came out Good; CQC says Outstanding).
// Version 2:
// - each of the 34 quality statements carries CQC's published "we" statement as its guidance
//   (CQC, "Single assessment framework: quality statements", the wording CQC publishes for
//   providers, adult social care included), scored 1-4 as in version 1;
// - each key question is rated from its statement scores by CQC's percentage bands (CQC, "How we
//   reach a rating"), an exact percentage between two bands falling in the lower one
//   (rating-rules.ts says why);
// - the overall rating follows CQC's rating principles for adult social care (CQC, "How we
//   aggregate ratings using the rating principles: adult social care services");
// - a "breach of regulation found" question limits the overall to Requires improvement at best
//   (principle 1 of the same page).
// CQC is consulting on replacing this framework, so it stays versioned data. Citations are kept
// in this file and the `source` fields; the guidance officers see names no source.
import type { Template, TemplateItem, TemplateSection } from './schema';
import { cqcSafProviderV1, PERCENTAGE_BANDS } from './cqc-saf';

const FRAMEWORK = 'CQC Single Assessment Framework (2024), quality statements';
const REACH_A_RATING =
  'CQC, "How we reach a rating" (Single Assessment Framework scoring): statement scores 1-4 summed as a percentage of the maximum; bands 25-38% Inadequate, 39-62% Requires improvement, 63-87% Good, 88-100% Outstanding';
const RATING_PRINCIPLES =
  'CQC, "How we aggregate ratings using the rating principles: adult social care services" (cqc.org.uk, updated 12 May 2022), principles 1-6';

// Wording checked word for word against CQC's own pages (CQC's curly apostrophes written straight):
// - the statement's page under cqc.org.uk/guidance-regulation/providers/assessment/single-assessment-framework/
//   (safe/learning-culture, safe/safeguarding, safe/involving-people-manage-risk, safe/safe-environments,
//   safe/safe-effective-staffing, safe/infection-prevention-control, safe/medicines-optimisation,
//   effective/staff-teams-work-together, caring/kindness-compassion-dignity, caring/treating-people-individuals,
//   caring/independence-choice-control, responsive/person-centred-care,
//   responsive/care-provision-integration-continuity, responsive/listening-involving-people,
//   responsive/equity-experiences-outcomes, responsive/planning-future, well-led/shared-direction-culture,
//   well-led/freedom-speak-up, well-led/learning-improvement-innovation (CQC's text has no closing full stop),
//   well-led/environmental-sustainability): 20 statements, all as below;
// - .../assessment/mental-health-services-evidence-categories/responsive and /well-led, which quote the
//   statements: "Providing information", "Equity in access", "Workforce equality, diversity and inclusion"
//   and "Partnerships and communities", all as below.
// Not checked (the framework's page for it could not be read): "Safe systems, pathways and transitions",
// "Assessing needs", "Delivering evidence-based care and treatment", "Supporting people to live healthier
// lives", "Monitoring and improving outcomes", "Consent to care and treatment", "Responding to people's
// immediate needs", "Workforce wellbeing and enablement", "Capable, compassionate and inclusive leaders" and
// "Governance, management and sustainability". For the last two, CQC's NHS trust well-led guidance and the
// mental health evidence page give other wording ("...to lead effectively and do so with integrity, openness
// and honesty"; "...good governance to manage and deliver good quality, sustainable care, treatment and
// support"); the mental health page also has older wording for two statements checked above, so the text
// below is kept until the framework pages can be read.
// Titles: the keys are version 1's labels and match CQC's titles; CQC's page heading for "Care provision,
// integration and continuity" has a comma before "and", which its own text on the same page leaves out.
/** CQC's "we" statement for each quality statement, by the statement's title. */
const WE_STATEMENTS: Record<string, string> = {
  // Safe
  'Learning culture':
    'We have a proactive and positive culture of safety based on openness and honesty, in which concerns about safety are listened to, safety events are investigated and reported thoroughly, and lessons are learned to continually identify and embed good practices.',
  'Safe systems, pathways and transitions':
    'We work with people and our partners to establish and maintain safe systems of care, in which safety is managed, monitored and assured. We ensure continuity of care, including when people move between different services.',
  Safeguarding:
    "We work with people to understand what being safe means to them as well as with our partners on the best way to achieve this. We concentrate on improving people's lives while protecting their right to live in safety, free from bullying, harassment, abuse, discrimination, avoidable harm and neglect. We make sure we share concerns quickly and appropriately.",
  'Involving people to manage risks':
    'We work with people to understand and manage risks by thinking holistically so that care meets their needs in a way that is safe and supportive and enables them to do the things that matter to them.',
  'Safe environments':
    'We detect and control potential risks in the care environment. We make sure that the equipment, facilities and technology support the delivery of safe care.',
  'Safe and effective staffing':
    "We make sure there are enough qualified, skilled and experienced people, who receive effective support, supervision and development. They work together effectively to provide safe care that meets people's individual needs.",
  'Infection prevention and control':
    'We assess and manage the risk of infection. We detect and control the risk of it spreading and share any concerns with appropriate agencies promptly.',
  'Medicines optimisation':
    "We make sure that medicines and treatments are safe and meet people's needs, capacities and preferences by enabling them to be involved in planning, including when changes happen.",
  // Effective
  'Assessing needs':
    "We maximise the effectiveness of people's care and treatment by assessing and reviewing their health, care, wellbeing and communication needs with them.",
  'Delivering evidence-based care and treatment':
    "We plan and deliver people's care and treatment with them, including what is important and matters to them. We do this in line with legislation and current evidence-based good practice and standards.",
  'How staff, teams and services work together':
    'We work effectively across teams and services to support people. We make sure they only need to tell their story once by sharing their assessment of needs when they move between different services.',
  'Supporting people to live healthier lives':
    'We support people to manage their health and wellbeing so they can maximise their independence, choice and control. We support them to live healthier lives and where possible, reduce their future needs for care and support.',
  'Monitoring and improving outcomes':
    "We routinely monitor people's care and treatment to continuously improve it. We ensure that outcomes are positive and consistent, and that they meet both clinical expectations and the expectations of people themselves.",
  'Consent to care and treatment':
    'We tell people about their rights around consent and respect these when we deliver person-centred care and treatment.',
  // Caring
  'Kindness, compassion and dignity':
    'We always treat people with kindness, empathy and compassion and we respect their privacy and dignity. We treat colleagues from other organisations with kindness and respect.',
  'Treating people as individuals':
    'We treat people as individuals and make sure their care, support and treatment meets their needs and preferences. We take account of their strengths, abilities, aspirations, culture and unique backgrounds and protected characteristics.',
  'Independence, choice and control':
    "We promote people's independence, so they know their rights and have choice and control over their own care, treatment and wellbeing.",
  "Responding to people's immediate needs":
    "We listen to and understand people's needs, views and wishes. We respond to these in that moment and will act to minimise any discomfort, concern or distress.",
  'Workforce wellbeing and enablement':
    'We care about and promote the wellbeing of our staff, and we support and enable them to always deliver person-centred care.',
  // Responsive
  'Person-centred care':
    'We make sure people are at the centre of their care and treatment choices and we decide, in partnership with them, how to respond to any relevant changes in their needs.',
  'Care provision, integration and continuity':
    'We understand the diverse health and care needs of people and our local communities, so care is joined-up, flexible and supports choice and continuity.',
  'Providing information':
    'We provide appropriate, accurate and up-to-date information in formats that we tailor to individual needs.',
  'Listening to and involving people':
    "We make it easy for people to share feedback and ideas or raise complaints about their care, treatment and support. We involve them in decisions about their care and tell them what's changed as a result.",
  'Equity in access':
    'We make sure that everyone can access the care, support and treatment they need when they need it.',
  'Equity in experiences and outcomes':
    'We actively seek out and listen to information about people who are most likely to experience inequality in experience or outcomes. We tailor the care, support and treatment in response to this.',
  'Planning for the future':
    'We support people to plan for important life changes, so they can have enough time to make informed decisions about their future, including at the end of their life.',
  // Well-led
  'Shared direction and culture':
    'We have a shared vision, strategy and culture. This is based on transparency, equity, equality and human rights, diversity and inclusion, engagement, and understanding challenges and the needs of people and our communities in order to meet these.',
  'Capable, compassionate and inclusive leaders':
    'We have inclusive leaders at all levels who understand the context in which we deliver care, treatment and support and embody the culture and values of their workforce and organisation. They have the skills, knowledge, experience and credibility to lead effectively. They do so with integrity, openness and honesty.',
  'Freedom to speak up':
    'We foster a positive culture where people feel that they can speak up and that their voice will be heard.',
  'Workforce equality, diversity and inclusion':
    'We value diversity in our workforce. We work towards an inclusive and fair culture by improving equality and equity for people who work for us.',
  'Governance, management and sustainability':
    'We have clear responsibilities, roles, systems of accountability and good governance. We use these to manage and deliver good quality, sustainable care, treatment and support. We act on the best information about risk, performance and outcomes, and we share this securely with others when appropriate.',
  'Partnerships and communities':
    'We understand our duty to collaborate and work in partnership, so our services work seamlessly for people. We share information and learning with partners and collaborate for improvement.',
  'Learning, improvement and innovation':
    'We focus on continuous learning, innovation and improvement across our organisation and the local system. We encourage creative ways of delivering equality of experience, outcome and quality of life for people. We actively contribute to safe, effective practice and research.',
  'Environmental sustainability – sustainable development':
    'We understand any negative impact of our activities on the environment and we strive to make a positive contribution in reducing it and support people to do the same.',
};

/** CQC's statement, then how to score it. */
export function weStatementGuidance(title: string): string {
  const we = WE_STATEMENTS[title];
  if (we === undefined) throw new Error(`No "we" statement for the quality statement "${title}"`);
  return `What CQC expects: “${we}” Score the statement if this assessment gathered evidence on it; leave it unscored otherwise.`;
}

function keyQuestion(s: TemplateSection): TemplateSection {
  return {
    ...s,
    source: `${FRAMEWORK}: key question ${s.title}`,
    items: s.items.map((item): TemplateItem =>
      item.type === 'group' ? item : { ...item, guidance: weStatementGuidance(item.label) },
    ),
  };
}

const breach: TemplateSection = {
  id: 'regulation',
  title: 'Breaches of regulation',
  summary:
    'Whether this assessment found a breach of regulation. A breach means the overall rating can be no better than Requires improvement.',
  rated: false,
  source: `${RATING_PRINCIPLES} (principle 1: a breach of regulations limits the overall rating)`,
  items: [
    {
      id: 'breach-of-regulation',
      type: 'choice',
      label: 'Was a breach of regulation found?',
      options: [
        { value: 'no', label: 'No breach found' },
        { value: 'yes', label: 'Yes, one or more breaches found' },
      ],
      guidance:
        'A breach is found when the evidence shows the provider is not meeting one or more of the fundamental standards (Health and ' +
        'Social Care Act 2008 (Regulated Activities) Regulations 2014) or the Care Quality Commission (Registration) ' +
        'Regulations 2009. A breach means the overall rating can be no better than Requires improvement.',
      required: true,
      note: 'none',
    },
    {
      id: 'breach-details',
      type: 'long-text',
      label: 'Which regulations, and what the evidence showed',
      required: true,
      note: 'none',
      showIf: { item: 'breach-of-regulation', in: ['yes'] },
    },
  ],
};

export const cqcSafProviderV2: Template = {
  ...cqcSafProviderV1,
  version: 2,
  description:
    'An assessment of a provider against the 34 quality statements of the CQC Single Assessment Framework (current as ' +
    "of 2025), each with CQC's own statement of what it expects. Each statement assessed is scored 1 to 4 with " +
    'evidence notes tagged by evidence category. Each key question is rated from its percentage of the available ' +
    "score, and the overall rating from the five key question ratings by CQC's rating principles; a breach of " +
    'regulation limits the overall to Requires improvement. CQC is consulting on a replacement, so this is versioned data.',
  ratingScale: [
    {
      value: 'outstanding',
      label: 'Outstanding',
      score: 4,
      hint: 'Key question: 88 to 100 per cent of the available score. Overall: at least two key questions Outstanding and the rest Good.',
    },
    {
      value: 'good',
      label: 'Good',
      score: 3,
      hint: 'Key question: 63 to 87 per cent. Overall: no key question Inadequate and at most one Requires improvement.',
    },
    {
      value: 'requires-improvement',
      label: 'Requires improvement',
      score: 2,
      hint:
        'Key question: 39 to 62 per cent (a percentage between 62 and 63 counts here). Overall: two or more key ' +
        'questions Requires improvement, or one Inadequate, or a breach of regulation found.',
    },
    {
      value: 'inadequate',
      label: 'Inadequate',
      score: 1,
      hint: 'Key question: 25 to 38 per cent. Overall: two or more key questions Inadequate.',
    },
  ],
  scoring: {
    method: 'rules',
    section: {
      rule: 'percentage-bands',
      bands: PERCENTAGE_BANDS,
      source: REACH_A_RATING,
      note:
        'CQC does not say in which band a non-whole percentage between two bands falls (62.5% lies between 62 and 63); ' +
        'we could not confirm it, so the safer, lower band is chosen. The lowest band starts at 0% so every percentage ' +
        'has a band (the lowest possible is 25%).',
    },
    overall: {
      rule: 'cqc-rating-principles',
      ratings: {
        outstanding: 'outstanding',
        good: 'good',
        requiresImprovement: 'requires-improvement',
        inadequate: 'inadequate',
      },
      source: RATING_PRINCIPLES,
      note:
        'The principles say "normally": the suggestion applies them exactly, and an inspector who departs from them ' +
        'gives a written reason. One Inadequate gives Requires improvement (principles 3, 4 and 6 leave nothing else). ' +
        'Outstanding needs all five key questions rated.',
    },
    limiters: [
      {
        item: 'breach-of-regulation',
        in: ['yes'],
        atBest: 'requires-improvement',
        reason: 'A breach of regulation means the service is not meeting the standards a Good rating stands for.',
        source: `${RATING_PRINCIPLES}: principle 1, "the overall rating for a service cannot be better than requires improvement if there is a breach of regulations"`,
      },
    ],
  },
  overall: {
    label: 'Overall rating',
    guidance:
      "Suggested from the five key question ratings by CQC's rating principles: Outstanding needs at least two key " +
      'questions Outstanding and the rest Good; Good needs no Inadequate and at most one Requires improvement; two or ' +
      'more Requires improvement, or one Inadequate, give Requires improvement; two or more Inadequate give ' +
      'Inadequate. A breach of regulation means Requires improvement at best.',
  },
  sections: [...cqcSafProviderV1.sections.map(keyQuestion), breach],
};
