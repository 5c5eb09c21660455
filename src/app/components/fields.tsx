// Labelled form controls: the one way the app renders a control with its label, hint and error,
// in the GOV.UK pattern: the group marked has-error, the hint and the message above the control
// and tied to it with aria-describedby (and aria-invalid), the control carrying the field's id so
// an error summary link (#id) lands on it. Radios, checkboxes and fieldsets are in choices.tsx.
// Typed controls are autocomplete="off" unless told otherwise: besides keeping what people wrote
// out of the browser's autofill, Chromium then keeps their values out of its session-restore
// files on disk (measured in test/e2e/at-rest.test.ts; issue 14). A box with a length limit shows
// the GOV.UK character count (CharacterCount) and never cuts what is typed or pasted: the person
// sees how far over they are and trims it themselves.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../../shared/records/text-limits';
import { optionsOf } from '../../shared/options';

export type Option = { value: string; label: string; hint?: string | undefined };

/**
 * A control's value kept in the page's own state, with the control's id: spread it into the control
 * (`<Select {...show} label="Show" …/>`), read it as `.value`. For a form without a draft object.
 */
export function useField(id: string, initial: string | (() => string)) {
  const [value, onChange] = useState(initial);
  return { id, value, onChange };
}

export { optionsOf };

/** The ids that describe a control, space separated; undefined when there are none. */
export const describedBy = (...ids: Array<string | false | null | undefined>) =>
  ids.filter(Boolean).join(' ') || undefined;

/** Whether there is something to show (a hint or message may be absent, false or empty). */
export const shown = (x: ComponentChildren): boolean => x !== undefined && x !== null && x !== false && x !== '';

/** A form group: its spacing, and the red bar while its field has an error. */
export function Group(props: { error?: unknown; class?: string; testId?: string; children: ComponentChildren }) {
  const classes = ['form-group', props.class, props.error ? 'has-error' : ''].filter(Boolean).join(' ');
  return (
    <div class={classes} data-testid={props.testId}>
      {props.children}
    </div>
  );
}

/** A hint: a paragraph of text, or a block when it holds more than text (paragraphs, a list). */
export function Hint(props: { id: string; children: ComponentChildren }) {
  return typeof props.children === 'string' ? (
    <p class="hint" id={props.id}>
      {props.children}
    </p>
  ) : (
    <div class="hint" id={props.id}>
      {props.children}
    </div>
  );
}

/** The message of a field in error; `alert` announces it as it appears (a form with no error summary). */
export function ErrorMessage(props: { id: string; alert?: boolean | undefined; children: ComponentChildren }) {
  return (
    <p class="error-message" id={props.id} role={props.alert ? 'alert' : undefined}>
      {props.children}
    </p>
  );
}

/** What every labelled control takes besides its value. */
export type FieldProps = {
  /** The control's id: its hint and error are `${id}-hint` and `${id}-error`. */
  id: string;
  label: ComponentChildren;
  /** A smaller label, for a field inside a list or a table row. */
  small?: boolean;
  /** An id for the label, for controls elsewhere that name themselves with it. */
  labelId?: string;
  hint?: ComponentChildren;
  error?: string | false | undefined;
  /** Announce the error as it appears (for a form with no error summary). */
  alert?: boolean;
  /** A class for the group besides form-group. */
  class?: string;
  testId?: string;
  /** After the control, inside its group (a note box, photos). */
  after?: ComponentChildren;
};

export type Aria = { 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };

/** A labelled control with its hint and error above it; `control` gets the ARIA it needs. */
export function Field(props: FieldProps & { control: (aria: Aria) => JSX.Element }) {
  const { id, error } = props;
  const hint = shown(props.hint);
  return (
    <Group error={error} class={props.class} testId={props.testId}>
      <label class={props.small ? 'label small' : 'label'} for={id} id={props.labelId}>
        {props.label}
      </label>
      {hint && <Hint id={`${id}-hint`}>{props.hint}</Hint>}
      {error && (
        <ErrorMessage id={`${id}-error`} alert={props.alert}>
          {error}
        </ErrorMessage>
      )}
      {props.control({
        'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`),
        'aria-invalid': error ? true : undefined,
      })}
      {props.after}
    </Group>
  );
}

type Typed = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
};

