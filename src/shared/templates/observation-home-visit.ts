// Observation of practice on a home visit (seed 003 §10.1), version 1: a manager goes with a
// practitioner on a visit to a child, adult or family at home. The shared parts are in
// observation-common.ts; feedback from the person or family is asked for but may be declined.
import { type ObservationSetting, observationTemplate, observationTemplateV2 } from './observation-common';

const homeVisit: ObservationSetting = {
  id: 'observation-home-visit',
  title: 'Observation of practice: home visit',
  observes: 'on a home visit',
  settingExample: 'the family home, or the adult’s own flat',
  activityExample: 'a statutory visit, an assessment visit or a direct work session',
  purposeLabel: 'Purpose of the visit',
  feedbackLabel: 'Feedback from the person or their family',
  feedbackGuidance:
    'What the person or their family said about the visit and the practitioner, if they agreed to give feedback.',
  feedbackRequired: false,
};

export const observationHomeVisitV1 = observationTemplate(homeVisit);

/** Version 2: re-rated so one Inadequate domain caps the judgement (observation-common.ts). */
export const observationHomeVisitV2 = observationTemplateV2(homeVisit);
