// POST /api/sync/receipts (issue 16 item 5): which of a person's sent records the server does not
// hold, so the device sends them again. Read-only, about the session's own records only, bounded.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { RECEIPTS_MAX, ReceiptsResponse } from '../../../src/shared/sync/receipts';
import { PullResponse } from '../../../src/shared/sync/schema';
import { call, visitBody } from '../helpers';
import type { Ctx } from './ctx';

export function receiptsContract(ctx: () => Ctx) {
  /** Asks as the officer unless told (null: signed out). */
  const ask = (body: unknown, cookie: string | null = ctx().cookies.officer) =>
    call(ctx().app, '/api/sync/receipts', { method: 'POST', body, ...(cookie ? { cookie } : {}) });
  const put = async (body: { id: string } & Record<string, unknown>, cookie = ctx().cookies.officer) => {
    const res = await call(ctx().app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie });
    expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  };
  const count = async () =>
    Number((await ctx().db.query<{ n: string }>('SELECT count(*)::text AS n FROM submissions'))[0]!.n);

  it('needs a session', async () => {
    const res = await ask({ person: ctx().users.officer.id, records: [] }, null);
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('unauthenticated');
  });

  it('answers the asked revisions not held, in the order asked, and names this server as pull does', async () => {
    const { users, cookies, app } = ctx();
    const held = [visitBody(), visitBody()];
    for (const body of held) await put(body);
    const lost = [randomUUID(), randomUUID()];
    const before = await count();
    const res = await ask({
      person: users.officer.id,
      records: [
        { id: lost[1], revision: 1 },
        { id: held[0]!.id, revision: 1 },
        { id: lost[0], revision: 1 },
        { id: held[1]!.id, revision: 1 },
      ],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const answer = ReceiptsResponse.parse(res.json);
    expect(answer.missing).toEqual([
      { id: lost[1], revision: 1 },
      { id: lost[0], revision: 1 },
    ]);
    const pulled = PullResponse.parse((await call(app, '/api/sync/pull', { cookie: cookies.officer })).json);
    expect(pulled.server).toBe(answer.server);
    // Asking writes nothing.
    expect(await count()).toBe(before);
    // Nothing asked, nothing missing.
    expect((await ask({ person: users.officer.id, records: [] })).json.missing).toEqual([]);
  });

  it('holds a record the office returned and its author amended; a later revision never stored is missing', async () => {
    const { users, cookies, app } = ctx();
    const v1 = visitBody();
    await put(v1);
    const returned = await call(app, `/api/submissions/${v1.id}/review`, {
      method: 'POST',
      cookie: cookies.qa,
      body: { decision: 'return', revision: 1, comment: 'Say who you spoke to by role.' },
    });
    expect(returned.status).toBe(200);
    const held = async (revision: number) =>
      (await ask({ person: users.officer.id, records: [{ id: v1.id, revision }] })).json.missing.length === 0;
    expect(await held(1)).toBe(true);
    await put({ ...v1, revision: 2, baseRevision: 1, details: { ...v1.details, spokeWith: 'Deputy manager' } });
    expect(await held(1)).toBe(true);
    expect(await held(2)).toBe(true);
    expect(await held(3)).toBe(false);
  });

  it("never answers about someone else's record as held: to anyone but its author it is missing", async () => {
    const { users, cookies } = ctx();
    const theirs = visitBody();
    await put(theirs);
    // The team's manager and QA may read it; it is still not held as theirs.
    for (const [who, cookie] of [
      [users.officer2, cookies.officer2],
      [users.manager, cookies.manager],
      [users.qa, cookies.qa],
    ] as const) {
      const res = await ask({ person: who.id, records: [{ id: theirs.id, revision: 1 }] }, cookie);
      expect(res.status).toBe(200);
      expect(res.json.missing).toEqual([{ id: theirs.id, revision: 1 }]);
    }
  });

  it("refuses with 403 to ask as someone other than the session's person", async () => {
    const { users, cookies } = ctx();
    const mine = visitBody();
    await put(mine);
    const res = await ask({ person: users.officer.id, records: [{ id: mine.id, revision: 1 }] }, cookies.officer2);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: 'forbidden', message: 'You can only ask about your own records' });
  });

  it('refuses malformed JSON (400), a body outside the schema or over the count (422) and an oversized body (413)', async () => {
    const { users, app, cookies } = ctx();
    const person = users.officer.id;
    const raw = await call(app, '/api/sync/receipts', { method: 'POST', raw: '{"person":', cookie: cookies.officer });
    expect(raw.status).toBe(400);
    expect(raw.json.error).toBe('bad-request');
    for (const body of [
      {},
      { person, records: [{ id: 'not-a-uuid', revision: 1 }] },
      { person, records: [{ id: randomUUID(), revision: 0 }] },
      { person, records: [{ id: randomUUID(), revision: 1.5 }] },
      { person: '', records: [] },
      { person, records: Array.from({ length: RECEIPTS_MAX + 1 }, () => ({ id: randomUUID(), revision: 1 })) },
    ]) {
      const res = await ask(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.json.error).toBe('invalid');
    }
    const huge = await ask({ person, records: [], padding: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    // The most a request may ask is answered.
    const most = await ask({
      person,
      records: Array.from({ length: RECEIPTS_MAX }, () => ({ id: randomUUID(), revision: 1 })),
    });
    expect(most.status).toBe(200);
    expect(most.json.missing).toHaveLength(RECEIPTS_MAX);
  });
}
