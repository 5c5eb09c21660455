// The items the QMF templates ask the same way (the care home QMF from version 1, and the home care
// and supported living templates built on its version 2): the met / partly met / not met check, the
// people spoken to as a repeating group (initials or a role, never a name), and the safeguarding
// follow-up. Every published template that uses them is built from them: a change here changes
// each of those templates, so it is a new version of each (devices and the server hold the old).
import { optionsOf } from '../options';
import type { ChoiceOption, TemplateItem } from './schema';

/** A met / partly met / not met check; the evidence note is required unless it is met or not applicable. */
export function check(id: string, label: string, guidance: string): TemplateItem {
  return {
    id,
    type: 'choice',
    label,
    guidance,
    required: true,
    note: 'required',
    noteOptionalFor: ['met', 'not-applicable'],
  };
}

/** Who else a visit may speak to, after the people and families a template names. */
const SPOKEN_ALSO: ChoiceOption[] = [
  { value: 'professional', label: 'Visiting professional' },
  { value: 'other', label: 'Someone else' },
];

/**
 * One row per person spoken to: who (initials or a role), who they are, what they said, any
 * concern and what was done about it. `whom` names who the template hears from ("resident,
 * relative or visitor"). A template asks more of each person before what they said
 * (`beforeSaid`) or after it (`afterSaid`).
 */
export function peopleSpokenTo(options: {
  id: string;
  whom: string;
  whoExample: string;
  /** Value → label: the people and families the template names; professionals and others are added. */
  relationships: Readonly<Record<string, string>>;
  beforeSaid?: TemplateItem[];
  afterSaid?: TemplateItem[];
}): TemplateItem {
  return {
    id: options.id,
    type: 'group',
    label: 'People spoken to',
    guidance: `One entry for each ${options.whom} you spoke to. Record initials or a role only, never a full name.`,
    required: false,
    note: 'none',
    rowLabel: 'Person spoken to',
    maxRows: 30,
    items: [
      {
        id: 'spoken-who',
        type: 'text',
        label: 'Initials or role',
        guidance: `${options.whoExample} Never a full name.`,
        required: true,
        note: 'none',
      },
      {
        id: 'spoken-relationship',
        type: 'choice',
        label: 'Who they are',
        required: true,
        note: 'none',
        options: [...optionsOf(options.relationships), ...SPOKEN_ALSO],
      },
      ...(options.beforeSaid ?? []),
      { id: 'spoken-said', type: 'long-text', label: 'What they told you', required: true, note: 'none' },
      ...(options.afterSaid ?? []),
      { id: 'spoken-concern', type: 'yes-no', label: 'Did they raise a concern?', required: true, note: 'none' },
      {
        id: 'spoken-concern-action',
        type: 'long-text',
        label: 'What you did about the concern',
        required: true,
        note: 'none',
        showIf: { item: 'spoken-concern', in: ['yes'] },
      },
    ],
  };
}

/** Asked when the safeguarding referrals check `after` is not met (the care home QMF from version 2). */
export function safeguardingFollowUp(id: string, after: string): TemplateItem {
  return {
    id,
    type: 'yes-no',
    label: 'Did you make or discuss a safeguarding referral because of what you found?',
    guidance:
      'Shown because the safeguarding referrals check was not met. Any concern about abuse or neglect goes to the ' +
      'safeguarding team the same day.',
    required: true,
    note: 'optional',
    showIf: { item: after, in: ['not-met'] },
  };
}
