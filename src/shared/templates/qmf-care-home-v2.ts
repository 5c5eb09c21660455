// The Care Home Quality Monitoring Framework, version 2 (issue 4): the same areas and checks as
// version 1, which stays published and unchanged, plus scores (met 3, partly met 2, not met 1,
// not applicable unscored), the worst-of rule that suggests each area's RAG and the overall RAG,
// a repeating group for the people spoken to, a follow-up item shown when safeguarding concerns
// are not met, and the action policy of seed 004 §9 (significant actions closed within 3 months).
import { peopleSpokenTo, safeguardingFollowUp } from './items';
import type { Template, TemplateSection } from './schema';
import { qmfCareHomeV1 } from './qmf-care-home';

const SCORES: Record<string, number> = { met: 3, 'partly-met': 2, 'not-met': 1 };
const RAG_SCORES: Record<string, number> = { green: 3, amber: 2, red: 1 };

const residentsSpokenTo = peopleSpokenTo({
  id: 'residents-people-spoken-to',
  whom: 'resident, relative or visitor',
  whoExample: 'For example "AB, resident" or "daughter of a resident".',
  relationships: { resident: 'Resident', relative: 'Relative or friend' },
  afterSaid: [
    {
      id: 'spoken-at-meal',
      type: 'yes-no',
      label: 'Observed or spoken to during a meal?',
      required: true,
      note: 'none',
      guidance:
        'Yes if you sat with them or watched them being helped at a mealtime; say what you saw in "What they told you".',
    },
  ],
});

const safeguardingReferral = safeguardingFollowUp('safeguarding-referral-made', 'safeguarding-referrals');

function section(s: TemplateSection): TemplateSection {
  if (s.id === 'resident-feedback') return { ...s, items: [...s.items, residentsSpokenTo] };
  if (s.id === 'safeguarding') {
    const at = s.items.findIndex((i) => i.id === 'safeguarding-referrals');
    return at === -1
      ? s
      : { ...s, items: [...s.items.slice(0, at + 1), safeguardingReferral, ...s.items.slice(at + 1)] };
  }
  return s;
}

export const qmfCareHomeV2: Template = {
  ...qmfCareHomeV1,
  version: 2,
  description:
    `${qmfCareHomeV1.description} Version 2 suggests each area's RAG rating from the answers (the weakest answer ` +
    'sets it) and the overall RAG from the areas; a different rating needs a written reason. It also records each ' +
    'person spoken to, and asks about a safeguarding referral when safeguarding checks are not met.',
  responseOptions: qmfCareHomeV1.responseOptions.map((o) =>
    SCORES[o.value] === undefined ? o : { ...o, score: SCORES[o.value] },
  ),
  ratingScale: qmfCareHomeV1.ratingScale.map((o) => ({ ...o, score: RAG_SCORES[o.value] })),
  scoring: { method: 'worst' },
  overall: {
    label: 'Overall RAG rating',
    guidance:
      "The provider's status after this visit: our relative confidence to place new business, or conformity with " +
      'expected standards for existing business (seed 004). It is suggested from the weakest area rating.',
  },
  actionDueMonths: { significant: 3, routine: 6 },
  sections: qmfCareHomeV1.sections.map(section),
};
