// Shared fixtures for component tests: a clean device database unlocked as the officer (records
// are sealed under their owner's key, issue 14), visits built with the real stores, a complete QMF
// answer set, an empty pull to build on, and a harness that feeds a page its record live (as App does).
import type { ComponentChildren } from 'preact';
import type { SessionUser } from '../../src/shared/auth/schema';
import type { Answer } from '../../src/shared/records/schema';
import type { PullResponse } from '../../src/shared/sync/schema';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { db, type LocalRecord } from '../../src/app/storage/database';
import { useVisit } from '../../src/app/records/queries';
import { saveAnswer, saveRating } from '../../src/app/records/answer-store';
import { startRecord, storedRecord } from '../../src/app/records/record-store';
import { forgetKeys } from '../../src/app/crypto/vault';
import { unlockAfterSignIn } from '../../src/app/crypto/keyring';
import { openOutboxBody } from '../../src/app/sync/outbox-body';

export const officer: SessionUser = {
  id: 'officer-1',
  email: 'sam@example.gov.uk',
  name: 'Sam Patel',
  role: 'officer',
};
export const otherOfficer: SessionUser = {
  id: 'officer-2',
  email: 'jo@example.gov.uk',
  name: 'Jo Reid',
  role: 'officer',
};

/** The password every test person unlocks with; a small PBKDF2 work factor keeps tests quick (the real one is checked in vault.test.tsx). */
export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_ITERATIONS = 1_000;

/** Unlocks the vault as `user` (making their key on first use), as a sign-in does. */
export async function unlockAs(user: Pick<SessionUser, 'id'>): Promise<void> {
  await unlockAfterSignIn(user.id, TEST_PASSWORD, null, { offerPin: false, iterations: TEST_ITERATIONS });
}

/** Runs `work` unlocked as `user` (another person on the same device), then unlocks as the officer again. */
export async function asPerson<T>(user: Pick<SessionUser, 'id'>, work: () => Promise<T>): Promise<T> {
  await unlockAs(user);
  try {
    return await work();
  } finally {
    await unlockAs(officer);
  }
}

/** Empties every table and unlocks as the officer, so each test starts from a device with nothing on it. */
export async function resetDevice(): Promise<void> {
  forgetKeys();
  const database = db();
  await database.transaction('rw', database.tables, () => Promise.all(database.tables.map((t) => t.clear())));
  history.replaceState(null, '', '/');
  await unlockAs(officer);
}

export async function storeTemplate(): Promise<void> {
  await db().templates.put(qmfCareHomeV1);
}

export function startQmfVisit(options: { ownerId?: string; providerName?: string } = {}): Promise<string> {
  return startRecord({
    ownerId: options.ownerId ?? officer.id,
    template: qmfCareHomeV1,
    subjectName: options.providerName ?? 'Oakwood House',
    details: { providerId: 'prov-oakwood', date: '2026-06-04', announced: true, spokeWith: 'Registered manager' },
  });
}

/** Every item answered 'met' and every rated area 'green': a draft that passes submissionIssues. */
export function completeAnswers(): { answers: Record<string, Answer>; sectionRatings: Record<string, string> } {
  const answers: Record<string, Answer> = {};
  const sectionRatings: Record<string, string> = {};
  for (const section of qmfCareHomeV1.sections) {
    for (const item of section.items) answers[item.id] = { value: item.type === 'choice' ? 'met' : '', note: '' };
    if (section.rated) sectionRatings[section.id] = 'green';
  }
  return { answers, sectionRatings };
}

/** Fills a draft through the store, as an officer answering every item would. */
export async function answerEverything(id: string): Promise<void> {
  const { answers, sectionRatings } = completeAnswers();
  for (const [itemId, answer] of Object.entries(answers)) await saveAnswer(id, itemId, answer);
  for (const [sectionId, rating] of Object.entries(sectionRatings)) await saveRating(id, sectionId, rating, false);
}

/** The record as stored, opened. */
export async function record(id: string): Promise<LocalRecord | undefined> {
  return storedRecord(id);
}

/** The outbox entries of a record, their bodies opened. */
export async function outboxFor(id: string) {
  const rows = await db()
    .outbox.filter((row) => row.recordId === id)
    .toArray();
  return Promise.all(rows.map(async (row) => ({ ...row, body: await openOutboxBody(row) })));
}

/** An incremental pull that changes nothing, `over` replacing any part: what a test's pull starts from. */
export function pullOf(over: Partial<PullResponse> = {}): PullResponse {
  return {
    cursor: 'c',
    full: false,
    templates: [],
    providers: [],
    briefings: [],
    assignments: [],
    removed: { providers: [] },
    scope: { briefings: [], assignments: [] },
    pinned: [],
    settings: { briefingStaleDays: 7 },
    returned: [],
    ...over,
  };
}

/** Renders a page with the record read through the live query, so writes re-render it as in the app. */
export function LiveVisit(props: { id: string; children: (visit: LocalRecord) => ComponentChildren }) {
  const visit = useVisit(props.id);
  if (visit === undefined) return <p>Loading…</p>;
  if (visit === null) return <p>Gone</p>;
  return <>{props.children(visit)}</>;
}
