// "Lie-fi" on every engine: the device says it is online but every request to the server hangs.
// Sending times out instead of spinning for ever, the status says the server can't be reached,
// the visit stays queued, the forms keep working, and it all sends once the server answers.
import { expect } from 'vitest';
import { forEachEngine } from './engines/suite';
import { serverSubmissions } from './support/api';
import { QMF_AREAS, USERS } from './engines/app-model';

const PROVIDER = 'Sunnyside Lodge';

forEachEngine(
  'lie-fi: requests hang while the device says it is online',
  async ({ engine, app, server, proxy }) => {
    const id = await app.startVisit(PROVIDER);
    await app.completeAllAreas(PROVIDER);
    await app.checkAnswers();

    proxy.setMode('hang');
    await app.submitVisit();
    expect(await app.waitingCount(), engine).toBe('1 visit waiting to send');

    // While the upload hangs, the person carries on: a new visit starts and saves on the device.
    const second = await app.startVisit('Laurel Gardens');
    await app.openArea(QMF_AREAS[1]!);
    await app.answerArea();
    await app.backToVisit('Laurel Gardens');
    expect((await app.record(second))?.answers['supervision-policy']?.value, engine).toBe('met');

    // The hung request ends (timeout) and the status tells the truth.
    await app.until(
      '"can\'t reach the server"',
      async () => (await app.testId('connection')).startsWith("Can't reach the server"),
      45_000,
    );
    expect(await app.waitingCount(), engine).toBe('1 visit waiting to send');
    expect((await app.record(id))?.status, engine).toBe('queued');

    // The server answers again.
    proxy.setMode('up');
    await app.syncNow();
    await app.waitForAllSent();
    await app.until('the status to recover', async () => (await app.testId('connection')) === 'Online');
    const stored = await serverSubmissions(server.url, USERS.officer);
    expect(
      stored.map((s) => s.id),
      engine,
    ).toEqual([id]);
  },
  { as: 'officer' },
);
