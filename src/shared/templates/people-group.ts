// What version 1 of the People Group's own quality assurance templates shares (the case file audit,
// seed 001 and seed 003 §4, and the observations of practice, seed 003 §10): each part's judgement
// and the overall are suggested from the average of the judgements, rounded toward the lower one,
// and every action, significant or routine, is due within 3 months. Published: a change here
// changes both, so it is a new version of each.
import type { Template } from './schema';

/** The judgement of both: spread into the template after its rating scale, with its own overall wording. */
export const averagedJudgement = (
  overall: Template['overall'],
): Pick<Template, 'scoring' | 'overall' | 'actionDueMonths'> => ({
  scoring: { method: 'average' },
  overall,
  actionDueMonths: { significant: 3, routine: 3 },
});
