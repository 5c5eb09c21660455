// The built-in home care (domiciliary care) quality monitoring template, version 1: what a council's
// contracts and quality monitoring officer checks at a home care provider's office and in the homes
// of people it supports. A published version is never edited; any change is version 2.
//
// Each area is traced in HOME_CARE_SOURCES (data for the code and tests, never shown to officers)
// to the council documents ("seeds", docs/domain.md) where they speak, and otherwise to national
// guidance: NICE NG21 (Home care: delivering personal care and practical support to older people
// living in their own homes, 2015), NICE QS123 (Home care for older people, 2016), NICE QS182
// (Adult social care services, 2019), NICE NG67 (Managing medicines for adults receiving social care
// in the community, 2017) and the Health and Social Care Act 2008 (Regulated Activities)
// Regulations 2014. Seed 004 §15 lists the QMF areas for every visit; §20 asks for a common toolkit
// whose core elements apply to every service area; §21 asks for standards from national guidance
// per client group; seed 002 Appendix 2 ("Domiciliary Care and Supported Living") has providers'
// recruitment, training and care documentation checked at their offices; seed 000 (Adult Services)
// has domiciliary care monitored against its own guidance and service specification. The seeds say
// nothing about call times, travel time or continuity: those areas come from NG21 and QS123.
import type { Template, TemplateSection } from './schema';
import { communityTemplate, critical, feedbackSection, managementSection } from './community-common';
import { check, safeguardingFollowUp } from './items';

/** Where each area comes from. Not shown to officers. */
export const HOME_CARE_SOURCES: Readonly<Record<string, string>> = {
  calls:
    'NICE NG21 1.4.1 (contracts allow enough time for a good quality service) and 1.4.2 (visits shorter than half ' +
    'an hour only when the worker is known, within a wider package, for specific tasks or checks); NICE QS123 ' +
    'statement 4 (length of home care visits); NICE NG21 1.1.3 (a reliable service people can trust). Seeds silent.',
  continuity:
    'NICE NG21 1.1.4 (prioritise continuity: the same home care worker or workers) and 1.1.5 (transparent matching ' +
    'of care workers to people); NICE QS182 statement 3 (continuity of care and support). Seeds silent.',
  travel:
    'NICE NG21 1.4.1 (sufficient travel time between appointments, so workers are not rushed); seed 004 §15 (staff ' +
    'feedback). Seeds silent on travel time itself.',
  supervision:
    'seed 004 §15 (staff supervision; staff feedback); seed 001 Appendix 2 Standard 3 (supervision at a frequency ' +
    'appropriate to the role; annual appraisal); NICE QS123 statement 6 (practice-based supervision of home care ' +
    'workers at least every 3 months); NICE NG21 section 1.7 (supporting home care workers).',
  medicines:
    'seed 004 §15 (medicine management) and §17 (links to medicine management professionals); NICE NG67 (managing ' +
    'medicines for adults receiving social care in the community: who is responsible for medicines support, ' +
    'records, training and competency, medicines-related incidents).',
  'care-plans':
    'seed 002 Appendix 2 (care documentation checked at domiciliary care providers); seed 001 Appendix 2 Standard 5 ' +
    '(care plans and reviews build on strengths, are recorded and reviewed in a timely way) and Standard 2 (people ' +
    'participate in decisions); NICE NG21 section 1.3 (planning and reviewing home care: the person has a copy of ' +
    'their home care plan in a format that meets their needs); NICE QS123 statement 1 (person-centred planning).',
  safeguarding:
    'seed 004 §15 (safeguarding) and §11 (the safeguarding team’s risk assessment); seed 001 Appendix 2 Standard 1 ' +
    '(safe from abuse and neglect; staff know their safeguarding roles and procedures; referrals made as the ' +
    'procedures require; DBS clearance); NICE NG21 section 1.6 (ensuring safety and safeguarding people using home ' +
    'care services).',
  staffing:
    'seed 004 §15 (staffing levels and recruitment; staff training); seed 002 Appendix 2 (accreditation visit to a ' +
    'domiciliary care provider’s office: recruitment and training); seed 001 Appendix 2 Standard 1 (DBS) and ' +
    'Standard 3 (skilled workforce); NICE NG21 section 1.7 (recruiting and training home care workers); ' +
    'Regulations 18 and 19.',
  management:
    'seed 004 §15 (management and finances) and §7-10 (RAG from all available information); seed 002 Appendix 2 ' +
    '(CQC registration and insurance checked for domiciliary care providers; complaints and customer feedback); ' +
    'seed 000 Adult Services (domiciliary care risks reported by exception); seed 001 Appendix 2 Standard 5 ' +
    '(management oversight); Regulation 17 (good governance).',
  feedback:
    'seed 004 §15 (feedback from service users "an essential and critical part", experts by experience ' +
    'interviewing people and carers); seed 001 §4.1 (the experience of service users and families) and Appendix 2 ' +
    'Standard 2; NICE NG21 1.1.3 (regularly seek feedback from people using the service, including those without a ' +
    'carer or advocate).',
};

