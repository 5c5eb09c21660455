// Demo data and test records (src/server/seed/record-maker.ts) can be made on the re-rated
// versions: every rated section steered to every rating on the scale gets that rating from the
// template's own rule, and the record passes the shared submission rules unchanged.
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../src/server/seed/record-maker';
import { submissionIssues } from '../../../src/shared/records/record-rules';
import type { RecordBody } from '../../../src/shared/records/schema';
import type { Template } from '../../../src/shared/templates/schema';
import {
  caseFileAuditV2,
  cqcSafProviderV2,
  observationHomeVisitV2,
  qmfCareHomeV3,
} from '../../../src/shared/templates/index';

const DETAILS: Record<Template['subject'], RecordBody['details']> = {
  provider: { providerId: 'willow-bank', date: '2026-03-04', announced: true, spokeWith: 'Registered manager' },
  practitioner: { practitionerName: 'A. Morgan', practitionerRole: 'Social worker', team: 'North', date: '2026-03-04' },
  'case-file': { caseReference: 'CIN-1', practitionerName: 'A. Morgan', team: 'North', date: '2026-03-04' },
};

describe.each([qmfCareHomeV3, caseFileAuditV2, observationHomeVisitV2, cqcSafProviderV2])('$id v$version', (t) => {
  const rated = t.sections.filter((s) => s.rated);
  it.each(t.ratingScale.map((r) => r.value))('steers every rated section to %s', (rating) => {
    for (const section of rated) {
      const body = makeRecord(t, DETAILS[t.subject], { targets: { [section.id]: rating } });
      expect(body.sectionRatings[section.id], section.id).toBe(rating);
      expect(submissionIssues(t, body), section.id).toEqual([]);
    }
  });

  it('makes a record of best answers that the rules accept', () => {
    const body = makeRecord(t, DETAILS[t.subject]);
    expect(submissionIssues(t, body)).toEqual([]);
    expect(body.overallRating).toBe(t.ratingScale[0]!.value);
  });
});
