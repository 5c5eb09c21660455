// /api/users: the QA manager lists people and adds them (email, name, role, team, an initial
// password of at least 12 characters). A team named for the first time is created; a manager
// added with managesTeam becomes that team's manager, whose members' visits they then see.
// A manager may list only the people in the teams they manage: the officers they may assign
// visits to (see assignments/routes.ts), for the office page's assignment form.
import { NewUserRequest, SessionResponse, UserList } from '../../shared/users/api-schemas';
import { hashPassword } from '../auth/passwords';
import { emailTaken, listUsers } from '../auth/users';
import { conflict, invalid } from '../http/errors';
import { routeDeclarer, json, reply, validBody, type ApiRoute } from '../http/route';
import { addPerson, managedTeamIds } from './store';

const route = routeDeclarer('admin');

export const userRoutes: readonly ApiRoute[] = [
  route('GET /api/users', ['qa', 'manager'], {
    summary: 'List people (a manager: their teams)',
    responses: { 200: reply('People', UserList) },
    handler: async (c, deps) => {
      const user = c.get('user');
      const users = await listUsers(deps.db);
      if (user.role === 'qa') return c.json({ users } satisfies UserList);
      const teams = await managedTeamIds(deps.db, user.id);
      return c.json({ users: users.filter((u) => u.teamId !== null && teams.has(u.teamId)) } satisfies UserList);
    },
  }),
  route('POST /api/users', ['qa'], {
    summary: 'Add a person',
    body: json(NewUserRequest),
    responses: { 201: reply('Added', SessionResponse), 409: 'The email already has an account' },
    handler: async (c, deps) => {
      const body = await validBody(c, NewUserRequest, 16 * 1024);
      if (body.managesTeam === true && (body.role !== 'manager' || body.team === null)) {
        throw invalid([{ path: 'managesTeam', message: 'Only a manager with a team can manage it' }]);
      }
      if (await emailTaken(deps.db, body.email)) throw conflict('Someone with that email already has an account');
      const hash = await hashPassword(body.password);
      const user = await addPerson(deps.db, body, hash, c.get('user').id, deps.now());
      return c.json({ user } satisfies SessionResponse, 201);
    },
  }),
];
