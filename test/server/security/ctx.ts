// What each part of the security suite is handed: the database and people, an app on a hand-moved
// clock (JSON limit 256 kB), a signed-in cookie per person and the rows the fuzzer aims at.
import type { DbKind, Fixture, manualClock } from '../helpers';
import type { FuzzCtx } from './fuzz';

export interface SecurityCtx extends FuzzCtx {
  kind: DbKind;
  users: Fixture['users'];
  clock: ReturnType<typeof manualClock>;
}
