// What /api/session and /api/users take and answer (zod/mini). The server declares its routes
// with these and the office pages parse the answers with them, so both read one contract.
import * as z from 'zod/mini';
import { DevicePolicy, Role, SessionUser } from '../auth/schema';

/** /api/session (sign in, who am I) and POST /api/users. */
export const SessionResponse = z.object({
  user: SessionUser,
  /** The council's device rules; absent only from POST /api/users (the new person is not on a device). */
  devicePolicy: z.optional(DevicePolicy),
  /**
   * Only in the answer to a password sign-in that named a deviceId: this person's unlock key for that
   * device (32 random bytes, base64), which wraps the device's data key beside the password or PIN.
   */
  deviceKey: z.optional(z.string()),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** One person in GET /api/users. */
export const UserSummary = z.extend(SessionUser, {
  teamId: z.nullable(z.string()),
  teamName: z.nullable(z.string()),
  /** The team this person manages, if any. */
  managesTeamId: z.nullable(z.string()),
});
export type UserSummary = z.infer<typeof UserSummary>;

/** GET /api/users: QA sees everyone; a manager the people in the teams they manage. */
export const UserList = z.object({ users: z.array(UserSummary) });
export type UserList = z.infer<typeof UserList>;

/** POST /api/users: a team named for the first time is created; managesTeam makes a manager its manager. */
export const NewUserRequest = z.object({
  email: z.email().check(z.maxLength(254)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  role: Role,
  team: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  managesTeam: z.optional(z.boolean()),
  password: z.string().check(z.minLength(12, 'Use at least 12 characters'), z.maxLength(1024)),
});
export type NewUserRequest = z.infer<typeof NewUserRequest>;
