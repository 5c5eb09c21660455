// Choosing the template a new record starts on: radios of the newest version of each template
// for the record's subject, each with its framework and version as the hint.
import type { Template } from '../../shared/templates/schema';
import { Radios } from '../components/choices';

export function TemplateChoice(props: {
  legend: string;
  templates: Template[];
  value: string;
  error?: string | undefined;
  onChange: (id: string) => void;
}) {
  return (
    <Radios
      id="template"
      legend={props.legend}
      options={props.templates.map((t) => ({
        value: t.id,
        label: t.title,
        hint: `${t.framework} · version ${t.version}`,
      }))}
      value={props.value}
      error={props.error}
      onChange={props.onChange}
    />
  );
}