const sections: TemplateSection[] = [
  {
    id: 'calls',
    title: 'Call times, late and missed calls',
    summary:
      'Whether people get their calls when planned and for as long as planned, and whether late, short and missed ' +
      'calls are found and dealt with.',
    rated: true,
    items: [
      check(
        'calls-monitoring',
        'The provider compares planned with actual call times for every call, using electronic call monitoring or checked timesheets',
        'Ask to see the call monitoring system or timesheets for the last four weeks. Good looks like every call ' +
          'logged in and out, with exceptions flagged to a coordinator on the day rather than found at the end of ' +
          'the month.',
      ),
      check(
        'calls-late',
        'Late calls are rare and within the tolerance in the contract, and people are told when a care worker is running late',
        'Pick three people and compare planned and actual arrival times over two weeks. Ask how people are told ' +
          'about a late call, and check the daily notes in their homes match the monitoring data.',
      ),
      check(
        'calls-missed',
        'Missed calls are recorded, investigated, reported to the council as the contract requires, and referred to safeguarding when someone came to harm or was put at risk',
        'Ask for the missed calls log for the last three months and follow two entries through to the outcome. A ' +
          'missed call to someone who needs help to eat, take medicines or get out of bed is a safeguarding matter. ' +
          'No log at all is itself a finding.',
      ),
      check(
        'calls-duration',
        'Calls last as long as planned: short calls are found, explained and not billed as full calls',
        'Compare the time spent with the time commissioned for a sample of calls. Look for a pattern of short calls ' +
          'on particular runs or at busy times of day, and what the provider did about it.',
      ),
      check(
        'calls-short-visits',
        'Visits of less than 30 minutes happen only for specific agreed tasks or checks, by a care worker the person knows, as part of a wider package of support',
        'Short visits are not enough for personal care without rushing or compromising dignity. Check the care ' +
          'plans of people with short calls say what the call is for and that the person agreed to it.',
      ),
      check(
        'calls-time-critical',
        'Time-critical calls, for example for medicines, insulin or meals for someone with diabetes, are identified on the rota and kept to time',
        'Ask how the rota shows time-critical calls and what happens when a care worker is delayed. Check two ' +
          'people with time-critical calls received them at the planned time.',
      ),
    ],
  },
  {
    id: 'continuity',
    title: 'Continuity of care workers',
    summary:
      'Whether people are supported by a small team of care workers they know, matched to their needs and wishes.',
    rated: true,
    items: [
      check(
        'continuity-team',
        'People are supported by a small, consistent team of care workers who know them',
        'For three people, count the different care workers who visited over the last four weeks. Good looks like ' +
          'a small core team with planned cover, not a new face at most calls.',
      ),
      check(
        'continuity-matching',
        "Care workers are matched to people taking account of their needs, the worker's skills and the person's wishes, such as the gender of the worker or a shared language",
        'Ask how new packages are allocated and how a request for a different care worker is handled. Check the ' +
          "person's preferences are recorded in the care plan and followed on the rota.",
      ),
      check(
        'continuity-introductions',
        'People are told in advance who is coming, and new care workers are introduced before they work with someone alone',
        'Ask people whether they know who is coming. Look for rotas sent to people who want them, and introductions ' +
          'or shadowing recorded for new care workers.',
      ),
      check(
        'continuity-changes',
        "Changes in a person's needs or wishes reach every care worker who visits them",
        'Ask how a change, for example after a hospital stay, is passed on to the whole team. Compare what a care ' +
          "worker tells you with the person's current care plan.",
      ),
    ],
  },
  {
    id: 'travel',
    title: 'Travel time and rotas',
    summary:
      'Whether rotas give care workers enough time to travel between calls, so travel time is not taken from the time people are given.',
    rated: true,
    items: [
      check(
        'travel-rostered',
        'Rotas include realistic travel time between calls, so travel is not taken out of the time people are given',
        'Look at a week of rotas for two care workers on different runs. Back-to-back calls with no travel time, or ' +
          'calls miles apart with minutes between them, mean someone is getting less than their planned time.',
      ),
      check(
        'travel-runs',
        'Calls are grouped into runs that make sense geographically, and rotas are issued in advance with few late changes',
        'Ask how runs are planned and how often rotas change on the day. Frequent late changes are a warning sign ' +
          'for late and missed calls.',
      ),
      check(
        'travel-paid',
        'Care workers are paid for the time they spend travelling between calls, and their pay for all hours worked meets at least the National Minimum Wage',
        'Ask how travel time is paid and look at the pay policy. Unpaid travel time pushes workers to cut calls ' +
          'short and drives staff turnover.',
      ),
      check(
        'travel-driving',
        'Care workers who drive between calls have a valid licence and insurance for business use, checked by the provider',
        'Look at the records of checks for a sample of drivers, including the date of the last check.',
      ),
      check(
        'travel-staff-view',
        'Care workers we spoke to say their rotas give them enough time to travel and to give care without rushing',
        'Speak to at least three care workers away from managers. Compare what they say with the rotas and the call ' +
          'monitoring data.',
      ),
    ],
  },
  {
    id: 'supervision',
    title: 'Spot checks and supervision of lone workers',
    summary:
      'Whether care workers, who work alone in people’s homes, have their practice observed and receive regular supervision and support.',
    rated: true,
    items: [
      check(
        'supervision-frequency',
        'Each care worker has a practice-based supervision discussion at least every three months',
        'Look at the supervision planner and the records for three to five care workers. Good looks like sessions ' +
          'on time, discussing real practice with named people, and actions carried forward.',
      ),
      check(
        'supervision-spot-checks',
        "Unannounced spot checks observe each care worker's practice in people's homes, with feedback to the worker and follow-up of anything found",
        'Ask for the spot check schedule and the last three spot check records. Look for checks of time-keeping, ' +
          'dignity, moving and handling, medicines and record-keeping, and the person asked for their view.',
      ),
      check(
        'supervision-appraisal',
        'Care workers in post for a year or more have had an appraisal in the last 12 months',
        'Check the appraisal tracker against a sample of staff files. Good looks like development needs agreed and ' +
          'linked to the training plan.',
      ),
      check(
        'supervision-lone-working',
        'A lone working procedure is followed: care workers can reach an on-call senior at any time, and the provider notices when a worker has not logged in or out',
        'Ask a care worker what they would do if they felt unsafe at a call or could not get an answer at the door, ' +
          'and who answers the on-call phone at night and at weekends.',
      ),
      check(
        'supervision-poor-practice',
        'Poor practice found at spot checks, in complaints or in call data is dealt with through supervision, retraining or disciplinary action, with referrals to the DBS where required',
        'Ask for recent examples and what changed. A provider must refer to the DBS when it removes someone from ' +
          'work because they harmed, or posed a risk of harm to, a person.',
      ),
      check(
        'supervision-staff-view',
        'Care workers we spoke to feel supported, can get advice from the office when they need it, and feel able to raise concerns',
        'Ask for an example of a concern they raised and what happened. Fear of raising concerns is a warning sign ' +
          'to record.',
      ),
    ],
  },
  {
    id: 'medicines',
    title: 'Medicines support at home',
    summary: 'Whether the support each person needs with medicines is clear, given safely, recorded and checked.',
    rated: true,
    items: [
      check(
        'medicines-responsibility',
        "Each person's care plan says what medicines support they need and who is responsible for each part of it: the person, their family or the provider",
        'Read the care plans of two people supported with medicines. Good looks like an assessment of what the ' +
          'person can do themselves, and clear wording of whether the care worker prompts, assists or administers.',
      ),
      check(
        'medicines-records',
        'Medicines administration records kept in people’s homes are complete and accurate, with no unexplained gaps',
        'Look at the records in the homes you visit and at returned records in the office. Codes should explain ' +
          'every dose not given, and handwritten entries should be checked and signed by a second person.',
      ),
      check(
        'medicines-time-sensitive',
        "Time-sensitive medicines, such as those for Parkinson's or diabetes, are given at the prescribed times",
        'Compare the times on the records with the prescribed times and the call times on the rota.',
      ),
      check(
        'medicines-competency',
        'Care workers who give medicines are trained and have their competency assessed, at least once a year',
        'Check the list of care workers who give medicines against training and competency records, including ' +
          'observed practice at a spot check.',
      ),
      check(
        'medicines-incidents',
        'Medicines errors, missed doses and near misses are reported, investigated, learnt from and shared with safeguarding where there was harm',
        'Look at the medicines incident log and what changed as a result. A missed call can also be a missed dose: ' +
          'check both logs together.',
      ),
      check(
        'medicines-audits',
        'Returned medicines records are audited each month, and the findings are acted on',
        'Look at the last three audits and whether the same problems recur.',
      ),
    ],
  },
  {
    id: 'care-plans',
    title: 'Care plans in the home',
    summary:
      'Whether each person has an up-to-date, person-centred plan in their home, that care workers follow and record against.',
    rated: true,
    items: [
      check(
        'care-plans-in-home',
        'An up-to-date copy of the care plan is kept in the person’s home, in a format they can use',
        'Check in the homes you visit. The copy in the home should match the office copy, and the person should ' +
          'have it in a format that meets their needs, such as large print.',
      ),
      check(
        'care-plans-person-centred',
        'Care plans say what matters to the person, their routines, what they can do for themselves and how they like their care given',
        'Good plans are written with the person and read as being about them. They focus on what the person can ' +
          'and would like to do, not only on tasks.',
      ),
      check(
        'care-plans-risks',
        'Risk assessments cover the home environment, moving and handling, falls and pressure care, and care workers follow them',
        'Check the equipment named in the plan is in the home and in date for servicing, and ask a care worker how ' +
          'they use it.',
      ),
      check(
        'care-plans-reviewed',
        'Care plans are reviewed when needs change and at least as often as the contract requires, with the person and their family involved',
        'Check review dates, and whether changes after a fall, hospital stay or new diagnosis reached the plan. ' +
          "Look for signs of the person's involvement.",
      ),
      check(
        'care-plans-daily-notes',
        'Daily notes are legible, timed and signed, and show the care given matches the plan',
        'Read a week of notes in the homes you visit. Notes that repeat the same words every day, or arrival times ' +
          'that do not match the call monitoring data, are findings.',
      ),
      check(
        'care-plans-consent',
        "The person's consent to their care is recorded, and where they lack capacity for a decision, a best-interests decision is recorded under the Mental Capacity Act",
        'Ask a care worker what they do if the person refuses care. Check decisions are specific and reviewed.',
      ),
    ],
  },
  {
    id: 'safeguarding',
    title: 'Safeguarding',
    summary:
      'Whether people supported alone at home are protected from abuse and neglect, and concerns are reported and acted on.',
    rated: true,
    items: [
      check(
        'safeguarding-referrals',
        "Safeguarding concerns are referred to the council's safeguarding team promptly, and the provider keeps a log with outcomes",
        'Compare the log with the referrals in the pre-visit briefing. Look for referrals that should have been ' +
          'made but were not, for example after missed calls or unexplained injuries.',
      ),
      safeguardingFollowUp('safeguarding-referral-made', 'safeguarding-referrals'),
      check(
        'safeguarding-knowledge',
        'Care workers can describe the signs of abuse and neglect, including self-neglect and financial abuse, and how to report them, including outside the organisation',
        "Care workers should know how to contact the council's safeguarding team and CQC as well as their manager.",
      ),
      check(
        'safeguarding-money',
        "Where care workers handle people's money, for example for shopping, every transaction is recorded with receipts and checked",
        'Check the records in a home where shopping is done. Care workers must not accept gifts, loans or be named ' +
          "in a person's will.",
      ),
      check(
        'safeguarding-access',
        'Key safe codes and other ways into people’s homes are kept confidential and recorded securely',
        'Ask where codes are kept and who can see them, and how codes are changed when a care worker leaves.',
      ),
      check(
        'safeguarding-no-reply',
        'There is a procedure for when a care worker cannot get an answer at a person’s home, and care workers know it',
        'Ask a care worker what they would do. The procedure should say who to call and when to call the ' +
          'emergency services.',
      ),
      check(
        'safeguarding-incidents',
        'Accidents, incidents and falls are recorded, reviewed for patterns, and notified to CQC and the council where required',
        'Look at the incident log and the analysis, and what changed as a result.',
      ),
    ],
  },
  {
    id: 'staffing',
    title: 'Staffing, recruitment and training',
    summary:
      'Whether the provider has enough suitable care workers for the hours it has taken on, recruited safely and trained for the work.',
    rated: true,
    items: [
      check(
        'staffing-capacity',
        'The provider has enough care workers to cover all the hours it has accepted, and turns down packages it cannot staff',
        'Compare commissioned hours with available staff hours, and ask about vacancies and turnover over the last ' +
          '12 months. Handing back packages at short notice is a finding.',
      ),
      check(
        'staffing-dbs',
        "A sample of recruitment files shows an enhanced DBS check with the adults' barred list, obtained before the person started",
        'Look at at least three files, including the newest starters. Compare the certificate date with the start ' +
          'date; where a DBS Adult First check was used, the person must have worked supervised until the full ' +
          'certificate arrived.',
      ),
      check(
        'staffing-references',
        'Recruitment files hold satisfactory references, a full employment history with gaps explained, proof of identity and a right-to-work check',
        'References should be obtained before the start date. For sponsored overseas workers, check that hours and ' +
          'pay match the certificate of sponsorship and that no unlawful fees were charged; raise any sign of ' +
          'exploitation with safeguarding colleagues.',
      ),
      check(
        'staffing-induction',
        'New care workers complete an induction, shadow experienced workers and work towards the Care Certificate before working alone',
        'Check induction records and shadow calls for the newest starters, signed off by a senior.',
      ),
      check(
        'staffing-training',
        'Mandatory training is in date, including safeguarding, moving and handling, medicines, infection prevention, first aid and the Mental Capacity Act',
        'Check the training matrix, and that training on learning disability and autism suited to the role is ' +
          'given. Good looks like high compliance, with overdue training booked.',
      ),
    ],
  },
  managementSection([
    check(
      'management-call-review',
      'Managers review late, short and missed calls every week and act on what they find',
      'Ask for the last month of reports and the actions taken. Good looks like a falling number of late and ' +
        'missed calls, or a clear plan when it is not falling.',
    ),
    check(
      'management-audits',
      'The provider audits care plans, daily notes and medicines records, and acts on the findings',
      'Look at the last three months of audits and the improvement plan: named actions with dates that are closed.',
    ),
    check(
      'management-complaints',
      'Complaints are logged, answered within the policy timescales and learnt from',
      'Compare the log with complaints in the pre-visit briefing. Responses should tell people they can go to ' +
        'the Local Government and Social Care Ombudsman.',
    ),
    check(
      'management-business-continuity',
      'A business continuity plan covers severe weather, staff shortages and failure of the call monitoring system, and says who gets their calls first',
      'Check the plan ranks people by risk, for example people who live alone and need help to eat or take ' +
        'medicines, and was reviewed in the last year.',
    ),
  ]),
  feedbackSection({
    summary:
      'What people supported at home and their families tell us, in their homes or by phone, and whether the provider listens.',
    checks: [
      check(
        'feedback-on-time',
        'People say their care workers arrive when expected, stay for the agreed time and do not rush',
        'Ask in the homes you visit and by phone. Ask when the last late or missed call was and whether anyone told ' +
          'them.',
      ),
      check(
        'feedback-know-workers',
        'People say they know the care workers who visit and are told when someone new is coming',
        'Compare what people say with the rotas you sampled.',
      ),
      check(
        'feedback-dignity',
        'People say they are treated with kindness, dignity and respect, and that their choices about their care are followed',
        'Ask about personal care in particular, and whether care workers ask before helping.',
      ),
      check(
        'feedback-safe',
        'People say they feel safe with their care workers and know who to contact if they are worried',
        'Speak to people in private where they wish. For people who cannot tell you, ask a relative or observe a ' +
          'call if the person agrees.',
      ),
      check(
        'feedback-sought',
        'The provider asks people and families for their views, through reviews, calls or surveys, and can show what changed as a result',
        "Look at survey results and quality calls. Good looks like 'you said, we did' examples, including from people " +
          'without a family member or advocate.',
      ),
    ],
    spokenTo: {
      whom: 'person supported, relative, carer or professional',
      whoExample: 'For example "AB, person supported" or "daughter of a person supported".',
      relationships: { 'person-supported': 'Person supported at home', relative: 'Relative, friend or unpaid carer' },
    },
    toldUs: 'Summarise what people, families and any experts by experience told us, and what we saw in people’s homes.',
  }),
];

