// The templates shipped with the app, each a fixed, versioned piece of data.
// A record names the template id and version it was started on; look both up here.
import type { Template } from '../schemas';
import { qmfCareHomeV1 } from './qmf-care-home';

export { qmfCareHomeV1 };

export const builtInTemplates: Template[] = [qmfCareHomeV1];

/** The built-in template with this id and version, or undefined when there is none. */
export function findBuiltInTemplate(id: string, version: number): Template | undefined {
  return builtInTemplates.find((t) => t.id === id && t.version === version);
}
