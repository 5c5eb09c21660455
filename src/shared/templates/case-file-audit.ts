// Case file audit against the People Group Quality Assurance Framework (seed 001), version 1:
// each of the five quality standards is a section, each statement of Appendix 2 is graded on the
// Appendix 3 scale (Outstanding, Green, Amber, Red; a statement that does not apply is left
// ungraded), and the grade of each standard and the overall grade are suggested from the average,
// rounded toward the lower grade. Audit feedback to the worker and manager within 48 hours and the
// form to the QA manager within 5 days (seed 003 §4.6, deadlines.ts).
import { optionsOf } from '../options';
import { averagedJudgement } from './people-group';
import type { ChoiceOption, Template, TemplateSection } from './schema';

/** An Appendix 3 grade: its summary and description as the option's hint, word for word but for one slip. */
function grade(value: string, label: string, score: number, hint: string): ChoiceOption {
  return { value, label, score, hint };
}

/**
 * Seed 001 Appendix 3, the grade descriptions used in the People Group case file audit tools. The seed's
 * "Their views and experiences are often influence" (Green) reads "often influence" here.
 */
const grades: ChoiceOption[] = [
  grade(
    'outstanding',
    'Outstanding',
    4,
    "Service or practice demonstrates excellence. People's feedback about their experience of the service " +
      'describes it as consistently excellent. It often exceeds their expectations. Their views and ' +
      'experiences are regularly sought about service quality and impact. People are at the centre of service ' +
      'design and influence development and strategic thinking. There is a real sense of partnership between ' +
      'people and the service. The service keeps people safe (and maximises their personal control). It ' +
      'ensures risk and choice are balanced appropriately. There is a high level of understanding of the need ' +
      'to make sure people are safe. People who use the service and staff tell us they are actively encouraged ' +
      "to raise their concerns and to challenge when they feel people's safety is at risk. They tell us there " +
      'are no recriminations for doing this and it is seen as part of day-to-day practice. Staff have ' +
      'exceptional skills and the ability to recognise when people feel unsafe. The service is effective. It ' +
      'delivers measurably improved personalised outcomes, has skilled staff and delivers value for money. It ' +
      'has a clear vision and values that includes honesty, involvement, compassion, dignity, independence, ' +
      'respect, equality and safety. These are consistently put into practice. There is a strong emphasis on ' +
      'continually striving to improve. The service sustains outstanding practice and improvements over time. ' +
      "Staff and services are willing to go 'the extra mile' for people. There is robust evidence that the " +
      'service meets all of the People Group QAF standards.',
  ),
  grade(
    'green',
    'Green',
    3,
    "Service or practice demonstrates good practice and is moving towards excellence. People's feedback " +
      'about their experience of the service describes it as consistently good. It often meets their ' +
      'expectations. Their views and experiences are often sought about service quality and impact. Their ' +
      'views and experiences often influence development and strategic thinking. The service keeps people ' +
      'safe. It ensures risk and choice are balanced appropriately. People who use the service and staff tell ' +
      "us they can raise their concerns and challenge when they feel people's safety is at risk. They tell us " +
      'there are no recriminations for doing this. Staff recognise when people feel unsafe. The service is ' +
      'usually effective. It usually delivers measurably improved personalised outcomes, has skilled staff and ' +
      'delivers value for money. It has a clear vision and values that are put into practice. There is an ' +
      'emphasis on striving to improve. The service sustains good practice and improvements over time. There ' +
      'is robust evidence that the service meets many of the People Group QAF standards.',
  ),
  grade(
    'amber',
    'Amber',
    2,
    "Service or practice has reached the required minimum standard. People's feedback about their experience " +
      'of the service describes it as satisfactory. It often meets their expectations, but this is not always ' +
      'the case. Their views and experiences are sometimes sought about service quality and impact. Their ' +
      'views and experiences sometimes influence development and strategic thinking. The service keeps people ' +
      'safe. It often balances risk and choice appropriately. People who use the service and staff sometimes ' +
      "raise their concerns and challenge when they feel people's safety is at risk. Staff often recognise " +
      'when people feel unsafe. The service is often effective. It often delivers measurably improved ' +
      'personalised outcomes, has skilled staff and delivers value for money. It has a vision and values that ' +
      'are put into practice. There is an emphasis on striving to improve. The service sustains some good ' +
      'practice and improvements over time, but others are not sustained. There is evidence that the service ' +
      'meets some of the People Group QAF standards. However, some of the standards are either not being met ' +
      'or not met consistently.',
  ),
  grade(
    'red',
    'Red',
    1,
    'Service or practice has failed to reach the minimum standard required and immediate action is required. ' +
      "People's feedback about their experience of the service describes it as consistently unsatisfactory or " +
      'poor. It often does not meet their expectations. Their views and experiences are rarely sought about ' +
      'service quality and impact other than through complaints and comments. The service sometimes does not ' +
      'keep people safe. There are serious failures that create or leave people being harmed or at risk of ' +
      'harm and/or their welfare not safeguarded and promoted. It does not balance risk and choice ' +
      'appropriately. People who use the service and staff often do not raise their concerns or challenge when ' +
      "they feel people's safety is at risk. Staff sometimes do not recognise when people feel unsafe. The " +
      'service is often not effective. It does not have or lacks evidence of measurably improved personalised ' +
      'outcomes and value for money. There is little or no emphasis on improvement. The service does not ' +
      'sustain improvements over time. The service does not meet many of the People Group QAF standards or is ' +
      'inconsistent in meeting standards.',
  ),
];

