// Case file audit, version 2 (issue 15): the same five standards, statements and grades as version
// 1, which stays published and unchanged, re-rated so that a Red cannot be averaged away. Version
// 1 averaged: Red on Standard 1 with four Greens came out Amber, although seed 001 appendix 3
// describes Red as "serious failures that create or leave people being harmed or at risk of harm".
// Version 2 uses the limiting judgement (rating-rules.ts):
// - a standard's grade is the average of its statements rounded down, no more than one grade above
//   its weakest statement, never better than the grade given to "People are safe from abuse,
//   neglect and mistreatment", and Red when two or more statements are Red;
// - the overall grade is the average of the standards rounded down, no more than one grade above
//   the weakest standard, never better than Standard 1 (people are safe), and Red when two or more
//   standards are Red.
// Seed 001 gives the grades but no rule for combining them, and seed 003 §4 none either: the notes
// say so, and the safer rule was chosen. Citations are kept here and in `source` fields; the
// guidance officers see names no seed.
import type { Template, TemplateSection } from './schema';
import { caseFileAuditV1 } from './case-file-audit';

const GRADES = 'seed 001 §3.2 and appendix 3 (grade descriptions used in the People Group case file audit tools)';
const SILENT =
  'Seeds 001 and 003 give the grades but no rule for combining them; the limiting judgement was chosen as the safer rule: a Red can lower the grade but never be averaged away.';

const STANDARD_SOURCES: Record<string, string> = {
  safe: 'seed 001 §3.2 and appendix 2, Standard 1',
  experience: 'seed 001 §3.2 and appendix 2, Standard 2',
  workforce: 'seed 001 §3.2 and appendix 2, Standard 3',
  equality: 'seed 001 §3.2 and appendix 2, Standard 4',
  resources: 'seed 001 §3.2 and appendix 2, Standard 5',
};

function section(s: TemplateSection): TemplateSection {
  if (s.id === 'summary')
    return {
      ...s,
      source: 'seed 003 §4.6 (summary and actions to the worker and manager within 48 hours; immediate concerns)',
      items: s.items.map((i) =>
        i.id === 'summary-findings'
          ? {
              ...i,
              guidance:
                'The summary and any actions go to the worker and their team manager, and onto the case file record, within 48 hours.',
            }
          : i,
      ),
    };
  return { ...s, source: STANDARD_SOURCES[s.id] };
}

export const caseFileAuditV2: Template = {
  ...caseFileAuditV1,
  version: 2,
  description:
    'A manager audits a case file, usually alongside the allocated worker, against the five People Group quality ' +
    'standards. The summary and actions go to the worker and their manager within 48 hours and the audit form to the ' +
    'QA manager within 5 days; the QA manager moderates audits for consistency.',
  scoring: {
    method: 'rules',
    section: {
      rule: 'limiting-judgement',
      source: GRADES,
      note: SILENT,
      maxBandsAboveWorst: 1,
      critical: [
        {
          id: 'safe-01',
          reason:
            'People not safe from abuse, neglect or mistreatment is the serious failure the Red grade describes; nothing else in the standard offsets it.',
          source:
            'seed 001 appendix 2, Standard 1 (first statement) and appendix 3 (Red: people harmed or at risk of harm)',
          note: 'Seed 001 does not mark critical statements; this one was chosen as the safer rule.',
        },
      ],
      thresholds: [
        {
          answers: ['red'],
          atLeast: 2,
          atBest: 'red',
          reason: 'Two or more statements graded Red show the standard is not met in more than one respect.',
          source:
            'seed 001 appendix 3 (Red: "does not meet many of the People Group QAF standards or is inconsistent")',
          note: 'Seed 001 gives no count; two was chosen as the safer rule (as CQC: two or more Inadequate give Inadequate).',
        },
      ],
    },
    overall: {
      rule: 'limiting-judgement',
      source: GRADES,
      note: SILENT,
      maxBandsAboveWorst: 1,
      critical: [
        {
          id: 'safe',
          reason: 'A file that shows people are not kept safe cannot be graded better overall than that.',
          source: 'seed 001 appendix 3 (Red: "The service sometimes does not keep people safe")',
          note: 'Seed 001 does not rank its standards; Standard 1 was made limiting as the safer rule.',
        },
      ],
      thresholds: [
        {
          answers: ['red'],
          atLeast: 2,
          atBest: 'red',
          reason: 'Two or more standards graded Red: the file does not meet many of the standards.',
          source:
            'seed 001 appendix 3 (Red: "does not meet many of the People Group QAF standards or is inconsistent")',
          note: 'Seed 001 gives no count; two was chosen as the safer rule (as CQC: two or more Inadequate give Inadequate).',
        },
      ],
    },
  },
  overall: {
    label: 'Overall grade',
    guidance:
      'Suggested from the five standards: their average grade rounded down, never better than Standard 1 (people are ' +
      'safe), never more than one grade above the weakest standard, and Red when two or more standards are Red. ' +
      'Choose another grade only with a reason.',
  },
  sections: caseFileAuditV1.sections.map(section),
};
