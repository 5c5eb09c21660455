// Labelled form controls for the office forms, in the GOV.UK error pattern used across the app:
// the message above the control, tied to it with aria-describedby, the group marked has-error.
// The first radio of a group carries the group's id, so an error summary link lands on it.
import type { ComponentChildren } from 'preact';

export type Option = { value: string; label: string };

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

function Group(props: { error?: string | undefined; children: ComponentChildren }) {
  return <div class={`form-group${props.error ? ' has-error' : ''}`}>{props.children}</div>;
}

export function Radios(props: {
  id: string; legend: string; options: Option[]; value: string; error?: string | undefined; hint?: string; inline?: boolean;
  onChange: (value: string) => void;
}) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <fieldset class="fieldset" aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}>
        <legend class="legend">{props.legend}</legend>
        {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
        {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
        <div class={props.inline ? 'radios inline' : 'radios'}>
          {props.options.map((o, index) => {
            const optionId = index === 0 ? id : `${id}-${o.value}`;
            return (
              <div class="radio" key={o.value}>
                <input id={optionId} type="radio" name={id} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
                <label for={optionId}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </Group>
  );
}

export function Select(props: {
  id: string; label: string; options: Option[]; value: string; error?: string | undefined; placeholder: string; hint?: string;
  onChange: (value: string) => void;
}) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <label class="label" for={id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
      <select id={id} class="select" value={props.value} aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Group>
  );
}

export function DateInput(props: { id: string; label: string; value: string; error?: string | undefined; hint?: string; onChange: (value: string) => void }) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <label class="label" for={id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
      <input id={id} class="input short" type="date" value={props.value} aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined} onInput={(e) => props.onChange(e.currentTarget.value)} />
    </Group>
  );
}

export function TextArea(props: { id: string; label: string; value: string; error?: string | undefined; hint?: string; rows?: number; onChange: (value: string) => void }) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <label class="label" for={id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
      <textarea id={id} class="textarea" rows={props.rows ?? 4} value={props.value} aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined} onInput={(e) => props.onChange(e.currentTarget.value)} />
    </Group>
  );
}
