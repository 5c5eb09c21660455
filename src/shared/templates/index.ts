// The templates shipped with the app, each a fixed, versioned piece of data.
// A record names the template id and version it was started on; look both up here.
import type { Template } from './schema';
import { caseFileAuditV1 } from './case-file-audit';
import { caseFileAuditV2 } from './case-file-audit-v2';
import { cqcSafProviderV1 } from './cqc-saf';
import { cqcSafProviderV2 } from './cqc-saf-v2';
import { homeCareV1 } from './home-care';
import { observationCaseConferenceV1, observationCaseConferenceV2 } from './observation-case-conference';
import { observationHomeVisitV1, observationHomeVisitV2 } from './observation-home-visit';
import { qmfCareHomeV1 } from './qmf-care-home';
import { qmfCareHomeV2 } from './qmf-care-home-v2';
import { qmfCareHomeV3 } from './qmf-care-home-v3';
import { supportedLivingV1 } from './supported-living';

export {
  caseFileAuditV1,
  caseFileAuditV2,
  cqcSafProviderV1,
  cqcSafProviderV2,
  homeCareV1,
  observationCaseConferenceV1,
  observationCaseConferenceV2,
  observationHomeVisitV1,
  observationHomeVisitV2,
  qmfCareHomeV1,
  qmfCareHomeV2,
  qmfCareHomeV3,
  supportedLivingV1,
};

export const builtInTemplates: Template[] = [
  qmfCareHomeV1,
  qmfCareHomeV2,
  qmfCareHomeV3,
  observationHomeVisitV1,
  observationHomeVisitV2,
  observationCaseConferenceV1,
  observationCaseConferenceV2,
  caseFileAuditV1,
  caseFileAuditV2,
  cqcSafProviderV1,
  cqcSafProviderV2,
  homeCareV1,
  supportedLivingV1,
];

/** The built-in template with this id and version, or undefined when there is none. */
export function findBuiltInTemplate(id: string, version: number): Template | undefined {
  return builtInTemplates.find((t) => t.id === id && t.version === version);
}
