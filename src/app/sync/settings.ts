// Small device settings that come with each pull (which providers this person pinned, how old a
// briefing may get before it is flagged), kept in idb-keyval and observable by views.
import { getValue, setValue } from '../storage/device-keyval';
import { observable } from '../lib/observable';

export type PulledSettings = { pinned: string[]; briefingStaleDays: number };

const KEY = 'pulled-settings';
const DEFAULTS: PulledSettings = { pinned: [], briefingStaleDays: 7 };

export const settings = observable<PulledSettings>(DEFAULTS);

export async function loadSettings(): Promise<void> {
  settings.set((await getValue<PulledSettings>(KEY)) ?? DEFAULTS);
}

export async function pulledSettings(next: PulledSettings): Promise<void> {
  await setValue(KEY, next);
  settings.set(next);
}

/** Forgets the pulled settings (sign-out wipes the device). */
export function resetSettings(): void {
  settings.set(DEFAULTS);
}
