// A rating on the template's scale — for a section or the overall judgement — with the rating the
// scoring rule suggests shown beside it, updating live as answers change. Choosing a different
// rating asks for a written reason (autosaved like any typed answer); both are kept and shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Suggestion } from '../../shared/records/scoring';
import type { RatingOverride, Template } from '../../shared/schemas';
import { saveOverrideReason, saveRating } from './answer-store';

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
  const { template, ratingKey, suggestion, current } = props;
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
  return (
    <div class="form-group rating">
      <fieldset class="fieldset" aria-describedby={`${base}-suggested`}>
        <legend class="legend large">{props.legend}</legend>
        <p class="suggestion" id={`${base}-suggested`} data-testid={`suggested-${ratingKey}`}>
          Suggested from {props.isOverall ? 'the section ratings' : 'your answers'}:{' '}
          <strong>{suggestionText(template, suggestion)}</strong>
        </p>
        {props.showErrors && current === null && (
          <p class="error-message" id={`${base}-error`}>
            Give a rating
          </p>
        )}
        <div class="radios">
          {template.ratingScale.map((option, i) => {
            const id = i === 0 ? base : `${base}-${option.value}`;
            return (
              <div class="radio" key={option.value}>
                <input
                  id={id}
                  type="radio"
                  name={base}
                  value={option.value}
                  checked={current === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                  onChange={() =>
                    void saveRating(props.recordId, ratingKey, option.value, props.isOverall).catch(props.onError)
                  }
                />
                <label for={id}>
                  {option.label}
                  {option.value === suggestion.rating ? ' (suggested)' : ''}
                </label>
                {option.hint && (
                  <p class="hint radio-hint" id={`${id}-hint`}>
                    {option.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      {differs && (
        <div class={`form-group override${missingReason ? ' has-error' : ''}`}>
          <label class="label" for={`${base}-reason`}>
            Why is your rating {ratingLabel(template, current)} rather than the suggested{' '}
            {ratingLabel(template, suggestion.rating)}?
          </label>
          {stale && (
            <p class="hint" id={`${base}-stale`}>
              The suggestion changed since you wrote this (it was {ratingLabel(template, props.override!.suggested)}).
              Check the reason still holds, then edit it to confirm.
            </p>
          )}
          {missingReason && (
            <p class="error-message" id={`${base}-reason-error`}>
              Give the reason for choosing a different rating
            </p>
          )}
          <textarea
            id={`${base}-reason`}
            class="textarea"
            rows={3}
            value={reason}
            aria-describedby={
              [stale ? `${base}-stale` : '', missingReason ? `${base}-reason-error` : ''].filter(Boolean).join(' ') ||
              undefined
            }
            onInput={(e) => {
              setReason(e.currentTarget.value);
              latest.current = e.currentTarget.value;
              if (pending.current !== null) clearTimeout(pending.current);
              pending.current = setTimeout(flush, REASON_SAVE_DELAY_MS);
            }}
            onBlur={flush}
          />
        </div>
      )}
    </div>
  );
}
