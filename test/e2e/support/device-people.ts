// Helpers for the browser tests of who owns what on a shared device (issue 14): reading the
// device database's rows as stored (clear fields only), the session cookie, a cold start that
// gets past the app lock, and the server's view of what arrived, as the QA manager sees it.
import { expect } from 'vitest';
import type { APIRequestContext } from 'playwright-core';
import { USERS, type Credentials } from '../engines/app-model';
import type { ChromiumApp } from './chromium-suite';
import type { SubmissionPage } from '../../../src/shared/records/api-schemas';
import { AFTER_DEMO_HISTORY } from './api';

export const LOCKED = 'QA Visits is locked';

/** The given clear fields of every row of one object store, as the device stores it. */
async function clearFields<K extends string>(app: ChromiumApp, storeName: string, fields: K[]) {
  const rows = await app.storedRows<Record<K, string>>(storeName);
  return rows.map((row) => Object.fromEntries(fields.map((field) => [field, row[field]])) as Record<K, string>);
}

export type RowSummary = { id: string; ownerId: string; status: string };

/** The device's records by their clear fields. */
export const deviceRecords = (app: ChromiumApp): Promise<RowSummary[]> =>
  clearFields(app, 'records', ['id', 'ownerId', 'status']);

/** The device's files: hash, the record that added it, and its person. */
export const deviceFiles = (app: ChromiumApp) => clearFields(app, 'files', ['sha256', 'recordId', 'ownerId']);

/** The device's outbox entries: which record, whose, and whether waiting or needing attention. */
export const deviceOutbox = (app: ChromiumApp) => clearFields(app, 'outbox', ['recordId', 'ownerId', 'state']);

/** The value of this device's session cookie (throws when there is none). */
export async function sessionCookie(app: ChromiumApp): Promise<string> {
  const cookie = (await app.context.cookies()).find((c) => c.name === 'qa_session');
  if (!cookie) throw new Error('no session cookie on this device');
  return cookie.value;
}

/** How the server answers GET /api/session for a cookie value, from outside the browser. */
export async function sessionStatus(baseUrl: string, cookie: string): Promise<number> {
  return (await fetch(`${baseUrl}/api/session`, { headers: { Cookie: `qa_session=${cookie}` } })).status;
}

/** Waits for the first screen after a load: the lock screen is passed with `who`'s password. */
export async function pastTheLock(app: ChromiumApp, who: Credentials, heading: string): Promise<void> {
  await app.until(`"${heading}" or the lock screen`, async () => [heading, LOCKED].includes(await app.heading()));
  if ((await app.heading()) === LOCKED) {
    await app.page.getByLabel('Password').fill(who.password);
    await app.page.getByLabel('Password').press('Enter');
  }
  // The key derivation takes a moment (≥ 250 ms by design).
  await app.waitForHeading(heading, 60_000);
}

/** Quits the browser and starts it again on the same profile, then opens the app (unlocking as `who`). */
export async function coldStart(
  app: ChromiumApp,
  who: Credentials | null,
  options: { offline?: boolean; heading?: string } = {},
): Promise<void> {
  await app.driver.restart();
  if (options.offline) await app.context.setOffline(true);
  await app.open('/');
  if (who) await pastTheLock(app, who, options.heading ?? 'My visits');
  else await app.waitForHeading(options.heading ?? 'Sign in');
}

/** From any page of a signed-in (or locked) device: signs in as someone else through /sign-in. */
export async function signInAsSomeoneElse(app: ChromiumApp, who: Credentials): Promise<void> {
  await app.open('/sign-in');
  await app.waitForHeading('Sign in');
  await app.page.getByLabel('Email address').fill(who.email);
  await app.page.getByLabel('Password').fill(who.password);
  await app.page.getByRole('button', { name: 'Sign in' }).click();
  await pastTheLock(app, who, 'My visits');
}

/** The records dated after the demo history that the server holds, as the QA manager lists them. */
export async function arrivedRecords(
  qa: APIRequestContext,
): Promise<Array<{ id: string; revision: number; submitterId: string }>> {
  const res = await qa.get(`/api/submissions${AFTER_DEMO_HISTORY}&limit=200`);
  expect(res.status()).toBe(200);
  const page = (await res.json()) as SubmissionPage;
  expect(page.next, 'more records than one page holds').toBeNull();
  return page.submissions;
}

/** The user id of a demo account, as the server knows it. */
export async function userId(baseUrl: string, who: Credentials = USERS.officer): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`sign-in for ${who.email} failed: ${res.status}`);
  return ((await res.json()) as { user: { id: string } }).user.id;
}
