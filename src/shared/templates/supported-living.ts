// The built-in supported living quality monitoring template, version 1: what a council's contracts
// and quality monitoring officer checks at a supported living service, where people hold their own
// tenancy and a provider supports them in their own home (often people with a learning disability,
// autistic people or people with mental health needs). A published version is never edited; any
// change is version 2.
//
// Each area is traced in SUPPORTED_LIVING_SOURCES (data for the code and tests, never shown to
// officers) to the council documents ("seeds", docs/domain.md) where they speak, and otherwise to
// national guidance: CQC's statutory guidance "Right support, right care, right culture" (2020:
// a model of care that maximises choice, control and independence; person-centred care that
// promotes dignity, privacy and human rights; a culture that lets people lead confident, inclusive
// and empowered lives), NICE NG11 (Challenging behaviour and learning disabilities, 2015: support in
// the least restrictive setting, behaviour support plans), NICE NG67 (Managing medicines for adults
// receiving social care in the community, 2017, which covers supported living), NICE QS182 (Adult
// social care services, 2019), the Mental Capacity Act 2005 (a deprivation of liberty in supported
// living is authorised by the Court of Protection, not DoLS) and the Health and Social Care Act 2008
// (Regulated Activities) Regulations 2014. Seed 004 §19b names supported living among the services
// monitored at levels 3-5, §15 lists the QMF areas, §20 asks for a common toolkit whose core
// elements apply to every service area, and §21 for client-group standards from national guidance
// (it names Valuing People and Supporting People); seed 002 Appendix 2 ("Domiciliary Care and
// Supported Living") has providers' recruitment, training and care documentation checked at their
// offices. The seeds say nothing about tenancies, behaviour support or community access: those
// areas come from the national guidance.
import type { Template, TemplateSection } from './schema';
import { communityTemplate, critical, feedbackSection, managementSection } from './community-common';
import { check, safeguardingFollowUp } from './items';

/** Where each area comes from. Not shown to officers. */
export const SUPPORTED_LIVING_SOURCES: Readonly<Record<string, string>> = {
  'tenancy-choice':
    'CQC Right support, right care, right culture (right support: choice, control and independence; people live ' +
    'in their own homes as ordinary citizens); seed 004 §21 (client-group standards from national guidance: ' +
    'Valuing People, Supporting People); seed 001 Appendix 2 Standard 2 (people enabled to live independently with ' +
    'dignity and control). Seeds silent on tenancies.',
  'support-plans':
    'seed 002 Appendix 2 (care documentation checked at supported living providers); seed 001 Appendix 2 Standard 5 ' +
    '(plans build on strengths; timely reviews against measurable outcomes) and Standard 2 (outcomes based on the ' +
    'preferences of people and families); CQC Right support, right care, right culture (right care: ' +
    'person-centred); NICE QS182.',
  'behaviour-support':
    'NICE NG11 (behaviour support plans based on an understanding of the behaviour; support in the least ' +
    'restrictive setting; restrictive interventions recorded and reviewed); CQC Right support, right care, right ' +
    'culture (human rights; restrictive practice reduced); Mental Capacity Act 2005 (Court of Protection ' +
    'authorisation of a deprivation of liberty outside care homes and hospitals). Seeds silent.',
  community:
    'CQC Right support, right care, right culture (good access to local communities; an ordinary life); seed 001 ' +
    'Appendix 2 Standard 4 (services empower people to overcome social exclusion) and Standard 5 (access to support ' +
    'networks and community resources).',
  staffing:
    'seed 004 §15 (staffing levels and recruitment; staff training); seed 002 Appendix 2 (recruitment and training ' +
    'checked at supported living providers); seed 001 Appendix 2 Standard 1 (DBS) and Standard 3; Health and Care ' +
    'Act 2022 section 181 (training on learning disability and autism); Regulations 18 and 19.',
  supervision:
    'seed 004 §15 (staff supervision; staff feedback); seed 001 Appendix 2 Standard 3 (supervision at a frequency ' +
    'appropriate to the role; annual appraisal; staff involved in improving quality); CQC Right support, right ' +
    'care, right culture (right culture: values and behaviours of leaders and staff; closed cultures).',
  medicines:
    'seed 004 §15 (medicine management) and §17; NICE NG67 (medicines support in the community, including ' +
    'supported living: assessment, records, competency, incidents); NHS England STOMP (stopping over-medication of ' +
    'people with a learning disability, autism or both).',
  safeguarding:
    'seed 004 §15 (safeguarding) and §11; seed 001 Appendix 2 Standard 1 (safe from abuse and neglect; referrals ' +
    'made as the procedures require; risks recorded); CQC Right support, right care, right culture (closed ' +
    'cultures; human rights); Regulation 13.',
  management:
    'seed 004 §15 (management and finances) and §19c (provider returns: numbers, complaints, incidents, ' +
    'safeguarding); seed 002 Appendix 2 (CQC registration and insurance checked); seed 001 Appendix 2 Standard 5 ' +
    '(management oversight); Regulation 17 (good governance).',
  feedback:
    'seed 004 §15 (feedback from service users "an essential and critical part", experts by experience); seed 001 ' +
    '§4.1 (the experience of service users and families) and Appendix 2 Standard 2; CQC Right support, right care, ' +
    'right culture (people involved in their support, including through their own ways of communicating).',
};

