// The one mapping between a device record and its wire body (records/record-body.ts): a body
// survives the trip to the device and back, the optional fields are filled in one way, and what a
// record is listed as comes from its body.
import { describe, expect, it } from 'vitest';
import type { LocalRecord } from '../../src/app/storage/database';
import { fromRecordBody, listedName, toRecordBody, type BodyFields } from '../../src/app/records/record-body';
import type { ObservationBody, RecordBody } from '../../src/shared/records/schema';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { makeBody } from '../unit/sync/fakes';

const device = {
  ownerId: 'officer-1',
  status: 'sent',
  subjectName: 'Oakwood House',
  review: null,
  updatedAt: 0,
  receivedAt: '2026-03-04T10:00:00.000Z',
  problem: null,
} satisfies Omit<LocalRecord, keyof BodyFields>;

const full: RecordBody = makeBody(7, {
  revision: 2,
  baseRevision: 1,
  overallRating: 'amber',
  ratingOverrides: { staffing: { suggested: 'green', reason: 'Rotas were short all month' } },
  actions: [
    {
      id: '00000000-0000-4000-8000-00000000aaaa',
      itemId: 'staffing-levels',
      title: 'Fill the night rota',
      detail: 'Two nights a week are one carer short.',
      significance: 'significant',
      owner: 'provider',
      dueDate: '2025-04-30',
    },
  ],
  actionChecks: [{ actionId: 'earlier-1', status: 'done', evidence: 'Seen the new rota' }],
  signatures: [
    {
      sha256: 'ab'.repeat(32),
      type: 'image/png',
      bytes: 1200,
      role: 'provider-manager',
      name: 'Pat Jones',
      signedAt: '2025-03-14T11:00:00Z',
    },
  ],
  assignmentId: 'assignment-1',
  briefingSnapshot: null,
  completedAt: '2025-03-13T16:00:00Z',
});

const observation: ObservationBody = {
  ...makeBody(8),
  kind: 'observation',
  templateId: 'practice-observation',
  details: { practitionerName: 'Alex Doe', practitionerRole: 'Social worker', team: 'North', date: '2025-03-14' },
};

describe('record body mapping', () => {
  it('a body taken onto the device and submitted again is the same body', () => {
    const record: LocalRecord = { ...fromRecordBody(full), ...device };
    expect(toRecordBody(record, full.submittedAt, null)).toEqual(full);
  });

  it('fills the fields a body may leave out', () => {
    expect(fromRecordBody(makeBody(1))).toMatchObject({
      overallRating: null,
      ratingOverrides: {},
      actions: [],
      actionChecks: [],
      signatures: [],
      assignmentId: null,
      briefingSnapshot: null,
    });
  });

  it('leaves out of the body empty checks and signatures, and checks on anything but a visit', () => {
    const record: LocalRecord = { ...fromRecordBody(makeBody(1)), ...device };
    const body = toRecordBody(record, '2025-03-14T12:00:00Z', null);
    expect(body).not.toHaveProperty('actionChecks');
    expect(body).not.toHaveProperty('signatures');
    expect(body.submittedAt).toBe('2025-03-14T12:00:00Z');
    const checked: LocalRecord = { ...fromRecordBody(observation), ...device, actionChecks: full.actionChecks! };
    expect(toRecordBody(checked, observation.submittedAt, null)).not.toHaveProperty('actionChecks');
  });

  it('keeps an override only while the rating still differs from the suggestion', () => {
    // No answers in the section, so there is no suggestion to differ from.
    const record: LocalRecord = { ...fromRecordBody(full), ...device, answers: {} };
    expect(toRecordBody(record, full.submittedAt, qmfCareHomeV1).ratingOverrides).toEqual({});
    expect(toRecordBody(record, full.submittedAt, null).ratingOverrides).toEqual(full.ratingOverrides);
  });

  it('lists a record by the practitioner, the case, or the provider', () => {
    expect(listedName(observation)).toBe('Alex Doe');
    const audit: RecordBody = {
      ...observation,
      kind: 'audit',
      details: { caseReference: 'C-1042', practitionerName: 'Alex Doe', team: 'North', date: '2025-03-14' },
    };
    expect(listedName(audit)).toBe('Case C-1042');
    expect(listedName(makeBody(1), 'Oakwood House')).toBe('Oakwood House');
    expect(listedName(makeBody(1))).toBe(makeBody(1).details.providerId);
  });
});
