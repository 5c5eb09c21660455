// The templates shipped with the app, each a fixed, versioned piece of data.
// A record names the template id and version it was started on; look both up here.
import type { Template } from './schema';
import { caseFileAuditV1 } from './case-file-audit';
import { cqcSafProviderV1 } from './cqc-saf';
import { observationCaseConferenceV1 } from './observation-case-conference';
import { observationHomeVisitV1 } from './observation-home-visit';
import { qmfCareHomeV1 } from './qmf-care-home';
import { qmfCareHomeV2 } from './qmf-care-home-v2';

export {
  caseFileAuditV1,
  cqcSafProviderV1,
  observationCaseConferenceV1,
  observationHomeVisitV1,
  qmfCareHomeV1,
  qmfCareHomeV2,
};

export const builtInTemplates: Template[] = [
  qmfCareHomeV1,
  qmfCareHomeV2,
  observationHomeVisitV1,
  observationCaseConferenceV1,
  caseFileAuditV1,
  cqcSafProviderV1,
];

/** The built-in template with this id and version, or undefined when there is none. */
export function findBuiltInTemplate(id: string, version: number): Template | undefined {
  return builtInTemplates.find((t) => t.id === id && t.version === version);
}