/** What a typed control takes from its field: its id and value, the ARIA, and what to do on blur. */
const bind = (props: Typed, aria: Aria) => ({ id: props.id, value: props.value, ...aria, onBlur: props.onBlur });
/** The handler that passes the control's new value on. */
const changed = (props: Typed) => (e: { currentTarget: { value: string } }) => props.onChange(e.currentTarget.value);

export function TextInput(
  props: Typed & {
    type?: 'text' | 'email' | 'password' | 'search';
    /** A narrow box, for a number or a short code. */
    short?: boolean;
    inputMode?: 'decimal' | 'numeric';
    autocomplete?: string;
    spellcheck?: boolean;
  },
) {
  return (
    <Field
      {...props}
      control={(aria) => (
        <input
          class={props.short ? 'input short' : 'input'}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autocomplete={props.autocomplete ?? 'off'}
          spellcheck={props.spellcheck}
          {...bind(props, aria)}
          onInput={changed(props)}
        />
      )}
    />
  );
}

/** A date; `onCommit` hears a date chosen (the change event), `onChange` every keystroke. */
export function DateInput(props: Typed & { onCommit?: (value: string) => void }) {
  const commit = props.onCommit;
  return (
    <Field
      {...props}
      control={(aria) => (
        <input
          class="input short"
          type="date"
          autocomplete="off"
          {...bind(props, aria)}
          onInput={changed(props)}
          onChange={commit && ((e) => commit(e.currentTarget.value))}
        />
      )}
    />
  );
}

/** How long screen readers wait after the last keystroke before the count is read out (GOV.UK's pause). */
const COUNT_SPEAK_DELAY_MS = 1000;
/**
 * The visible count appears once this share of the limit is used: our limits are far above what
 * most people write, and a count under every evidence box would only lengthen the page (GOV.UK's
 * "threshold" option).
 */
const COUNT_THRESHOLD = 0.75;

/** "You have 1,200 characters remaining" or "You have 3 characters too many". */
export function countMessage(length: number, max: number): string {
  const left = max - length;
  const n = Math.abs(left);
  return `You have ${formatCount(n)} character${n === 1 ? '' : 's'} ${left >= 0 ? 'remaining' : 'too many'}`;
}

/**
 * The GOV.UK character count for the box `id`, put after it: the limit as a hint the box is
 * described by (`${id}-info`, always there for screen readers), the count shown from the
 * threshold on (red when over), and the same count in a polite live region once typing pauses.
 */
export function CharacterCount(props: { id: string; length: number; max: number }) {
  const { length, max } = props;
  const message = countMessage(length, max);
  const [spoken, setSpoken] = useState('');
  const visible = length >= max * COUNT_THRESHOLD;
  useEffect(() => {
    if (!visible) return setSpoken('');
    const timer = setTimeout(() => setSpoken(message), COUNT_SPEAK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [message, visible]);
  return (
    <>
      <p class="visually-hidden" id={`${props.id}-info`}>
        You can enter up to {formatCount(max)} characters
      </p>
      {visible && (
        <p class={length > max ? 'character-count over' : 'character-count'} aria-hidden="true" data-testid="count">
          {message}
        </p>
      )}
      <p class="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </>
  );
}

/** A box of text; with `maxLength`, the character count under it (nothing typed is ever cut). */
export function TextArea(props: Typed & { rows?: number; maxLength?: number }) {
  const max = props.maxLength;
  const over = max !== undefined && props.value.length > max;
  return (
    <Field
      {...props}
      control={(aria) => (
        <>
          <textarea
            class={over ? 'textarea over' : 'textarea'}
            rows={props.rows ?? 4}
            autocomplete="off"
            {...bind(props, aria)}
            aria-describedby={
              max === undefined ? aria['aria-describedby'] : describedBy(aria['aria-describedby'], `${props.id}-info`)
            }
            onInput={changed(props)}
          />
          {max !== undefined && <CharacterCount id={props.id} length={props.value.length} max={max} />}
        </>
      )}
    />
  );
}

/** A drop-down; `placeholder` is the empty first choice, when the field may be left unchosen. */
export function Select(props: Typed & { options: Option[]; placeholder?: string }) {
  return (
    <Field
      {...props}
      control={(aria) => (
        <select class="select" autocomplete="off" {...bind(props, aria)} onChange={changed(props)}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
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
