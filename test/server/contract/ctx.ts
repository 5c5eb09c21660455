// What each part of the contract suite is handed: the database, the people, an app on a hand-moved
// clock, the captured access log and a signed-in cookie per person.
import type { App, DbKind, Fixture, manualClock } from '../helpers';

export interface Ctx extends Fixture {
  kind: DbKind;
  app: App;
  clock: ReturnType<typeof manualClock>;
  log: string[];
  cookies: { officer: string; officer2: string; manager: string; manager2: string; qa: string };
}
