// Whose outbox entries may be sent now, and whether sending is paused (issue 14). The session sets
// the owner (control.ts setSyncOwner, as stopSync is wired) and pauses sending while a sign-in
// request switches the server session; the sync service reads both before every request, so an
// entry never goes out under another person's session. Synchronous module state, always loaded,
// importing nothing: a pause takes effect before the next request whatever is in flight.

let owner: string | null = null;
let pauses = 0;

/** The person signed in on this device (null when nobody is): only their entries are sent. */
export function setOwner(id: string | null): void {
  owner = id;
}

export function syncOwner(): string | null {
  return owner;
}

/** Holds every new sync request until the returned function is called (once). */
export function pauseSending(): () => void {
  pauses++;
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    pauses--;
  };
}

/** True when a run started for `runOwner` may still send: not paused, and the same person is signed in. */
export function maySendFor(runOwner: string): boolean {
  return pauses === 0 && owner === runOwner;
}
