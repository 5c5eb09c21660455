// The escalation procedure (seed 004 §22): QA and managers open one per provider, add steps and
// close it; anyone signed in reads; every write is audited by id and reaches the provider's
// briefing, which an officer's device pulls (an incremental pull included); bad input is a clear
// 4xx and leaves nothing behind.
import { expect, it } from 'vitest';
import { Briefing } from '../../../src/shared/briefings/register';
import { addDays, calendarDay } from '../../../src/shared/calendar';
import { Escalation, EscalationList } from '../../../src/shared/escalations/schema';
import { PullResponse } from '../../../src/shared/sync/schema';
import { call } from '../helpers';
import type { Ctx } from './ctx';
import { addProvider, refusedPaths } from './steps';

const PROVIDER = 'escalation-home';

export function escalationsContract(ctx: () => Ctx) {
  const today = () => calendarDay(ctx().clock.now());
  const post = (path: string, body: unknown, cookie = ctx().cookies.qa) =>
    call(ctx().app, path, { method: 'POST', body, cookie });
  const list = async (cookie = ctx().cookies.officer, provider = PROVIDER) => {
    const res = await call(ctx().app, `/api/providers/${provider}/escalations`, { cookie });
    expect(res.status).toBe(200);
    return EscalationList.parse(res.json).escalations;
  };
  const audit = async () =>
    (
      await ctx().db.query<{ action: string; subject: string }>(
        `SELECT action, subject FROM audit_log WHERE action LIKE 'escalation.%' ORDER BY id`,
      )
    ).map((r) => `${r.action} ${r.subject}`);
  let id = '';

  it('opens an escalation as QA, attributed and dated by the server, and audits it', async () => {
    const { users } = ctx();
    await addProvider(ctx(), { id: PROVIDER, name: 'Escalation Home' });
    expect(await list()).toEqual([]);
    const res = await post(`/api/providers/${PROVIDER}/escalations`, {
      trigger: 'failed-cqc-inspection',
      reason: 'CQC rated the home inadequate overall.',
      openedOn: addDays(today(), -10),
      openedBy: 'Someone Else',
      status: 'closed',
      id: 'chosen-by-client',
    });
    expect(res.status).toBe(201);
    const e = Escalation.parse(res.json);
    expect(e).toMatchObject({
      providerId: PROVIDER,
      trigger: 'failed-cqc-inspection',
      openedOn: addDays(today(), -10),
      openedBy: users.qa.name,
      openedAt: ctx().clock.now().toISOString(),
      status: 'open',
      steps: [],
      closure: null,
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    id = e.id;
    expect(await list()).toEqual([e]);
    expect(await audit()).toEqual([`escalation.open ${PROVIDER}/${id}`]);
  });

  it('refuses a second open escalation of the same provider (409), and leaves the first as it was', async () => {
    const res = await post(
      `/api/providers/${PROVIDER}/escalations`,
      { trigger: 'significant-incident', reason: 'A fall', openedOn: today() },
      ctx().cookies.manager,
    );
    expect(res.status).toBe(409);
    expect(res.json.error).toBe('conflict');
    expect(res.json.message).toMatch(/already in escalation/);
    expect((await list()).map((e) => e.id)).toEqual([id]);
  });

  it('refuses bad input with a clear 4xx', async () => {
    const open = (body: unknown, provider = PROVIDER) => post(`/api/providers/${provider}/escalations`, body);
    const bad = await open({ trigger: 'rumour', reason: '', openedOn: '7 July' });
    expect(refusedPaths(bad).sort()).toEqual(['openedOn', 'reason', 'trigger']);
    const future = await open({ trigger: 'safeguarding', reason: 'x', openedOn: addDays(today(), 1) }, 'willow-bank');
    expect(future.status).toBe(422);
    expect(future.json.issues).toEqual([{ path: 'openedOn', message: expect.stringMatching(/after today/) }]);
    expect((await open([1, 2])).status).toBe(400);
    expect(
      (await open({ providerId: 'willow-bank', trigger: 'safeguarding', reason: 'x', openedOn: today() })).status,
    ).toBe(400);
    const raw = await call(ctx().app, `/api/providers/${PROVIDER}/escalations`, {
      method: 'POST',
      raw: '{not json',
      cookie: ctx().cookies.qa,
    });
    expect(raw.status).toBe(400);
    const missing = await open({ trigger: 'safeguarding', reason: 'x', openedOn: today() }, 'nowhere');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toBe('not-found');
    expect(await list(ctx().cookies.qa, 'willow-bank')).toEqual([]);
  });

  it('adds steps oldest first and refuses one dated before the opening or after today', async () => {
    const steps = `/api/escalations/${id}/steps`;
    const later = await post(steps, {
      kind: 'concerns-meeting',
      date: addDays(today(), -3),
      owner: 'Priya Shah',
      note: 'Provider and CQC attended.',
    });
    expect(later.status).toBe(201);
    const earlier = await post(
      steps,
      { kind: 'placement-embargo', date: addDays(today(), -9), owner: 'Gareth Lloyd' },
      ctx().cookies.manager,
    );
    expect(earlier.status).toBe(201);
    const e = Escalation.parse(earlier.json);
    expect(e.steps.map((s) => [s.kind, s.note, s.recordedBy])).toEqual([
      ['placement-embargo', '', ctx().users.manager.name],
      ['concerns-meeting', 'Provider and CQC attended.', ctx().users.qa.name],
    ]);
    const before = await post(steps, { kind: 'notify-cqc', date: addDays(today(), -11), owner: 'QA' });
    expect(before.status).toBe(422);
    expect(before.json.issues[0].path).toBe('date');
    const future = await post(steps, { kind: 'notify-cqc', date: addDays(today(), 1), owner: 'QA' });
    expect(future.status).toBe(422);
    expect((await post(steps, { kind: 'notify-cqc', date: today(), owner: '' })).status).toBe(422);
    expect(
      (await post('/api/escalations/not-a-uuid/steps', { kind: 'notify-cqc', date: today(), owner: 'QA' })).status,
    ).toBe(404);
    expect(
      (
        await post('/api/escalations/00000000-0000-4000-8000-000000000000/steps', {
          kind: 'notify-cqc',
          date: today(),
          owner: 'QA',
        })
      ).status,
    ).toBe(404);
    expect((await list())[0]?.steps).toHaveLength(2);
  });

  it('carries the open escalation in the briefing, to an officer\u2019s device on its next pull', async () => {
    const { app, cookies } = ctx();
    expect((await call(app, `/api/pins/${PROVIDER}`, { method: 'PUT', cookie: cookies.officer })).status).toBe(204);
    const first = PullResponse.parse((await call(app, '/api/sync/pull', { cookie: cookies.officer })).json);
    const held = first.briefings.find((b) => b.providerId === PROVIDER);
    expect(held?.escalation?.id).toBe(id);
    expect(held?.escalation?.steps).toHaveLength(2);
    // A step recorded after that pull reaches the device on the next, incremental, one.
    expect(
      (await post(`/api/escalations/${id}/steps`, { kind: 'improvement-plan', date: today(), owner: 'Provider' }))
        .status,
    ).toBe(201);
    const next = PullResponse.parse(
      (await call(app, `/api/sync/pull?cursor=${first.cursor}`, { cookie: cookies.officer })).json,
    );
    expect(next.full).toBe(false);
    expect(next.briefings.find((b) => b.providerId === PROVIDER)?.escalation?.steps.map((s) => s.kind)).toEqual([
      'placement-embargo',
      'concerns-meeting',
      'improvement-plan',
    ]);
    const briefing = Briefing.parse(
      (await call(app, `/api/providers/${PROVIDER}/briefing`, { cookie: cookies.officer })).json,
    );
    expect(briefing.escalation?.trigger).toBe('failed-cqc-inspection');
  });

  it('closes with an outcome no earlier than the last step, then refuses steps and a second closure (409)', async () => {
    const close = `/api/escalations/${id}/close`;
    const early = await post(close, { outcome: 'concerns-resolved', summary: 'Done', closedOn: addDays(today(), -1) });
    expect(early.status).toBe(422);
    expect(early.json.issues).toEqual([{ path: 'closedOn', message: expect.stringMatching(/last step/) }]);
    expect((await post(close, { outcome: 'fixed', summary: '', closedOn: today() })).status).toBe(422);
    const ok = await post(close, {
      outcome: 'concerns-resolved',
      summary: 'Actions verified at a visit.',
      closedOn: today(),
    });
    expect(ok.status).toBe(200);
    expect(Escalation.parse(ok.json)).toMatchObject({
      status: 'closed',
      closure: { outcome: 'concerns-resolved', closedOn: today(), closedBy: ctx().users.qa.name },
    });
    const again = await post(close, { outcome: 'other', summary: 'Again', closedOn: today() });
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/closed/);
    const step = await post(`/api/escalations/${id}/steps`, { kind: 'notify-cqc', date: today(), owner: 'QA' });
    expect(step.status).toBe(409);
    const briefing = Briefing.parse(
      (await call(ctx().app, `/api/providers/${PROVIDER}/briefing`, { cookie: ctx().cookies.officer })).json,
    );
    expect(briefing.escalation).toBeNull();
    expect(await audit()).toEqual([
      `escalation.open ${PROVIDER}/${id}`,
      `escalation.step ${id}:concerns-meeting`,
      `escalation.step ${id}:placement-embargo`,
      `escalation.step ${id}:improvement-plan`,
      `escalation.close ${id}:concerns-resolved`,
    ]);
    // Closed, the provider may go into escalation again: a new one, the history kept.
    const reopened = await post(`/api/providers/${PROVIDER}/escalations`, {
      trigger: 'significant-incident',
      reason: 'A serious fall.',
      openedOn: today(),
    });
    expect(reopened.status).toBe(201);
    expect((await list()).map((e) => e.status)).toEqual(['open', 'closed']);
    const open = await call(ctx().app, '/api/escalations?status=open', { cookie: ctx().cookies.officer });
    expect(open.status).toBe(200);
    expect(EscalationList.parse(open.json).escalations.map((e) => e.id)).toContain(reopened.json.id);
    expect(EscalationList.parse(open.json).escalations.every((e) => e.status === 'open')).toBe(true);
    expect((await call(ctx().app, '/api/escalations?status=maybe', { cookie: ctx().cookies.qa })).status).toBe(400);
  });

  it('lets QA and managers write, anyone signed in read, and nobody signed out', async () => {
    const { app, cookies } = ctx();
    const body = { trigger: 'safeguarding', reason: 'x', openedOn: today() };
    const failures: string[] = [];
    const expectStatus = (what: string, got: number, want: number) => {
      if (got !== want) failures.push(`${what}: ${got}, expected ${want}`);
    };
    for (const who of ['officer', 'officer2'] as const) {
      expectStatus(
        `open as ${who}`,
        (await post('/api/providers/willow-bank/escalations', body, cookies[who])).status,
        403,
      );
      expectStatus(
        `step as ${who}`,
        (await post(`/api/escalations/${id}/steps`, { kind: 'notify-cqc', date: today(), owner: 'x' }, cookies[who]))
          .status,
        403,
      );
      expectStatus(
        `close as ${who}`,
        (
          await post(
            `/api/escalations/${id}/close`,
            { outcome: 'other', summary: 'x', closedOn: today() },
            cookies[who],
          )
        ).status,
        403,
      );
      expectStatus(
        `read as ${who}`,
        (await call(app, `/api/providers/${PROVIDER}/escalations`, { cookie: cookies[who] })).status,
        200,
      );
      expectStatus(`list as ${who}`, (await call(app, '/api/escalations', { cookie: cookies[who] })).status, 200);
    }
    expectStatus(
      'open as manager2',
      (await post('/api/providers/willow-bank/escalations', body, cookies.manager2)).status,
      201,
    );
    expectStatus('read signed out', (await call(app, `/api/providers/${PROVIDER}/escalations`)).status, 401);
    expectStatus('list signed out', (await call(app, '/api/escalations')).status, 401);
    expectStatus(
      'open signed out',
      (await call(app, '/api/providers/willow-bank/escalations', { method: 'POST', body })).status,
      401,
    );
    expectStatus(
      'read unknown provider',
      (await call(app, '/api/providers/nowhere/escalations', { cookie: cookies.qa })).status,
      404,
    );
    expect(failures).toEqual([]);
  });
}
