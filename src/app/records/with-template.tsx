// The pages of one record that need its template get it through `withTemplate`: read from the
// device first ("Loading…" meanwhile), and when the device does not hold that template version,
// a page saying how to fetch it instead of the page itself.
import type { ComponentType } from 'preact';
import type { Template } from '../../shared/templates/schema';
import { Page } from '../components/Page';
import type { LocalRecord } from '../storage/database';
import { useTemplate } from './queries';

/** The page `Body` with the record's template given to it: used as a page that takes the rest of its props. */
export function withTemplate<P extends { visit: LocalRecord; template: Template }>(Body: ComponentType<P>) {
  return function WithTemplate(props: Omit<P, 'template'>) {
    const template = useTemplate(props.visit.templateId, props.visit.templateVersion);
    if (template === undefined) return <p>Loading…</p>;
    if (template === null) return <MissingTemplate />;
    const withIt = { ...props, template } as P;
    return <Body {...withIt} />;
  };
}

export function MissingTemplate() {
  return (
    <Page title="Template not on this device">
      <p>This record uses a template version that is not on this device. Connect and choose “Sync now” to fetch it.</p>
      <a href="/">Back to my visits</a>
    </Page>
  );
}
