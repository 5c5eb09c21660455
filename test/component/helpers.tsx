// Shared fixtures for component tests: a clean device database, visits built with the real
// stores, a complete QMF answer set, and a harness that feeds a page its record live (as App does).
import type { ComponentChildren } from 'preact';
import type { SessionUser } from '../../src/shared/auth/schema';
import type { Answer } from '../../src/shared/records/schema';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { db, type LocalRecord } from '../../src/app/storage/database';
import { useVisit } from '../../src/app/records/queries';
import { saveAnswer, saveRating } from '../../src/app/records/answer-store';
import { startRecord } from '../../src/app/records/record-store';

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

/** Empties every table, so each test starts from a device with nothing on it. */
export async function resetDevice(): Promise<void> {
  const database = db();
  await database.transaction('rw', database.tables, () => Promise.all(database.tables.map((t) => t.clear())));
  history.replaceState(null, '', '/');
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

export async function record(id: string): Promise<LocalRecord | undefined> {
  return db().records.get(id);
}

export function outboxFor(id: string) {
  return db()
    .outbox.filter((row) => row.recordId === id)
    .toArray();
}

/** Renders a page with the record read through the live query, so writes re-render it as in the app. */
export function LiveVisit(props: { id: string; children: (visit: LocalRecord) => ComponentChildren }) {
  const visit = useVisit(props.id);
  if (visit === undefined) return <p>Loading…</p>;
  if (visit === null) return <p>Gone</p>;
  return <>{props.children(visit)}</>;
}