const STANDARDS: Array<[string, string, string[]]> = [
  [
    'safe',
    'Standard 1: People are safe and their independence and wellbeing promoted',
    [
      'People are safe from abuse, neglect and mistreatment',
      'Staff and contracted service providers are aware of their roles and responsibilities for safeguarding with statutory guidance',
      'All staff working primarily and directly with children, young people and vulnerable adults cleared by the Disclosure and Barring Service (DBS) in line with Warwickshire County Council policy and procedure',
      'Staff and contracted service providers know how to use the local safeguarding procedures',
      'Referrals are made in accordance with safeguarding procedures',
      'Assessment is completed in a timely manner taking full account of the information and professional opinions provided by agencies that know the customer and family',
      'Information is shared appropriately in accordance with procedures',
      'Plans and reviews are timely taking full account of the information and professional opinions provided by agencies that know the family',
      'Services planned for the family are holistic and use the resources of the wider family network and partner agencies',
      'Risks and how they will be managed are clearly recorded',
      'There is evidence of positive personalised outcomes for service users and customers',
    ],
  ],
  [
    'experience',
    'Standard 2: People have a positive experience of services',
    [
      "People's views are sought and recorded throughout their contact with the People Group",
      'Consent to seek and/or share information is obtained',
      'People and their families participate in decisions about the services they receive',
      'Outcomes are based upon the preferences and needs expressed by people and their families',
      'There is evidence of positive outcomes for people',
      'People know the service standards to expect',
      'People are enabled by the service to live independently with dignity and control over their circumstances',
      'People including carers are supported to make choices and manage identified or anticipated risks, and contingency plans are in place',
      'Differences in views between people and/or carers and assessing staff are clearly identified and addressed',
      'All feedback and information from people and their families will be used to ensure that concerns and complaints are dealt with effectively and in a timely manner',
      'People and families will be informed of the outcome of their complaint',
      'The views of children, young people, adults and families are considered in the design, development and delivery of all services',
      "People and their families' experiences of services are used to drive quality improvement",
      'People and their families rate their services highly',
    ],
  ],
  [
    'workforce',
    'Standard 3: The workforce is skilled, motivated and valued',
    [
      'Staff are actively involved in improving quality',
      'Supervision takes place regularly at an appropriate frequency to the role',
      'Outcomes, decisions and timescales for action are recorded in supervision',
      'All staff have an annual appraisal',
      'Staff take advantage of professional development opportunities',
      'Staff development supports staff in practicing appropriately to enable people to achieve positive outcomes',
      'Compliments are celebrated and shared with and between staff to highlight success and to inform continuous service improvements',
      'Managers maximise opportunities for shared training and workforce development',
    ],
  ],
  [
    'equality',
    'Standard 4: Equality and diversity are integral to services',
    [
      'People are treated with compassion, dignity and respect',
      "Consideration is given to personal, religious and cultural beliefs and the impact on individual's choices",
      'Communication with people and their families respects their language, religion, culture and identity',
      'Service delivery is informed by impact analysis reports that are reviewed regularly',
      'Services and plans empower people and their families to address and overcome social exclusion',
      'Organisational culture and practices that contribute to discrimination and disadvantage are challenged effectively',
    ],
  ],
  [
    'resources',
    'Standard 5: Services make efficient and effective use of resources',
    [
      'People have access to information, advice and guidance including the range of support networks and resources available within the community to meet identified needs',
      'Self-directed support and opportunities for service users to manage their own care needs are encouraged',
      "Assessments are holistic in approach, addressing people's needs within their family and wider community",
      'Assessments, care plans and reviews build on strengths as well as identifying needs',
      'Assessments, plans and reviews are recorded, signed and circulated in accordance with procedures',
      'Reviews are undertaken in a timely manner, identifying the support being provided and the progress against measurable outcomes',
      'Recording is appropriate, jargon-free and demonstrates the purpose and outcome of each contact concerning the family',
      'Recording is concise, analytical, distinguishes between fact and professional opinion, and is appropriate for customer access',
      'Information about the family is written and stored in accordance with Data Protection and Information Sharing protocols and meets the requirements of performance measurement and data monitoring',
      'Management oversight ensures there is effective decision making and timely action',
      'Decisions are transparent and open to challenge',
      'Managers audit case records on a regular basis and require action to be taken where necessary',
      'The service can evidence a positive impact on outcomes for people and their families',
    ],
  ],
];