export const homeCareV1: Template = communityTemplate({
  id: 'qmf-home-care',
  version: 1,
  title: 'Home care (domiciliary) quality monitoring',
  description:
    'Quality monitoring of a home care (domiciliary care) provider, at its office and in the homes of people it ' +
    'supports: call times and late or missed calls, continuity of care workers, travel time, spot checks and ' +
    'supervision of lone workers, medicines support at home, care plans in the home, safeguarding, staffing and ' +
    'management, and feedback from people and families. Read the pre-visit briefing first so the visit can focus ' +
    'on known concerns. Each area is rated red, amber or green on risk: a critical check not met makes the area ' +
    'Red, and the number of checks not met or partly met moves it to Amber or Red. The overall rating cannot be ' +
    'better than the weakest of call times, medicines, safeguarding and staffing, nor more than one step above the ' +
    'weakest area. A different rating needs a written reason.',
  serviceTypes: ['home-care'],
  sections,
  sources: HOME_CARE_SOURCES,
  // Rated on risk as the care home QMF version 3: the rules are in risk-scoring.ts, worded in community-common.ts.
  criticalChecks: [
    critical(
      'calls-missed',
      'A missed call can leave someone without food, drink, medicines or help to move: neglect in itself.',
      'NICE NG21 1.1.3 (a reliable service people can trust) and section 1.6 (safety); seed 004 §15 (safeguarding)',
    ),
    critical(
      'calls-time-critical',
      'A late time-critical call means a medicine, insulin or meal is missed or mistimed.',
      'NICE NG21 1.4.1; NICE NG67 (time-sensitive medicines); Regulation 12: Safe care and treatment',
    ),
    critical(
      'medicines-records',
      'Gaps in medicines records mean doses may be missed or doubled, with no one in the home to notice.',
      'seed 004 §15 (medicine management), §17; NICE NG67; Regulation 12',
    ),
    critical(
      'medicines-time-sensitive',
      "Time-sensitive medicines given late, such as for Parkinson's or diabetes, cause avoidable harm.",
      'seed 004 §15 (medicine management); NICE NG67; Regulation 12',
    ),
    critical(
      'care-plans-risks',
      'Unassessed moving and handling, falls or pressure risks in the home cause avoidable injury.',
      'seed 001 Appendix 2 Standard 1 (risks and how they will be managed are clearly recorded); Regulation 12',
    ),
    critical(
      'safeguarding-referrals',
      'A concern not referred leaves someone alone at home unprotected from abuse or neglect.',
      'seed 004 §11, §15 (safeguarding); seed 001 Appendix 2 Standard 1 (referrals made as the procedures require); Regulation 13',
    ),
    critical(
      'safeguarding-no-reply',
      'Without a no-reply procedure, someone who has fallen or is ill at home may lie undiscovered.',
      'seed 004 §15 (safeguarding); NICE NG21 section 1.6 (safety of people using home care)',
    ),
    critical(
      'staffing-capacity',
      'Too few care workers for the hours accepted means late, short and missed calls.',
      'seed 004 §15 (staffing levels); Regulation 18: Staffing',
    ),
    critical(
      'staffing-dbs',
      'A care worker without an enhanced DBS and barred-list check may be barred from working alone with adults.',
      'seed 004 §15 (recruitment); seed 001 Appendix 2 Standard 1 (DBS clearance); Regulation 19',
    ),
  ],
  criticalAreas: [
    {
      id: 'calls',
      reason: 'Missed and late calls are the main risk of harm in home care; no other area can offset them.',
    },
    { id: 'medicines' },
    { id: 'safeguarding' },
    { id: 'staffing' },
  ],
  criticalAreasNote:
    'The seeds do not rank areas; issue 15 names safeguarding, medicines and staffing levels as critical, and call times were added for home care (missed calls are neglect), the safer choice.',
});
