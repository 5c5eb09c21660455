// The core flow on every engine (Chromium, WebKit, Firefox): sign in, cold start with the server
// unreachable, start a visit, answer items, reload and find every answer, submit, server
// reachable again, exactly one record stored. The task list is checked for sideways scrolling
// and touch targets under 44 px, and screenshotted as an artefact.
import { expect } from 'vitest';
import { forEachEngine } from './engines/suite';
import { serverSubmissions } from './support/api';
import { QMF_AREAS, USERS } from './engines/app-model';

const PROVIDER = 'Heathcote Manor Care Centre';
const NOTE = 'Night rota one carer short twice in October.';

forEachEngine(
  'core flow with the server unreachable',
  async ({ engine, driver, app, server, proxy, viewport }) => {
    await app.waitForServiceWorker();

    // Cold start while the server cannot be reached.
    proxy.setMode('down');
    await app.coldStart();

    const id = await app.startVisit(PROVIDER);
    await driver.screenshot(`test-results/task-list-${engine}-${viewport.width}x${viewport.height}.png`);
    expect(await app.layoutProblems(), engine).toEqual([]);

    await app.openArea(QMF_AREAS[0]!);
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
    await app.backToVisit(PROVIDER);
    await app.completeAllAreas(PROVIDER); // the rest "Met", rated Green

    await app.checkAnswers();
    const expected = await app.record(id);
    await app.submitVisit();
    await app.until('one visit waiting', async () => (await app.waitingCount()) === '1 visit waiting to send');

    // The server is reachable again.
    proxy.setMode('up');
    await app.syncNow();
    await app.waitForAllSent();
    const stored = await serverSubmissions(server.url, USERS.officer);
    expect(
      stored.map((s) => s.id),
      engine,
    ).toEqual([id]);
    expect(stored[0]!.body.answers, engine).toEqual(expected?.answers);
    expect(stored[0]!.body.answers['staffing-rota'], engine).toEqual({ value: 'partly-met', note: NOTE });
  },
  { as: 'officer' },
);
