// The one mapping between a device record (LocalRecord) and its wire body (RecordBody): the body a
// submit puts in the outbox (and "check your answers" validates), and the body's fields of a record
// rebuilt from the council's copy (a returned record pulled back, the council's copy taken after a
// conflict, a record under review). What a body does not carry is the device's own: who holds the
// record, where it is in sync, when it was last touched here and how it is listed.
import { suggestOverallRating, suggestSectionRating } from '../../shared/records/scoring';
import { OVERALL, type RecordBody } from '../../shared/records/schema';
import { type Template } from '../../shared/templates/schema';
import type { LocalRecord, RecordContent } from '../storage/database';

/** The fields of a LocalRecord that a body carries: its content (what is sealed at rest) and what identifies and dates it. */
export type BodyFields = Pick<
  LocalRecord,
  | keyof RecordContent
  | 'id'
  | 'revision'
  | 'baseRevision'
  | 'kind'
  | 'details'
  | 'templateId'
  | 'templateVersion'
  | 'assignmentId'
  | 'startedAt'
  | 'submittedAt'
  | 'completedAt'
>;

/** The body a record is submitted as, stamped `submittedAt`; overrides made needless by later answers are left out. */
export function toRecordBody(record: LocalRecord, submittedAt: string, template: Template | null): RecordBody {
  // `kind` and `details` are written together by startRecord and saveDetails, so they always agree.
  const kindAndDetails = { kind: record.kind, details: record.details } as Pick<RecordBody, 'kind' | 'details'>;
  return {
    id: record.id,
    revision: record.revision,
    baseRevision: record.baseRevision,
    ...kindAndDetails,
    templateId: record.templateId,
    templateVersion: record.templateVersion,
    answers: record.answers,
    sectionRatings: record.sectionRatings,
    overallRating: record.overallRating,
    ratingOverrides: liveOverrides(record, template),
    actions: record.actions,
    ...(record.kind === 'visit' && record.actionChecks.length > 0 ? { actionChecks: record.actionChecks } : {}),
    ...((record.signatures ?? []).length > 0 ? { signatures: record.signatures } : {}),
    assignmentId: record.assignmentId ?? null,
    briefingSnapshot: record.briefingSnapshot ?? null,
    startedAt: record.startedAt,
    submittedAt,
    // The first submit marks it complete; an amendment keeps that moment (the write-up deadline's).
    completedAt: record.completedAt ?? submittedAt,
  } as RecordBody;
}

/** A body's fields as the device holds them (the optional ones filled in); the caller adds the device's own. */
export function fromRecordBody(body: RecordBody): BodyFields {
  return {
    id: body.id,
    revision: body.revision,
    baseRevision: body.baseRevision,
    kind: body.kind,
    details: body.details,
    templateId: body.templateId,
    templateVersion: body.templateVersion,
    assignmentId: body.assignmentId ?? null,
    briefingSnapshot: body.briefingSnapshot ?? null,
    answers: body.answers,
    sectionRatings: body.sectionRatings,
    overallRating: body.overallRating ?? null,
    ratingOverrides: body.ratingOverrides ?? {},
    actions: body.actions ?? [],
    actionChecks: body.actionChecks ?? [],
    signatures: body.signatures ?? [],
    startedAt: body.startedAt,
    submittedAt: body.submittedAt,
    completedAt: body.completedAt ?? null,
  };
}

/**
 * What a record from a body is listed as: the practitioner, the case, or the provider (by the name
 * the device knows, else as it was in the briefing, else its id).
 */
export function listedName(body: RecordBody, providerName?: string): string {
  if (body.kind === 'observation') return body.details.practitionerName;
  if (body.kind === 'audit') return `Case ${body.details.caseReference}`;
  return providerName ?? body.briefingSnapshot?.provider.name ?? body.details.providerId;
}

/** Overrides that still differ from what the rules suggest; one made needless by later answers is dropped. */
function liveOverrides(record: LocalRecord, template: Template | null): RecordBody['ratingOverrides'] {
  if (template === null) return record.ratingOverrides;
  const kept: NonNullable<RecordBody['ratingOverrides']> = {};
  for (const [key, override] of Object.entries(record.ratingOverrides)) {
    const section = template.sections.find((s) => s.id === key);
    const suggestion =
      key === OVERALL
        ? suggestOverallRating(template, record.sectionRatings, record.answers)
        : section
          ? suggestSectionRating(template, section, record.answers)
          : null;
    const given = key === OVERALL ? record.overallRating : record.sectionRatings[key];
    if (suggestion?.rating != null && given != null && given !== suggestion.rating) kept[key] = override;
  }
  return kept;
}
