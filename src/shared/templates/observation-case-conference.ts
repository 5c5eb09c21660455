// Observation of practice at a case conference or review (seed 003 §10.1), version 1: a manager
// observes a practitioner preparing for and taking part in a child protection conference, a child
// in care review or a similar meeting. The shared parts are in observation-common.ts; seed 003
// expects feedback from the child and their family for this kind of observation, so it is required.
import { type ObservationSetting, observationTemplate, observationTemplateV2 } from './observation-common';

const caseConference: ObservationSetting = {
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
};

export const observationCaseConferenceV1 = observationTemplate(caseConference);

/**
 * Version 2: re-rated so one Inadequate domain caps the judgement (observation-common.ts), and the
 * feedback guidance without the seed reference (seed 003 §10.1 still requires the feedback).
 */
export const observationCaseConferenceV2 = observationTemplateV2({
  ...caseConference,
  feedbackGuidance:
    'Feedback from the child and their family is expected for a conference or review. Record what they said, or ' +
    'why it could not be obtained and what was tried.',
});