const sections: TemplateSection[] = [
  {
    id: 'tenancy-choice',
    title: 'Tenancy, choice and control',
    summary:
      'Whether people live in a home of their own, with the rights of a tenant, and control their own lives in it.',
    rated: true,
    items: [
      check(
        'tenancy-agreement',
        'Each person has their own tenancy or licence, separate from their support agreement, and knows their rights as a tenant',
        'Ask to see the tenancy and the support agreement for two people. They should be separate, so that a ' +
          'person could change their support provider without losing their home. Where the person lacks capacity ' +
          'to sign a tenancy, check who signed it and on what authority.',
      ),
      check(
        'tenancy-choice-of-home',
        'People chose where and with whom they live, or the decision was made in their best interests with the person, their family and an advocate involved',
        'Ask people how they came to live there and whether they get on with the people they live with. Look for ' +
          'a recorded decision for anyone who lacked capacity to choose.',
      ),
      check(
        'tenancy-own-home',
        "People's homes are personal to them, and staff treat them as the person's home: knocking, asking before coming in, and not using shared space as an office",
        'Observe how staff behave in the home. Staff notices on walls, locked kitchens or offices in living space ' +
          'suggest a care home in all but name.',
      ),
      check(
        'tenancy-everyday-choices',
        'People make their own everyday choices, such as what to eat, when to get up, how to spend their money and their time, and are supported to do so',
        'Ask people, and compare with the support plans and daily notes. Look for choice offered in ways the person ' +
          'understands.',
      ),
      check(
        'tenancy-housing-issues',
        'Repairs and housing problems are reported to the landlord and followed up, and people are supported to deal with their landlord',
        'Ask about the last repair and how long it took. Note anything that affects safety, such as faulty fire ' +
          'doors or alarms, and pass it on.',
      ),
    ],
  },
  {
    id: 'support-plans',
    title: 'Support plans and outcomes',
    summary:
      'Whether each person has a plan written with them, built on their strengths and goals, that staff follow and review.',
    rated: true,
    items: [
      check(
        'support-plans-person-centred',
        'Support plans say what matters to the person, their goals, what they can do for themselves and how they like to be supported',
        'Read the plans of two or three people. Good plans are written with the person, in words and formats they ' +
          'understand, and read as being about them.',
      ),
      check(
        'support-plans-outcomes',
        "Plans are reviewed with the person and the people important to them, and show progress towards the person's goals",
        'Look at the last two reviews. Good looks like goals that change as people achieve them, not the same ' +
          'wording year after year.',
      ),
      check(
        'support-plans-communication',
        'Each person’s way of communicating is described, and staff use it, for example signs, pictures or objects of reference',
        'Observe staff with people who do not use words. Ask a member of staff how the person shows they are happy, ' +
          'in pain or upset.',
      ),
      check(
        'support-plans-health',
        'People are supported with their health: annual health checks, health action plans, hospital passports and health appointments',
        'Check dates of the last annual health check for people with a learning disability, and that the hospital ' +
          'passport is up to date.',
      ),
      check(
        'support-plans-consent',
        'Consent to support is recorded, and where a person lacks capacity for a decision, a best-interests decision is recorded under the Mental Capacity Act',
        'Check decisions are specific, involve the person and people who know them, and are reviewed.',
      ),
    ],
  },
  {
    id: 'behaviour-support',
    title: 'Positive behaviour support and restrictive practice',
    summary:
      'Whether people whose behaviour may challenge are supported in the least restrictive way, and every restriction is recorded, justified and reduced.',
    rated: true,
    items: [
      check(
        'behaviour-support-plans',
        'People whose behaviour may challenge have a positive behaviour support plan, based on an understanding of why the behaviour happens, written with them and reviewed',
        'Read a plan and ask a member of staff how they follow it. Good plans focus on quality of life and ' +
          'prevention first, with restrictions only as a last resort.',
      ),
      check(
        'behaviour-restrictions-recorded',
        'Every restrictive practice, such as physical intervention, locked doors or cupboards, monitoring technology or medicines given when someone is distressed, is recorded, justified and reviewed',
        'Ask for the register of restrictions and the incident records for the last three months. Look for a ' +
          'reduction plan, and for restrictions nobody recorded, such as a locked fridge.',
      ),
      check(
        'behaviour-deprivation-of-liberty',
        "Where a person's support amounts to a deprivation of liberty, an application has been made to the Court of Protection, and any conditions are followed",
        'Ask which people are under continuous supervision and control and not free to leave, and whether the ' +
          'council has applied to the Court of Protection for them. Deprivation of Liberty Safeguards do not apply ' +
          'in supported living.',
      ),
      check(
        'behaviour-training',
        'Staff are trained in positive behaviour support, and in any physical intervention they may use, through certified training',
        'Check the training matrix against the physical interventions named in people’s plans.',
      ),
      check(
        'behaviour-learning',
        'Incidents are reviewed after they happen, with the person where possible, and plans change as a result',
        'Follow one incident through to the review and what changed.',
      ),
    ],
  },
  {
    id: 'community',
    title: 'Community access and relationships',
    summary: 'Whether people take part in their community and keep the relationships that matter to them.',
    rated: true,
    items: [
      check(
        'community-activities',
        'People do things they choose in their local community, such as shopping, leisure, clubs and places of worship',
        'Compare what people tell you with their plans and daily notes for the last month. Activities only within ' +
          'the house, or only in a group, are a finding.',
      ),
      check(
        'community-work-learning',
        'People are supported towards work, volunteering or learning where they want it',
        'Ask people what they would like to do and what support they have had towards it.',
      ),
      check(
        'community-relationships',
        'People are supported to keep in touch with family and friends and to make new relationships',
        'Ask people and families. Look at how visits and contact are supported, including when staffing is short.',
      ),
      check(
        'community-hours',
        'Support hours for going out are delivered as planned, and not cancelled because of staffing or a lack of drivers',
        'Compare planned and delivered one-to-one hours for two people over the last month.',
      ),
    ],
  },
  {
    id: 'staffing',
    title: 'Staffing, recruitment and training',
    summary:
      'Whether there are enough suitable staff, who know the people they support, recruited safely and trained for the work.',
    rated: true,
    items: [
      check(
        'staffing-levels',
        "Staffing matches each person's commissioned support, including one-to-one hours, shared hours and nights",
        'Compare rotas with commissioned hours for the last four weeks, including waking nights and sleep-ins.',
      ),
      check(
        'staffing-consistency',
        'People are supported by a consistent team who know them, and agency staff are inducted and know the people they support',
        'Count agency shifts over the last month and check agency workers have a profile and a signed induction.',
      ),
      check(
        'staffing-dbs',
        "A sample of recruitment files shows an enhanced DBS check with the adults' barred list, obtained before the person started",
        'Look at at least three files, including the newest starters. Compare the certificate date with the start ' +
          'date.',
      ),
      check(
        'staffing-references',
        'Recruitment files hold satisfactory references, a full employment history with gaps explained, proof of identity and a right-to-work check',
        'References should be obtained before the start date. Where people who use the service took part in ' +
          'interviews, note it as good practice.',
      ),
      check(
        'staffing-training',
        'Mandatory training is in date, including safeguarding, medicines, the Mental Capacity Act, and training on learning disability and autism suited to each role',
        'Registered providers must give staff training on learning disability and autism appropriate to their ' +
          'role. Check the matrix and compare it with what staff tell you.',
      ),
    ],
  },
  {
    id: 'supervision',
    title: 'Supervision, spot checks and staff feedback',
    summary:
      'Whether staff, who often work alone, are supervised, have their practice observed, and feel able to speak up.',
    rated: true,
    items: [
      check(
        'supervision-frequency',
        'Supervision records for a sample of staff show sessions held as often as the policy requires, discussing practice with the people they support',
        'Look at the supervision planner and records for three to five staff from different shifts, including ' +
          'nights.',
      ),
      check(
        'supervision-spot-checks',
        'Senior staff observe practice in people’s homes, including at evenings and weekends, with feedback and follow-up',
        'Ask for the last three observation records and what was done about anything found.',
      ),
      check(
        'supervision-appraisal',
        'Staff in post for a year or more have had an appraisal in the last 12 months',
        'Check the appraisal tracker against a sample of staff files.',
      ),
      check(
        'supervision-staff-view',
        'Staff we spoke to feel supported, know the people they support well and feel able to raise concerns, including outside the organisation',
        'Speak to at least three staff away from managers. Staff who talk about people as tasks or behaviours, or ' +
          'who fear speaking up, are warning signs of a closed culture: record what you heard.',
      ),
    ],
  },
  {
    id: 'medicines',
    title: 'Medicines support',
    summary: 'Whether the support each person needs with medicines is clear, given safely, recorded and reviewed.',
    rated: true,
    items: [
      check(
        'medicines-responsibility',
        "Each person's plan says what medicines support they need, what they can do themselves and who is responsible for each part",
        'Look for an assessment of the person’s own skills with medicines and support to build them where they wish.',
      ),
      check(
        'medicines-records',
        'Medicines administration records are complete and accurate, with no unexplained gaps, and stock balances',
        'Check the records and count a sample of boxed medicines against them with a member of staff.',
      ),
      check(
        'medicines-as-needed',
        'Medicines given when needed, including those for distress or agitation, have person-specific protocols, and each dose is recorded with its reason',
        'Protocols should say when to give the medicine and what to try first. Frequent doses for distress are a ' +
          'finding to follow up with the behaviour support plan.',
      ),
      check(
        'medicines-reviews',
        "People's medicines are reviewed, including psychotropic medicines, so no one is over-medicated",
        'Look for a review by the GP or psychiatrist in the last year for anyone prescribed antipsychotic, ' +
          'antidepressant or sedating medicines.',
      ),
      check(
        'medicines-competency',
        'Staff who give medicines are trained and have their competency assessed at least once a year, and errors are reported and learnt from',
        'Check the competency records and the medicines incident log.',
      ),
    ],
  },
  {
    id: 'safeguarding',
    title: 'Safeguarding',
    summary:
      'Whether people are protected from abuse, neglect and exploitation, and concerns are reported and acted on.',
    rated: true,
    items: [
      check(
        'safeguarding-referrals',
        "Safeguarding concerns are referred to the council's safeguarding team promptly, and the provider keeps a log with outcomes",
        'Compare the log with the referrals in the pre-visit briefing. Look at incidents between people who live ' +
          'together: some should have been referred.',
      ),
      safeguardingFollowUp('safeguarding-referral-made', 'safeguarding-referrals'),
      check(
        'safeguarding-knowledge',
        'Staff can describe the signs of abuse, neglect and exploitation, including financial and sexual exploitation and hate crime, and how to report them',
        "Staff should know how to contact the council's safeguarding team and CQC as well as their manager.",
      ),
      check(
        'safeguarding-money',
        "Where staff support people with money, every transaction is recorded with receipts and audited, and people's money is never used for staff costs or shared bills without agreement",
        'Check the balance for two people against the record and receipts. Look for staff meals, petrol or ' +
          'household items paid from people’s own money.',
      ),
      check(
        'safeguarding-culture',
        'There are no signs of a closed culture: people are not isolated, visitors are welcome, and staff speak to and about people with respect',
        'Observe how staff and people interact, and how staff speak about people in front of them. Rigid routines ' +
          'and few outside visitors are warning signs.',
      ),
      check(
        'safeguarding-incidents',
        'Accidents and incidents are recorded, reviewed for patterns, and notified to CQC and the council where required',
        'Look at the incident log and the analysis, and what changed as a result.',
      ),
    ],
  },
  managementSection([
    check(
      'management-hours-delivered',
      'The provider can show the support hours delivered to each person against the hours commissioned',
      'Compare delivered and commissioned hours for two people over the last month, including shared hours.',
    ),
    check(
      'management-audits',
      'The provider audits support plans, daily notes, medicines, money and restrictive practice, and acts on the findings',
      'Look at the last three months of audits and the improvement plan: named actions with dates that are closed.',
    ),
    check(
      'management-complaints',
      'Complaints are logged, answered within the policy timescales and learnt from, and people are helped to complain in ways they understand',
      'Compare the log with complaints in the pre-visit briefing. Look for an easy read complaints procedure.',
    ),
  ]),
  feedbackSection({
    summary:
      'What the people supported and their families tell us, in whatever way each person communicates, and whether the provider listens.',
    checks: [
      check(
        'feedback-happy-home',
        'People say, or show, that they are happy in their home and with the staff who support them',
        'Spend time with people in their home, with their agreement. For people who do not use words, observe how ' +
          'they respond to staff and ask people who know them well.',
      ),
      check(
        'feedback-safe',
        'People say they feel safe and know who to talk to if they are worried',
        'Speak to people in private where they wish, with an advocate or supporter of their choosing if they ' +
          'prefer.',
      ),
      check(
        'feedback-families',
        'Families and advocates say they are kept informed, involved in decisions where the person wants it, and listened to',
        'Phone families or advocates who have agreed to be contacted.',
      ),
      check(
        'feedback-sought',
        'The provider asks people for their views in ways they understand, such as easy read surveys or tenants’ meetings, and can show what changed as a result',
        "Look at meeting notes and survey results. Good looks like 'you said, we did' examples.",
      ),
    ],
    spokenTo: {
      whom: 'person supported, relative, advocate or professional',
      whoExample: 'For example "CD, tenant" or "brother of a tenant".',
      relationships: {
        'person-supported': 'Person supported (tenant)',
        relative: 'Relative or friend',
        advocate: 'Advocate',
      },
    },
    toldUs: 'Summarise what people, families, advocates and any experts by experience told us, and what we saw.',
  }),
];

