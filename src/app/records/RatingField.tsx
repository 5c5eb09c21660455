// A rating on the template's scale — for a section or the overall judgement — with the rating the
// scoring rule suggests shown beside it, updating live as answers change. Choosing a different
// rating asks for a written reason (autosaved like any typed answer); both are kept and shown.
// What each rating means folds under a details element above the choices (issue 17: a phone's
// area page was mostly hints), so the three short choices sit together.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Suggestion } from '../../shared/records/scoring';
import type { RatingOverride } from '../../shared/records/schema';
import type { Template } from '../../shared/templates/schema';
import { DETAIL_TEXT_MAX } from '../../shared/records/text-limits';
import { Radios } from '../components/choices';
import { TextArea } from '../components/fields';
import { saveOverrideReason, saveRating } from './answer-store';
import { ScaleDetails } from './ScaleHints';

const REASON_SAVE_DELAY_MS = 400;

export function ratingLabel(template: Template, value: string | null | undefined): string {
  return template.ratingScale.find((r) => r.value === value)?.label ?? 'Not rated';
}

export function suggestionText(template: Template, suggestion: Suggestion): string {
  if (suggestion.rating === null) return 'No suggestion yet: answer the scored questions first.';
  const label = ratingLabel(template, suggestion.rating);
  return suggestion.percentage === null ? label : `${label} (${suggestion.percentage}%)`;
}

export function RatingField(props: {
  recordId: string;
  template: Template;
  /** The section id, or OVERALL. */
  ratingKey: string;
  isOverall: boolean;
  legend: string;
  current: string | null;
  suggestion: Suggestion;
  override: RatingOverride | undefined;
  showErrors: boolean;
  onError: (e: unknown) => void;
}) {
  const { template, ratingKey, suggestion } = props;
  // The choice made on this page is shown at once, as AnswerField does: the stored rating arrives
  // only after the record is sealed and written, and a re-render before then (another answer's
  // save) must not show the radio unticked again. The stored value takes over once it matches.
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    if (chosen !== null && props.current === chosen) setChosen(null);
  }, [props.current, chosen]);
  const current = chosen ?? props.current;
  const [reason, setReason] = useState(props.override?.reason ?? '');
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(reason);
  latest.current = reason;
  const differs = current !== null && suggestion.rating !== null && current !== suggestion.rating;
  const suggestedNow = suggestion.rating;

  const flush = () => {
    if (pending.current === null) return;
    clearTimeout(pending.current);
    pending.current = null;
    if (suggestedNow !== null)
      void saveOverrideReason(props.recordId, ratingKey, suggestedNow, latest.current).catch(props.onError);
  };
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [suggestedNow]);

  const base = `rating-${ratingKey}`;
  const stale = differs && props.override !== undefined && props.override.suggested !== suggestion.rating;
  const missingReason = props.showErrors && differs && reason.trim() === '';
  const suggestedId = `${base}-suggested`;
  const options = template.ratingScale.map((option) => ({
    value: option.value,
    label: `${option.label}${option.value === suggestion.rating ? ' (suggested)' : ''}`,
  }));
  return (
    <Radios
      id={base}
      class="rating"
      legend={props.legend}
      large
      intro={{
        id: suggestedId,
        element: (
          <>
            <p class="suggestion" id={suggestedId} data-testid={`suggested-${ratingKey}`}>
              Suggested from {props.isOverall ? 'the section ratings' : 'your answers'}:{' '}
              <strong>{suggestionText(template, suggestion)}</strong>
            </p>
            <ScaleDetails scale={template.ratingScale} />
          </>
        ),
      }}
      options={options}
      // As AnswerField's rule: a few short choices, their meanings in the details above, sit side by side.
      inline={options.length <= 4 && options.every((o) => o.label.length <= 20)}
      value={current}
      error={props.showErrors && current === null && 'Give a rating'}
      onChange={(value) => {
        setChosen(value);
        saveRating(props.recordId, ratingKey, value, props.isOverall).catch((e: unknown) => {
          setChosen(null);
          props.onError(e);
        });
      }}
      after={
        differs && (
          <TextArea
            id={`${base}-reason`}
            class="override"
            label={`Why is your rating ${ratingLabel(template, current)} rather than the suggested ${ratingLabel(template, suggestion.rating)}?`}
            hint={
              stale &&
              `The suggestion changed since you wrote this (it was ${ratingLabel(template, props.override!.suggested)}). Check the reason still holds, then edit it to confirm.`
            }
            rows={3}
            maxLength={DETAIL_TEXT_MAX}
            value={reason}
            error={missingReason && 'Give the reason for choosing a different rating'}
            onChange={(value) => {
              setReason(value);
              latest.current = value;
              if (pending.current !== null) clearTimeout(pending.current);
              pending.current = setTimeout(flush, REASON_SAVE_DELAY_MS);
            }}
            onBlur={flush}
          />
        )
      }
    />
  );
}
