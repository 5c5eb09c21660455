// Small device settings that come with each pull (which providers this person pinned, how old a
// briefing may get before it is flagged) and the council's device policy (issue 14: lock, unlock
// tries, retention), kept in idb-keyval and observable by views. The policy also comes with
// sign-in and GET /api/session; the latest one received is kept, and the defaults apply until
// the server has sent one (an older server sends none).
import { getValue, setValue } from '../storage/device-keyval';
import { observable, useObservable } from '../lib/observable';
import type { DevicePolicy } from '../../shared/auth/schema';
import { CALENDAR_DAYS, type DeadlineRules } from '../../shared/deadlines';

export type PulledSettings = {
  pinned: string[];
  briefingStaleDays: number;
  devicePolicy?: DevicePolicy;
  /** How the council counts deadline days; calendar days until a server says otherwise. */
  deadlines?: DeadlineRules;
};

const KEY = 'pulled-settings';
const DEFAULTS: PulledSettings = { pinned: [], briefingStaleDays: 7 };

/** The policy until the server sends one: the defaults of the server's own settings. */
export const DEFAULT_DEVICE_POLICY: DevicePolicy = {
  lockIdleMinutes: 5,
  unlockAttempts: 10,
  allowPin: false,
  sentRetentionDays: 14,
  referenceRetentionDays: 30,
};

export const settings = observable<PulledSettings>(DEFAULTS);

export async function loadSettings(): Promise<void> {
  settings.set((await getValue<PulledSettings>(KEY)) ?? DEFAULTS);
}

/** Stores a pull's settings; a pull without a policy keeps the one already known. */
export async function pulledSettings(next: PulledSettings): Promise<void> {
  const devicePolicy = next.devicePolicy ?? (await getValue<PulledSettings>(KEY))?.devicePolicy;
  const stored = devicePolicy ? { ...next, devicePolicy } : next;
  await setValue(KEY, stored);
  settings.set(stored);
}

/** The council's device policy as last received (defaults when none has been), read from storage. */
export async function storedDevicePolicy(): Promise<DevicePolicy> {
  return (await getValue<PulledSettings>(KEY))?.devicePolicy ?? DEFAULT_DEVICE_POLICY;
}

/** The device policy now in memory (defaults when none has been received). */
export function devicePolicy(): DevicePolicy {
  return settings.get().devicePolicy ?? DEFAULT_DEVICE_POLICY;
}

/**
 * The council's deadline rules as last received, for a view: calendar days until a server has
 * said otherwise (shared/deadlines.ts CALENDAR_DAYS, repeated here as a value so this first-load
 * module does not pull the deadline code into its chunk).
 */
export function useDeadlineRules(): DeadlineRules {
  // One object for the default, so components comparing rules by identity see no change.
  return useObservable(settings).deadlines ?? CALENDAR_DAYS;
}

/**
 * Keeps the policy from a sign-in or GET /api/session answer (`body.devicePolicy`), checked with
 * the shared schema (loaded on demand); an answer without a valid one changes nothing.
 */
export async function rememberDevicePolicy(body: unknown): Promise<void> {
  const raw = (body as { devicePolicy?: unknown } | null)?.devicePolicy;
  if (raw === undefined) return;
  const { DevicePolicy } = await import('../../shared/auth/schema');
  const parsed = DevicePolicy.safeParse(raw);
  if (!parsed.success) return;
  const current = (await getValue<PulledSettings>(KEY)) ?? settings.get();
  const next = { ...current, devicePolicy: parsed.data };
  await setValue(KEY, next);
  settings.set(next);
}

/** Forgets the pulled settings (sign-out wipes the device). */
export function resetSettings(): void {
  settings.set(DEFAULTS);
}