const standardSections: TemplateSection[] = STANDARDS.map(([id, title, statements]) => ({
  id,
  title,
  summary:
    'Grade each statement the file gives evidence on; leave a statement ungraded when it does not apply to this case.',
  rated: true,
  items: statements.map((label, i) => ({
    id: `${id}-${String(i + 1).padStart(2, '0')}`,
    type: 'rating' as const,
    label,
    required: false,
    note: 'optional' as const,
  })),
}));

export const caseFileAuditV1: Template = {
  id: 'case-file-audit',
  version: 1,
  framework: 'People Group QAF',
  title: 'Case file audit',
  description:
    'A manager audits a case file, usually alongside the allocated worker, against the five People Group quality standards ' +
    '(seed 001). The summary and actions go to the worker and their manager within 48 hours and the audit form to the QA ' +
    'manager within 5 days; the QA manager moderates audits for consistency (seed 003 §4).',
  subject: 'case-file',
  responseOptions: optionsOf({ yes: 'Yes', no: 'No' }),
  ratingScale: grades,
  ...averagedJudgement({
    label: 'Overall grade',
    guidance:
      'Suggested from the five standards (the average grade, rounded down). Choose another grade only with a reason.',
  }),
  sections: [
    ...standardSections,
    {
      id: 'summary',
      title: 'Summary and actions',
      rated: false,
      items: [
        {
          id: 'summary-findings',
          type: 'long-text',
          label: 'Summary of findings',
          required: true,
          note: 'none',
          guidance:
            'The summary and any actions go to the worker and their team manager, and onto the case file record, within 48 hours (seed 003 §4.6).',
        },
        {
          id: 'immediate-concerns',
          type: 'yes-no',
          label: 'Were immediate concerns raised with the worker and their manager?',
          required: true,
          note: 'none',
        },
        {
          id: 'immediate-concerns-detail',
          type: 'long-text',
          label: 'What the immediate concerns were and what was agreed',
          required: true,
          note: 'none',
          showIf: { item: 'immediate-concerns', in: ['yes'] },
        },
      ],
    },
  ],
};
