// Who is signed in (zod/mini): roles, the sign-in request and the session's user.
import * as z from 'zod/mini';

export const Role = z.enum(['officer', 'manager', 'qa']);
export type Role = z.infer<typeof Role>;

export const SignInRequest = z.object({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
  /**
   * The device's random id (issue 14). With it, a password sign-in answers this person's unlock key
   * for that device, so a forgotten PIN while online loses nothing. Never answered without a password.
   */
  deviceId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/))),
});

/**
 * The council's rules for data on devices (issue 14), set in the server's environment and sent on
 * sign-in, on GET /api/session and with every pull, so the device applies them offline.
 */
export const DevicePolicy = z.object({
  /** Minutes without a touch or key press before the app locks (LOCK_IDLE_MINUTES). */
  lockIdleMinutes: z.int().check(z.gte(1)),
  /** Wrong unlock tries before the device's data is wiped (UNLOCK_ATTEMPTS); warned from the 5th. */
  unlockAttempts: z.int().check(z.gte(3)),
  /** Whether a person may unlock with a PIN of at least 6 digits instead of the password (ALLOW_PIN). */
  allowPin: z.boolean(),
  /** Days a sent record and its photos stay on the device unless returned (DEVICE_SENT_RETENTION_DAYS). */
  sentRetentionDays: z.int().check(z.gte(0)),
  /** Days briefings and reference data stay without a refresh (DEVICE_REFERENCE_RETENTION_DAYS). */
  referenceRetentionDays: z.int().check(z.gte(0)),
});
export type DevicePolicy = z.infer<typeof DevicePolicy>;

export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;
