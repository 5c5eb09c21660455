// /api/users: the QA manager lists people and adds them (email, name, role, team, an initial
// password of at least 12 characters). A team named for the first time is created; a manager
// added with managesTeam becomes that team's manager, whose members' visits they then see.
// A manager may list only the people in the teams they manage: the officers they may assign
// visits to (see assignments/routes.ts), for the office page's assignment form.
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { Role } from '../../shared/schemas';
import { toIssues } from '../../shared/records/record-rules';
import { recordAudit } from '../audit';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { hashPassword } from '../auth/passwords';
import { emailTaken, ensureTeam, insertUser, listUsers, setTeamManager } from '../auth/users';
import { readJsonBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { conflict, invalid } from '../http/errors';

export const NewUserRequest = z.object({
  email: z.email().check(z.maxLength(254)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  role: Role,
  team: z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  managesTeam: z.optional(z.boolean()),
  password: z.string().check(z.minLength(12, 'Use at least 12 characters'), z.maxLength(1024)),
});

export function registerUserRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const qa = [requireUser(deps), requireRole('qa')] as const;

  app.get('/api/users', requireUser(deps), requireRole('qa', 'manager'), async (c) => {
    const user = c.get('user');
    const users = await listUsers(deps.db);
    if (user.role === 'qa') return c.json({ users });
    const managed = await deps.db.query<{ id: string }>('SELECT id FROM teams WHERE manager_id = $1', [user.id]);
    const teams = new Set(managed.map((t) => t.id));
    return c.json({ users: users.filter((u) => u.teamId !== null && teams.has(u.teamId)) });
  });

  app.post('/api/users', ...qa, async (c) => {
    const parsed = NewUserRequest.safeParse(await readJsonBody(c, 16 * 1024));
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const body = parsed.data;
    if (body.managesTeam === true && (body.role !== 'manager' || body.team === null)) {
      throw invalid([{ path: 'managesTeam', message: 'Only a manager with a team can manage it' }]);
    }
    if (await emailTaken(deps.db, body.email)) throw conflict('Someone with that email already has an account');
    const hash = await hashPassword(body.password);
    const actor = c.get('user');
    const user = await deps.db.transaction(async (tx) => {
      const teamId = body.team === null ? null : await ensureTeam(tx, body.team);
      const created = await insertUser(tx, { email: body.email, name: body.name, role: body.role, teamId }, hash);
      if (body.managesTeam === true && teamId !== null) await setTeamManager(tx, teamId, created.id);
      await recordAudit(tx, deps.now(), actor.id, 'user.create', created.id);
      return created;
    });
    return c.json({ user }, 201);
  });
}
