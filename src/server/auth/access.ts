// Role checks shared by the routes. Per-record rules live next to the queries that apply them
// (submissions: own / managed team / all); these guard whole routes.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/auth/schema';
import type { AppEnv } from '../http/env';
import { forbidden } from '../http/errors';

/** Use after requireUser. */
export const requireRole =
  (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!roles.includes(c.get('user').role)) throw forbidden();
    await next();
  };

/**
 * SQL condition "the session user may read records submitted by `submitterColumn`": their own;
 * a manager's team's; everything for QA. Parameters: $uid (user id), $role.
 */
export const submitterVisible = (submitterColumn: string, uid: string, role: string) =>
  `(${role} = 'qa' OR ${submitterColumn} = ${uid} OR (${role} = 'manager' AND EXISTS (
     SELECT 1 FROM users su JOIN teams t ON t.id = su.team_id WHERE su.id = ${submitterColumn} AND t.manager_id = ${uid})))`;
