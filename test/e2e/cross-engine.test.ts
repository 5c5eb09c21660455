// The core flow on every engine (Chromium, WebKit, Firefox): sign in, cold start with the server
// unreachable, start a visit, answer items, reload and find every answer, submit, server
// reachable again, exactly one record stored. The task list is checked for sideways scrolling
// and touch targets under 44 px, and screenshotted as an artefact.
import { expect } from 'vitest';
import { forEachEngine } from './engines/suite';
import { serverSubmissions } from './support/api';
import { OFFICER, QMF_AREAS } from './support/pages';

const PROVIDER = 'Heathcote Manor Care Centre';
const NOTE = 'Night rota one carer short twice in October.';

forEachEngine('core flow with the server unreachable', async ({ engine, driver, app, server, proxy, viewport }) => {
  await app.open('/');
  await app.signIn(OFFICER.email, OFFICER.password);
  await app.waitForSynced();
  await app.waitForServiceWorker();

  // Cold start while the server cannot be reached.
  proxy.setMode('down');
  await driver.restart();
  await app.open('/');
  await app.waitForHeading('My visits');

  const id = await app.startVisit(PROVIDER);
  await driver.screenshot(`test-results/task-list-${engine}-${viewport.width}x${viewport.height}.png`);
  expect(await app.layoutProblems(), engine).toEqual([]);

  await app.click(QMF_AREAS[0]!);
  await app.waitForHeading(QMF_AREAS[0]!);
  await app.check('Partly met', 0);
  await app.note(0, NOTE);
  await app.until(
    'the note saved on the device',
    async () => (await app.record(id))?.answers['staffing-rota']?.note === NOTE,
  );
  await driver.reload();
  await app.waitForHeading(QMF_AREAS[0]!);
  expect(await app.checked('Partly met', 0), engine).toBe(true);
  expect(await app.noteValue(0), engine).toBe(NOTE);
  await app.click('Return to the visit');
  await app.waitForHeading(PROVIDER);
  for (const area of QMF_AREAS) await app.answerArea(area, PROVIDER); // the rest "Met", rated Green
  await app.overallRating(PROVIDER);

  await app.click('Check answers and submit');
  await app.waitForHeading('Check your answers');
  const expected = await app.record(id);
  await app.click('Submit visit');
  await app.waitForHeading('My visits');
  await app.until('one visit waiting', async () => (await app.testId('waiting')) === '1 visit waiting to send');

  // The server is reachable again.
  proxy.setMode('up');
  await app.click('Sync now');
  await app.until(
    'the outbox to drain',
    async () => (await app.testId('waiting')) === '0 visits waiting to send',
    60_000,
  );
  const stored = await serverSubmissions(server.url, OFFICER);
  expect(
    stored.map((s) => s.id),
    engine,
  ).toEqual([id]);
  expect(stored[0]!.body.answers, engine).toEqual(expected?.answers);
  expect(stored[0]!.body.answers['staffing-rota'], engine).toEqual({ value: 'partly-met', note: NOTE });
});