export const supportedLivingV1: Template = communityTemplate({
  id: 'qmf-supported-living',
  version: 1,
  title: 'Supported living quality monitoring',
  description:
    'Quality monitoring of a supported living service, where people hold their own tenancy and are supported in ' +
    'their own home: tenancy, choice and control, support plans, positive behaviour support and restrictive ' +
    'practice, community access, staffing, supervision, medicines, safeguarding, management, and feedback from ' +
    'people and families. Read the pre-visit briefing first so the visit can focus on known concerns. Each area is ' +
    'rated red, amber or green on risk: a critical check not met makes the area Red, and the number of checks not ' +
    'met or partly met moves it to Amber or Red. The overall rating cannot be better than the weakest of ' +
    'safeguarding, restrictive practice, medicines and staffing, nor more than one step above the weakest area. A ' +
    'different rating needs a written reason.',
  serviceTypes: ['supported-living'],
  sections,
  sources: SUPPORTED_LIVING_SOURCES,
  // Rated on risk as the care home QMF version 3: the rules are in risk-scoring.ts, worded in community-common.ts.
  criticalChecks: [
    critical(
      'behaviour-restrictions-recorded',
      'An unrecorded or unjustified restriction may be unlawful restraint and a breach of human rights.',
      'NICE NG11; CQC Right support, right care, right culture (human rights); Regulation 13',
    ),
    critical(
      'behaviour-deprivation-of-liberty',
      'A deprivation of liberty without Court of Protection authorisation is unlawful.',
      'Mental Capacity Act 2005; CQC Right support, right care, right culture',
    ),
    critical(
      'medicines-records',
      'Gaps in medicines records mean doses may be missed or doubled.',
      'seed 004 §15 (medicine management), §17; NICE NG67; Regulation 12',
    ),
    critical(
      'medicines-as-needed',
      'Medicines given for distress without a protocol can be chemical restraint.',
      'seed 004 §15 (medicine management); NICE NG11; NHS England STOMP; Regulations 12 and 13',
    ),
    critical(
      'safeguarding-referrals',
      'A concern not referred leaves a person unprotected from abuse, neglect or exploitation.',
      'seed 004 §11, §15 (safeguarding); seed 001 Appendix 2 Standard 1 (referrals made as the procedures require); Regulation 13',
    ),
    critical(
      'safeguarding-culture',
      'A closed culture is where abuse goes unseen and unreported.',
      'seed 004 §15 (safeguarding); CQC Right support, right care, right culture (right culture; closed cultures)',
    ),
    critical(
      'staffing-levels',
      "Staffing below people's commissioned support means unmet needs, unsafe support and no time to go out.",
      'seed 004 §15 (staffing levels); Regulation 18: Staffing',
    ),
    critical(
      'staffing-dbs',
      'A worker without an enhanced DBS and barred-list check may be barred from working with adults.',
      'seed 004 §15 (recruitment); seed 001 Appendix 2 Standard 1 (DBS clearance); Regulation 19',
    ),
  ],
  criticalAreas: [
    { id: 'safeguarding' },
    {
      id: 'behaviour-support',
      reason: 'Unlawful or unreviewed restrictions harm people and their rights; no other area can offset them.',
    },
    { id: 'medicines' },
    { id: 'staffing' },
  ],
  criticalAreasNote:
    'The seeds do not rank areas; issue 15 names safeguarding, medicines and staffing levels as critical, and restrictive practice was added for supported living, the safer choice.',
});
