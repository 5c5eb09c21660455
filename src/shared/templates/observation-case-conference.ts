// Observation of practice at a case conference or review (seed 003 §10.1), version 1: a manager
// observes a practitioner preparing for and taking part in a child protection conference, a child
// in care review or a similar meeting. The shared parts are in observation-common.ts; seed 003
// expects feedback from the child and their family for this kind of observation, so it is required.
import { observationTemplate } from './observation-common';

export const observationCaseConferenceV1 = observationTemplate({
  id: 'observation-case-conference',
  title: 'Observation of practice: case conference or review',
  observes: 'preparing for and taking part in a case conference or review',
  settingExample: 'an initial child protection conference at the council offices, held in person or online',
  activityExample:
    'preparing the report, presenting the assessment to the conference and explaining the plan to the family',
  purposeLabel: 'Purpose of the conference or review',
  feedbackLabel: 'Feedback from the child and their family',
  feedbackGuidance:
    'Seed 003 §10.1 expects feedback from the child and their family on a conference or review. Record what they ' +
    'said, or why it could not be obtained and what was tried.',
  feedbackRequired: true,
});
