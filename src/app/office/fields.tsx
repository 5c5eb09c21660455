// Labelled form controls for the office forms, in the GOV.UK error pattern used across the app:
// the message above the control, tied to it with aria-describedby, the group marked has-error.
// The first radio of a group carries the group's id, so an error summary link lands on it.
import type { ComponentChildren } from 'preact';

export type Option = { value: string; label: string };

/** Options from a value → label table, in its order. */
export const optionsOf = (labels: Readonly<Record<string, string>>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

function Group(props: { error?: string | undefined; children: ComponentChildren }) {
  return <div class={`form-group${props.error ? ' has-error' : ''}`}>{props.children}</div>;
}

export function Radios(props: {
  id: string;
  legend: string;
  options: Option[];
  value: string;
  error?: string | undefined;
  hint?: string;
  inline?: boolean;
  onChange: (value: string) => void;
}) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <fieldset class="fieldset" aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}>
        <legend class="legend">{props.legend}</legend>
        {props.hint && (
          <p class="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
        {error && (
          <p class="error-message" id={`${id}-error`}>
            {error}
          </p>
        )}
        <div class={props.inline ? 'radios inline' : 'radios'}>
          {props.options.map((o, index) => {
            const optionId = index === 0 ? id : `${id}-${o.value}`;
            return (
              <div class="radio" key={o.value}>
                <input
                  id={optionId}
                  type="radio"
                  name={id}
                  value={o.value}
                  checked={props.value === o.value}
                  onChange={() => props.onChange(o.value)}
                />
                <label for={optionId}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </Group>
  );
}

/** A labelled control with its hint and error above it, as GOV.UK lays them out; `control` gets the ARIA it needs. */
function Labelled(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  control: (aria: { 'aria-describedby': string | undefined; 'aria-invalid': true | undefined }) => preact.JSX.Element;
}) {
  const { id, error } = props;
  return (
    <Group error={error}>
      <label class="label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      {props.control({
        'aria-describedby': describedBy(props.hint && `${id}-hint`, error && `${id}-error`),
        'aria-invalid': error ? true : undefined,
      })}
    </Group>
  );
}

export function Select(props: {
  id: string;
  label: string;
  options: Option[];
  value: string;
  error?: string | undefined;
  placeholder: string;
  hint?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Labelled
      {...props}
      control={(aria) => (
        <select
          id={props.id}
          class="select"
          value={props.value}
          {...aria}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          <option value="">{props.placeholder}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function DateInput(props: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Labelled
      {...props}
      control={(aria) => (
        <input
          id={props.id}
          class="input short"
          type="date"
          value={props.value}
          {...aria}
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
    />
  );
}

export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  onChange: (value: string) => void;
}) {
  return (
    <Labelled
      {...props}
      control={(aria) => (
        <textarea
          id={props.id}
          class="textarea"
          rows={props.rows ?? 4}
          value={props.value}
          {...aria}
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
      )}
    />
  );
}
