// Fieldsets and the choices in them, in the GOV.UK error pattern of fields.tsx: the legend, the
// hint and the error message under it, both describing the fieldset; radios or checkboxes, each
// with its own hint when it has one. The first choice carries the field's id, so an error summary
// link lands on it. Also the single checkbox a form asks to be ticked.
import type { ComponentChildren, JSX } from 'preact';
import { describedBy, ErrorMessage, Group, Hint, shown, type FieldProps, type Option } from './fields';

/** As a labelled control's (fields.tsx), with a legend in place of the label. */
export type FieldsetProps = Omit<FieldProps, 'label' | 'small' | 'labelId' | 'alert'> & {
  legend: ComponentChildren;
  legendId?: string;
  /** The legend as a page's main question. */
  large?: boolean;
  /** An element of the page's own in place of a hint (a suggestion, say); its id describes the fieldset. */
  intro?: { id: string; element: JSX.Element };
};

/**
 * A group of fields under one legend. `focusable` puts the id on the fieldset itself, so an error
 * summary link can land on it when it holds no choice of its own (a repeating group).
 */
export function Fieldset(props: FieldsetProps & { focusable?: boolean; children: ComponentChildren }) {
  const { id, error } = props;
  const hint = shown(props.hint);
  return (
    <Group error={error} class={props.class} testId={props.testId}>
      <fieldset
        class="fieldset"
        id={props.focusable ? id : undefined}
        tabIndex={props.focusable ? -1 : undefined}
        aria-describedby={describedBy(props.intro?.id, hint && `${id}-hint`, error && `${id}-error`)}
      >
        <legend class={props.large ? 'legend large' : 'legend'} id={props.legendId}>
          {props.legend}
        </legend>
        {props.intro?.element}
        {hint && <Hint id={`${id}-hint`}>{props.hint}</Hint>}
        {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        {props.children}
      </fieldset>
      {props.after}
    </Group>
  );
}

type ChoiceProps = FieldsetProps & { options: Option[] };

function Choices(
  props: ChoiceProps & {
    type: 'radio' | 'checkbox';
    list: string;
    isOn: (v: string) => boolean;
    onPick: (v: string) => void;
  },
) {
  const { id, type } = props;
  return (
    <Fieldset {...props}>
      <div class={props.list}>
        {props.options.map((o, index) => {
          const optionId = index === 0 ? id : `${id}-${o.value}`;
          return (
            <div class={type} key={o.value}>
              <input
                id={optionId}
                type={type}
                name={id}
                value={o.value}
                checked={props.isOn(o.value)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                onChange={() => props.onPick(o.value)}
              />
              <label for={optionId}>{o.label}</label>
              {o.hint && (
                <p class="hint radio-hint" id={`${optionId}-hint`}>
                  {o.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** One choice of several; `inline` sets a few short ones side by side. */
export function Radios(
  props: ChoiceProps & { value: string | null; inline?: boolean; onChange: (value: string) => void },
) {
  return (
    <Choices
      {...props}
      type="radio"
      list={props.inline ? 'radios inline' : 'radios'}
      isOn={(v) => props.value === v}
      onPick={props.onChange}
    />
  );
}

/** Any number of choices; `onChange` gets the chosen values, in the order they were chosen. */
export function Checkboxes(props: ChoiceProps & { value: readonly string[]; onChange: (value: string[]) => void }) {
  const { value } = props;
  return (
    <Choices
      {...props}
      type="checkbox"
      list="checkboxes"
      isOn={(v) => value.includes(v)}
      onPick={(v) => props.onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v])}
    />
  );
}

/** One box to tick on its own (a filter, a confirmation). */
export function Checkbox(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="checkbox form-group">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}
