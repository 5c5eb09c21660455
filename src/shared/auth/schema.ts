// Who is signed in (zod/mini): roles, the sign-in request and the session's user.
import * as z from 'zod/mini';

export const Role = z.enum(['officer', 'manager', 'qa']);
export type Role = z.infer<typeof Role>;

export const SignInRequest = z.object({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
});

export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;
