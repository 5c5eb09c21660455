// Choosing the template a new record starts on: radios of the newest version of each template
// for the record's subject, each with its description as the hint.
import type { Template } from '../../shared/schemas';

export function TemplateChoice(props: {
  legend: string;
  templates: Template[];
  value: string;
  error?: string;
  onChange: (id: string) => void;
}) {
  const { templates, error } = props;
  return (
    <div class={`form-group${error ? ' has-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={error ? 'template-error' : undefined}>
        <legend class="legend">{props.legend}</legend>
        {error && (
          <p class="error-message" id="template-error">
            {error}
          </p>
        )}
        <div class="radios">
          {templates.map((t, index) => {
            const id = index === 0 ? 'template' : `template-${t.id}`;
            return (
              <div class="radio" key={t.id}>
                <input
                  id={id}
                  type="radio"
                  name="template"
                  value={t.id}
                  checked={props.value === t.id}
                  aria-describedby={`${id}-hint`}
                  onChange={() => props.onChange(t.id)}
                />
                <label for={id}>{t.title}</label>
                <p class="hint radio-hint" id={`${id}-hint`}>
                  {t.framework} · version {t.version}
                </p>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
