// The built-in Care Home Quality Monitoring Framework template, version 1: the areas a council
// contracts and quality monitoring officer checks on a visit to a CQC-registered care home.
// A published version is never edited: records keep the version they started on, so any change is version 2.
import { check } from './items';
import type { Template } from './schema';

export const qmfCareHomeV1: Template = {
  id: 'qmf-care-home',
  version: 1,
  framework: 'QMF',
  title: 'Care Home Quality Monitoring Framework',
  description:
    'Quality monitoring visit to a care home, covering staffing and recruitment, supervision, training, resident ' +
    'care, safeguarding, management and finances, staff feedback, medicines and feedback from residents. Read the ' +
    'pre-visit briefing first so the visit can focus on known concerns. Each area is rated red, amber or green, and ' +
    "the ratings inform the provider's status: our relative confidence to place new business, or conformity with " +
    'expected standards for existing business.',
  subject: 'provider',
  responseOptions: [
    {
      value: 'met',
      label: 'Met',
      hint: 'The evidence shows the expected standard is in place and working in practice.',
    },
    {
      value: 'partly-met',
      label: 'Partly met',
      hint: 'Some evidence, but with gaps or inconsistencies. Record what is missing; an improvement action is needed.',
    },
    {
      value: 'not-met',
      label: 'Not met',
      hint: 'The standard is not in place, or the evidence shows a risk to people. Record what you found; an action is needed.',
    },
    {
      value: 'not-applicable',
      label: 'Not applicable',
      hint: 'Does not apply to this home at present, for example no one currently receives covert medication.',
    },
  ],
  ratingScale: [
    {
      value: 'green',
      label: 'Green',
      hint: 'Meets expected standards. We are confident to place new business; routine monitoring continues.',
    },
    {
      value: 'amber',
      label: 'Amber',
      hint:
        'Some shortfalls against expected standards. Improvement actions are agreed with the provider and followed up; ' +
        'new placements are made with caution.',
    },
    {
      value: 'red',
      label: 'Red',
      hint:
        'Significant concerns about quality or safety. No new placements while the concerns are addressed; escalate ' +
        'under the escalation procedure and share with safeguarding colleagues and CQC.',
    },
  ],
  sections: [
    {
      id: 'staffing',
      title: 'Staffing levels and recruitment',
      summary: 'Whether there are enough suitable staff on every shift and whether people are recruited safely.',
      rated: true,
      items: [
        check(
          'staffing-rota',
          "Rotas for the last four weeks match the agreed staffing levels and residents' assessed dependency",
          'Compare planned and worked rotas, including nights and weekends, with the dependency assessment and the ' +
            'staffing levels agreed in the contract. Good looks like every shift covered as planned, with the skill ' +
            'mix the home says it needs, such as a senior carer or nurse on each shift. Regulation 18: Staffing.',
        ),
        check(
          'staffing-dependency',
          "A dependency tool is used to set staffing numbers and is reviewed when residents' needs change",
          'Ask how staffing numbers are worked out. Look for a recognised dependency tool updated at least monthly ' +
            'and after admissions or a change in need, and evidence that staffing goes up when dependency rises. ' +
            'Regulation 18: Staffing.',
        ),
        check(
          'staffing-agency',
          'Use of agency staff is monitored, and agency workers are inducted and know the residents they support',
          'Check agency hours over the last month and whether the same workers are booked for continuity. Look for ' +
            'agency profiles (training and DBS confirmation) and a signed induction checklist for each agency worker. ' +
            'Regulation 18: Staffing.',
        ),
        check(
          'staffing-vacancies',
          'Vacancies, sickness and staff turnover are known, and there is a plan to fill gaps safely',
          'Ask for current vacancies and turnover over the last 12 months, and how gaps are covered. Good looks like ' +
            'an active recruitment plan and cover arrangements that do not rely on excessive overtime or long shifts. ' +
            'Regulation 18: Staffing.',
        ),
        check(
          'staffing-dbs',
          "A sample of recruitment files shows an enhanced DBS check with the adults' barred list, obtained before the person started",
          'Look at at least three files, including the newest starters. Compare the certificate date with the start ' +
            'date; where a DBS Adult First check was used, the person must have worked supervised until the full ' +
            'certificate arrived. Regulation 19: Fit and proper persons employed, and Schedule 3.',
        ),
        check(
          'staffing-references',
          'Recruitment files hold two satisfactory references, including the most recent care employer, and reasons for leaving care roles are verified',
          'References should be obtained before the start date, and any concerns raised in them followed up and ' +
            'recorded. Regulation 19: Fit and proper persons employed, and Schedule 3.',
        ),
        check(
          'staffing-employment-history',
          'Recruitment files hold a full employment history with gaps explained in writing, proof of identity with a recent photograph and evidence of qualifications',
          'Check the application form against the interview notes: any gap in employment should have a written ' +
            "explanation. Nurses' files should show a check of the NMC register. Regulation 19: Fit and proper persons " +
            'employed, and Schedule 3.',
        ),
        check(
          'staffing-right-to-work',
          'Right-to-work checks are on file, and for sponsored overseas workers the home meets its sponsor duties',
          'Look for a dated right-to-work check made before employment started. For sponsored workers, check that ' +
            'hours and pay match the certificate of sponsorship and that no unlawful fees were charged; raise any sign ' +
            'of exploitation with safeguarding colleagues.',
        ),
      ],
    },
    {
      id: 'supervision',
      title: 'Staff supervision',
      summary: 'Whether staff receive regular, meaningful supervision and appraisal, and poor practice is dealt with.',
      rated: true,
      items: [
        check(
          'supervision-policy',
          'A supervision policy sets how often each group of staff receives supervision',
          'Read the policy and check it is current and covers all roles, including night staff and ancillary staff. ' +
            'Regulation 18: Staffing requires staff to receive appropriate supervision and appraisal.',
        ),
        check(
          'supervision-frequency',
          'Supervision records for a sample of staff show sessions held as often as the policy requires',
          'Look at the supervision planner and the records for three to five staff from different roles and shifts. ' +
            'Good looks like no overdue sessions, or a clear plan to catch up. Regulation 18: Staffing.',
        ),
        check(
          'supervision-quality',
          'Supervision records show real discussion of practice, wellbeing, training needs and concerns, with actions followed up',
          'Records should be more than a signed checklist: look for discussion of individual residents, learning ' +
            'from incidents, and actions carried forward and closed at the next session. Regulation 18: Staffing.',
        ),
        check(
          'supervision-appraisal',
          'Staff in post for a year or more have had an appraisal in the last 12 months',
          'Check the appraisal tracker against a sample of staff files. Good looks like goals and development needs ' +
            'agreed and linked to the training plan. Regulation 18: Staffing.',
        ),
        check(
          'supervision-observations',
          'Senior staff observe practice and record competency checks, for example in moving and handling, personal care and medicines',
          'Look for dated observation records with feedback to the worker and any retraining arranged. ' +
            'Regulation 18: Staffing.',
        ),
        check(
          'supervision-nurses',
          'Nurses receive clinical supervision, and their NMC registration and revalidation dates are tracked',
          'Applies to homes providing nursing care; otherwise mark not applicable. Check the tracker shows each ' +
            "nurse's PIN checked against the NMC register and revalidation due dates. Regulation 18: Staffing and " +
            'Regulation 19: Fit and proper persons employed.',
        ),
        check(
          'supervision-poor-practice',
          'Poor practice is addressed through supervision, retraining or disciplinary action, with referrals to the DBS or NMC where required',
          'Ask for recent examples. A provider must refer to the DBS when someone is removed from work with ' +
            'residents because they harmed, or posed a risk of harm to, a resident. Regulation 19: Fit and proper ' +
            'persons employed.',
        ),
        check(
          'supervision-managers',
          'The registered manager and senior staff receive supervision themselves',
          "Look for records of the manager's supervision by the provider or area manager. Leaders need support and " +
            'challenge too. Regulation 18: Staffing.',
        ),
      ],
    },
    {
      id: 'training',
      title: 'Staff training',
      summary:
        'Whether staff are inducted and trained for their roles and for the needs of the people living in the home.',
      rated: true,
      items: [
        check(
          'training-induction',
          'New staff complete a structured induction, including shadow shifts, before working unsupervised',
          'Look at induction records for the newest starters: signed off by a senior, with shadow shifts recorded. ' +
            'Regulation 18: Staffing.',
        ),
        check(
          'training-care-certificate',
          'Care workers new to care complete the Care Certificate, normally within 12 weeks of starting',
          'Check progress for recent starters and who assesses them. Staff who arrive with the Care Certificate ' +
            'should have it checked rather than assumed. Regulation 18: Staffing.',
        ),
        check(
          'training-matrix',
          'An up-to-date training matrix shows mandatory training completed and in date for all staff',
          'Mandatory training usually covers safeguarding, moving and handling, infection prevention and control, ' +
            'fire safety, first aid, food hygiene, health and safety, and the Mental Capacity Act. Good looks like ' +
            'high compliance, with overdue training booked. Regulation 18: Staffing.',
        ),
        check(
          'training-safeguarding-mca',
          'Staff have in-date safeguarding adults training and training in the Mental Capacity Act and DoLS',
          'Check the matrix and compare it with what staff say when you speak to them. Training should follow the ' +
            'local multi-agency safeguarding procedures. Regulation 18: Staffing and Regulation 13: Safeguarding ' +
            'service users from abuse and improper treatment.',
        ),
        check(
          'training-moving-handling',
          'Moving and handling training is practical, in date and covers the equipment used in the home',
          "Look for practical sessions using the home's hoists, slings and stand aids, not online training alone. " +
            'Watch transfers during the visit if you can. Regulation 12: Safe care and treatment.',
        ),
        check(
          'training-ipc',
          'Staff have in-date infection prevention and control training, and the home has an IPC lead',
          'Check the matrix and ask who the IPC lead is. Observe hand hygiene and use of personal protective ' +
            'equipment during the visit. Regulation 12: Safe care and treatment.',
        ),
        check(
          'training-specialist',
          "Staff have training suited to residents' needs, such as dementia, end-of-life care, diabetes, and learning disability and autism",
          'Match the training to the needs in the care plans you sampled. Registered providers must give staff ' +
            'training on learning disability and autism appropriate to their role (the Oliver McGowan Mandatory ' +
            'Training). Regulation 18: Staffing.',
        ),
        check(
          'training-medicines',
          'Staff who give medicines have completed medicines training and an annual competency assessment',
          'Check the list of staff authorised to give medicines against training and competency records. NICE ' +
            'guidance SC1 (Managing medicines in care homes) recommends competency is reviewed at least annually. ' +
            'Regulation 12: Safe care and treatment.',
        ),
      ],
    },
    {
      id: 'resident-care',
      title: 'Resident care',
      summary: 'Whether care is planned around each person, risks are assessed and managed, and health needs are met.',
      rated: true,
      items: [
        check(
          'care-plans-person-centred',
          'A sample of care plans is person-centred, covering life history, preferences, routines and what matters to the person',
          'Look at three or more plans, including a recent admission and someone funded by the council. Good plans ' +
            'are written with the person and read as being about them, not a generic form. Regulation 9: ' +
            'Person-centred care.',
        ),
        check(
          'care-plans-reviewed',
          'Care plans are reviewed at least monthly and when needs change, with the resident and family involved',
          'Check review dates and whether changes after a fall, hospital stay or new diagnosis are reflected in the ' +
            "plan. Look for signs of the person's or family's involvement. Regulation 9: Person-centred care.",
        ),
        check(
          'care-falls-pressure',
          'Falls and pressure ulcer risks are assessed (for example Waterlow or Braden), reviewed and acted on',
          "Check that risk scores lead to action: pressure-relieving mattresses in place and set for the person's " +
            'weight, repositioning charts completed, falls referrals and sensor equipment where needed. Regulation 12: ' +
            'Safe care and treatment.',
        ),
        check(
          'care-nutrition',
          'Nutrition risk is screened with MUST, weights are recorded as planned, and food and fluid charts are completed and totalled',
          'Check that weight loss triggers action, such as fortified diets or a GP or dietitian referral, and that ' +
            'modified textures follow speech and language therapy advice (IDDSI levels). Fluid charts should have a ' +
            'target and a daily total. Regulation 14: Meeting nutritional and hydration needs.',
        ),
        check(
          'care-consent',
          'Consent is recorded, and where a person may lack capacity there is a decision-specific capacity assessment and best-interest decision',
          'Look for assessments about specific decisions, such as sensor mats or bed rails, not blanket statements. ' +
            'Check who holds Lasting Power of Attorney for health and welfare and that a copy is on file. ' +
            'Regulation 11: Need for consent.',
        ),
        check(
          'care-health-access',
          'Residents see GPs, district nurses, dentists, opticians, chiropodists and other professionals when needed, and advice is followed',
          'Check professional visit records against the care plans. Compare with the GP, district nurse and health ' +
            'feedback in the pre-visit briefing. Regulation 9: Person-centred care and Regulation 12: Safe care and ' +
            'treatment.',
        ),
        check(
          'care-end-of-life',
          'End-of-life wishes and any ReSPECT or DNACPR decisions are recorded, known to staff and reviewed',
          'Check that forms are completed and easy to find in an emergency, and that advance care plans reflect ' +
            'conversations with the person and those close to them. Regulation 9: Person-centred care.',
        ),
        check(
          'care-environment',
          'Rooms and communal areas are clean, safe, free from odour and personalised, and equipment is serviced',
          'Walk round the home. Look at cleaning schedules, hoist and sling servicing (LOLER) records, water ' +
            'temperatures and window restrictors. Regulation 15: Premises and equipment and Regulation 12: Safe care ' +
            'and treatment.',
        ),
      ],
    },
    {
      id: 'safeguarding',
      title: 'Safeguarding',
      summary:
        'Whether residents are protected from abuse and improper treatment, and concerns are reported and acted on.',
      rated: true,
      items: [
        check(
          'safeguarding-policy',
          'The safeguarding policy is current and follows the local multi-agency adult safeguarding procedures',
          "Check the review date and that it names how to contact the council's adult safeguarding team, including " +
            'out of hours. Regulation 13: Safeguarding service users from abuse and improper treatment.',
        ),
        check(
          'safeguarding-referrals',
          'Safeguarding concerns are referred to the council promptly, and a log records each concern, action and outcome',
          "Compare the home's log with the safeguarding referrals in the pre-visit briefing. Good looks like prompt " +
            'referrals, protection put in place straight away, and co-operation with any enquiry. Regulation 13: ' +
            'Safeguarding service users from abuse and improper treatment.',
        ),
        check(
          'safeguarding-cqc-notifications',
          'Allegations of abuse, serious injuries and other notifiable incidents have been notified to CQC',
          'Cross-check the safeguarding log and incident records against notifications sent. Care Quality ' +
            'Commission (Registration) Regulations 2009, Regulation 18: Notification of other incidents.',
        ),
        check(
          'safeguarding-dols',
          'DoLS applications, authorisations, expiry dates and conditions are tracked, and renewals applied for in time',
          'Check the DoLS tracker against residents who lack capacity to consent to living in the home. Conditions ' +
            'attached to authorisations should be in the care plan and met, and outcomes notified to CQC. ' +
            'Regulation 13: Safeguarding service users from abuse and improper treatment.',
        ),
        check(
          'safeguarding-restrictive-practice',
          'Restrictions such as bed rails, sensor mats, keypad doors and constant observation are assessed, agreed lawfully and reviewed',
          'Each restriction should have a risk assessment, consent or a best-interest decision, and a review date. ' +
            'Bed rails need a bed rail risk assessment and regular checks. Regulation 13: Safeguarding service users ' +
            'from abuse and improper treatment.',
        ),
        check(
          'safeguarding-whistleblowing',
          'A whistleblowing policy is in place and explains how to raise concerns outside the home, including with the council and CQC',
          'Check the policy and whether it is displayed or given to staff. Ask how a concern raised last year was ' +
            'handled. Regulation 17: Good governance.',
        ),
        check(
          'safeguarding-learning',
          'Safeguarding concerns are investigated, and lessons learnt are shared with staff and acted on',
          'Look for team meeting minutes, supervision notes or action plans that show what changed after a ' +
            'concern. Regulation 13: Safeguarding service users from abuse and improper treatment and Regulation 17: ' +
            'Good governance.',
        ),
      ],
    },
    {
      id: 'management',
      title: 'Management and finances',
      summary:
        "Whether the home is well led, checks its own quality, and keeps residents' money and the business safe.",
      rated: true,
      items: [
        check(
          'management-registered-manager',
          'A registered manager is in post, or the provider has notified CQC of the absence and the interim arrangements',
          'Check the CQC register. Absences of 28 days or more must be notified under the Care Quality Commission ' +
            '(Registration) Regulations 2009, Regulation 14. Note any recent changes of manager.',
        ),
        check(
          'management-audits',
          'The provider audits quality regularly, for example care plans, medicines, infection control and mattresses, and acts on the findings',
          'Look at the last three months of audits and the service improvement plan. Good looks like audits that ' +
            'find real issues, with named actions and dates that are closed. Regulation 17: Good governance.',
        ),
        check(
          'management-complaints',
          'A complaints log shows complaints acknowledged, investigated and answered within the policy timescales, with learning recorded',
          'Compare the log with complaints in the pre-visit briefing. Responses should tell people they can go to ' +
            'the Local Government and Social Care Ombudsman. Regulation 16: Receiving and acting on complaints.',
        ),
        check(
          'management-incidents',
          'Accidents and incidents are recorded and analysed each month for patterns, such as falls by time or place, with action taken',
          'Look at the analysis and what changed as a result. Where a notifiable safety incident occurred, check the ' +
            'duty of candour was followed. Regulation 12: Safe care and treatment, Regulation 17: Good governance and ' +
            'Regulation 20: Duty of candour.',
        ),
        check(
          'management-business-continuity',
          'A business continuity plan covers staff shortages, outbreaks, loss of utilities and evacuation, and was reviewed in the last year',
          'Check the plan is specific to the home, with contacts and alternative accommodation arrangements. ' +
            'Regulation 17: Good governance.',
        ),
        check(
          'management-fire-safety',
          'The fire risk assessment is in date, every resident has a personal emergency evacuation plan, and fire drills take place',
          'Compare with the outcome of the latest Fire and Rescue Service inspection in the pre-visit briefing. ' +
            'Drills should include night staff. Regulatory Reform (Fire Safety) Order 2005; Regulation 12: Safe care ' +
            'and treatment.',
        ),
        check(
          'management-residents-money',
          "Residents' money held by the home is kept safely, with individual records, receipts and two signatures for each transaction, and audited",
          'Check the balance for two or three residents against the record and receipts. Money must not be pooled ' +
            'without a clear account for each person, and staff must not act as appointees without safeguards. ' +
            'Regulation 13: Safeguarding service users from abuse and improper treatment and Regulation 17: Good ' +
            'governance.',
        ),
        check(
          'management-insurance',
          "Employer's liability and public liability insurance certificates are current and meet the contract requirements",
          'Check the certificates and expiry dates. Note any sign of financial difficulty, such as unpaid suppliers ' +
            'or a sudden loss of staff, and pass it to the commissioning team.',
        ),
      ],
    },
    {
      id: 'staff-feedback',
      title: 'Staff feedback',
      summary: 'What staff tell us, in private, about support, staffing levels, training and raising concerns.',
      rated: true,
      items: [
        check(
          'staff-supported',
          'Staff we spoke to feel supported by the manager and receive regular supervision',
          'Speak to at least three staff in different roles, away from managers, including night staff if you can. ' +
            'Regulation 18: Staffing.',
        ),
        check(
          'staff-enough-staff',
          "Staff say there are enough staff on each shift to meet residents' needs without rushing",
          'Compare what staff say with the rotas and what you observe, for example call bell response times. ' +
            'Regulation 18: Staffing.',
        ),
        check(
          'staff-know-residents',
          'Staff can describe the needs, risks and preferences of the residents they support, in line with the care plans',
          'Ask about a resident whose care plan you have read. Good looks like staff knowing the person as an ' +
            'individual, not only their tasks. Regulation 9: Person-centred care.',
        ),
        check(
          'staff-safeguarding-knowledge',
          'Staff can describe types of abuse and what they would do, including reporting outside the home if needed',
          "Staff should know how to contact the council's safeguarding team and CQC as well as the manager. " +
            'Regulation 13: Safeguarding service users from abuse and improper treatment.',
        ),
        check(
          'staff-speak-up',
          'Staff feel confident to raise concerns and say their concerns are listened to and acted on',
          'Ask for an example of a concern they raised and what happened. Fear of raising concerns is a warning ' +
            'sign to record. Regulation 17: Good governance.',
        ),
        check(
          'staff-training-useful',
          'Staff say their training prepared them for the role, and they can ask for more when they need it',
          'Check that what staff describe matches the training matrix. Regulation 18: Staffing.',
        ),
        check(
          'staff-communication',
          "Handovers and staff meetings take place, and staff are kept informed of changes to residents' care",
          "Ask how staff found out about the last change to a resident's care. Look at handover records and recent " +
            'meeting minutes. Regulation 17: Good governance.',
        ),
        check(
          'staff-mca-practice',
          'Staff understand the Mental Capacity Act in everyday practice, such as offering choices and seeking consent',
          'Ask how they support someone living with dementia to make a decision, and what they do if the person ' +
            'refuses care. Regulation 11: Need for consent.',
        ),
      ],
    },
    {
      id: 'medicines',
      title: 'Medicine management',
      summary:
        'Whether medicines are ordered, stored, given and recorded safely, and staff are competent to give them.',
      rated: true,
      items: [
        check(
          'medicines-mar',
          'Medicines administration records (MAR charts) are complete, with no unexplained gaps and codes used for refused or omitted doses',
          'Check MAR charts for several residents across the last two weeks and count a sample of boxed medicines ' +
            'against the records. Regulation 12: Safe care and treatment.',
        ),
        check(
          'medicines-controlled-drugs',
          'Controlled drugs are stored securely, each register entry is signed by two staff, and regular stock checks balance',
          'Check the cabinet, the register and a stock count for one or two drugs with a member of staff. ' +
            'Regulation 12: Safe care and treatment; NICE guidance SC1 (Managing medicines in care homes).',
        ),
        check(
          'medicines-prn',
          'PRN (as-needed) medicines have person-specific protocols, and the reason for each dose and its effect are recorded',
          'Protocols should say when to give the medicine, the maximum dose and when to seek advice. For people ' +
            'who cannot say they are in pain, look for a pain assessment tool such as Abbey. Regulation 12: Safe care ' +
            'and treatment.',
        ),
        check(
          'medicines-covert',
          'Covert medication is given only with a capacity assessment, a best-interest decision involving the GP and family, and pharmacist advice',
          'Check the decision is recorded, specific to each medicine, and reviewed. Mark not applicable if no one ' +
            'receives medicines covertly. Regulation 11: Need for consent and Regulation 12: Safe care and treatment.',
        ),
        check(
          'medicines-storage',
          'Medicines are stored securely, and room and fridge temperatures are recorded daily and within range (fridge 2 to 8°C)',
          'Look at the temperature records and what was done when readings were out of range. Check opened ' +
            'bottles and creams are dated. Regulation 12: Safe care and treatment.',
        ),
        check(
          'medicines-topical',
          'Creams and other topical medicines have body maps and administration records',
          'Check that care staff who apply creams record it, and that body maps show where each is applied. ' +
            'Regulation 12: Safe care and treatment.',
        ),
        check(
          'medicines-errors-audits',
          'Medicines errors and near misses are reported, investigated and learnt from, and medicines audits are carried out',
          'Look at the medicines incident log and the last medicines audit. Errors that caused harm should have ' +
            'been reported to the GP and, where appropriate, to safeguarding. Regulation 12: Safe care and treatment ' +
            'and Regulation 17: Good governance.',
        ),
        check(
          'medicines-reviews',
          "Residents' medicines are reviewed by the GP or pharmacist, and time-critical medicines are given on time",
          'Look for structured medication reviews in the last year. Time-critical medicines, such as those for ' +
            "Parkinson's or diabetes, should be given at the prescribed times. Regulation 12: Safe care and treatment.",
        ),
      ],
    },
    {
      id: 'resident-feedback',
      title: 'Feedback from residents and service users',
      summary:
        'What residents, relatives and any experts by experience tell us, and what we see, including at a mealtime.',
      rated: true,
      items: [
        check(
          'residents-feel-safe',
          'Residents we spoke to say they feel safe and know who to talk to if they are worried',
          'Speak to several residents in private where they wish. For people who cannot tell you, observe how ' +
            'staff respond to them and whether call bells are within reach and answered promptly. Regulation 13: ' +
            'Safeguarding service users from abuse and improper treatment.',
        ),
        check(
          'residents-dignity',
          'Residents are treated with kindness, dignity and respect, and their privacy is protected',
          'Observe interactions in communal areas: staff knocking before entering, speaking to people rather than ' +
            'over them, and personal care given discreetly. Regulation 10: Dignity and respect.',
        ),
        check(
          'residents-choice',
          'Residents have choice and control over daily routines, such as when they get up, what they wear and where they spend time',
          'Ask residents and compare with what the care plans say. Regulation 9: Person-centred care.',
        ),
        check(
          'residents-activities',
          "Activities and social contact are meaningful and matched to people's interests, including for people who stay in their rooms",
          'Look at the activities plan and records for people cared for in bed. Ask residents what they enjoy and ' +
            'whether they do it. Regulation 9: Person-centred care.',
        ),
        check(
          'residents-mealtime',
          'A mealtime observation shows a good experience: choice, help to eat and drink where needed, correct modified diets, and drinks offered',
          'Sit with residents for a meal if you can. Good looks like a relaxed meal, food that looks and tastes ' +
            'good, and people given support at their own pace. Regulation 14: Meeting nutritional and hydration ' +
            'needs and Regulation 10: Dignity and respect.',
        ),
        check(
          'residents-relatives',
          'Relatives and friends say they are welcomed, kept informed and listened to when they raise concerns',
          'Speak to visitors on the day or phone relatives who have agreed to be contacted. Regulation 9: ' +
            'Person-centred care and Regulation 16: Receiving and acting on complaints.',
        ),
        check(
          'residents-views-sought',
          'The home asks residents and relatives for their views, through meetings or surveys, and can show what changed as a result',
          "Look at residents' meeting minutes and survey results. Good looks like 'you said, we did' examples. " +
            'Regulation 17: Good governance.',
        ),
        {
          id: 'residents-what-people-told-us',
          type: 'long-text',
          label: 'What people told us',
          guidance:
            'Summarise what residents, relatives and any experts by experience told us, and what we observed, ' +
            'including at the meal. Do not record names or details that identify a resident.',
          required: false,
          note: 'none',
        },
      ],
    },
  ],
};
