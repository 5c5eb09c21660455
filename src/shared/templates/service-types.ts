// Which provider templates are offered for which kind of service on the register: the care home
// QMF for care and nursing homes, the home care template for home care, the supported living
// template for supported living, and the rest (CQC) for any service. One pure rule, used where a
// visit is started on a device and where the office assigns one.
import type { ServiceType } from '../briefings/register';
import type { Template } from './schema';

/** What the rule needs of a template: its identity and the service types it says it suits. */
export type TemplateForService = Pick<Template, 'id' | 'version'> & {
  serviceTypes?: readonly ServiceType[] | undefined;
};

/**
 * Template versions stored before a template could name its service types. A stored version is
 * never changed (a server keeps the copy it first stored, and devices receive that copy), so the
 * care home QMF's published versions are restricted here rather than by editing them.
 */
const STORED_BEFORE_SERVICE_TYPES: Readonly<Record<string, readonly ServiceType[]>> = {
  'qmf-care-home@1': ['care-home', 'nursing-home'],
  'qmf-care-home@2': ['care-home', 'nursing-home'],
};

/** The service types a template is for, or null when it suits any service. */
export function templateServiceTypes(template: TemplateForService): readonly ServiceType[] | null {
  return template.serviceTypes ?? STORED_BEFORE_SERVICE_TYPES[`${template.id}@${template.version}`] ?? null;
}

/** Whether a visit to a provider of this service type may be started (or assigned) on the template. */
export function suitsServiceType(template: TemplateForService | undefined, serviceType: string): boolean {
  if (template === undefined) return true;
  const types = templateServiceTypes(template);
  return types === null || (types as readonly string[]).includes(serviceType);
}

/**
 * The template to offer first for a provider of this service type: the first in `templates` made
 * for that service type by name, else the first that suits it; undefined when the service type is
 * not known or nothing suits.
 */
export function preferredTemplate<T extends TemplateForService>(
  templates: readonly T[],
  serviceType: string | undefined,
): T | undefined {
  if (serviceType === undefined) return undefined;
  return (
    templates.find((t) => (templateServiceTypes(t) as readonly string[] | null)?.includes(serviceType)) ??
    templates.find((t) => suitsServiceType(t, serviceType))
  );
}
