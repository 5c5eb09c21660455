// Monitoring reviews (issue 15, seed 004 §18-19): GET and POST /api/providers/{id}/monitoring-reviews.
// The risk matrix's suggestion with its reasons; QA (or the manager of the allocated officer's team)
// confirms it or overrides it with a reason; the decision moves the level and RAG, is kept in the
// history (the review, the RAG change, the timeline) and reaches the officer's device. Stale
// suggestions are refused with nothing written; levels 1-2 get a desk review, not a visit, due.
import { expect, it } from 'vitest';
import { addMonths, calendarDay } from '../../../src/shared/calendar';
import { MonitoringState } from '../../../src/shared/providers/api-schemas';
import { PullResponse } from '../../../src/shared/sync/schema';
import { call, providerRow } from '../helpers';
import type { Ctx } from './ctx';
import { refusedPaths } from './steps';

const path = (id: string) => `/api/providers/${id}/monitoring-reviews`;

export function monitoringContract(ctx: () => Ctx) {
  const today = () => calendarDay(ctx().clock.now());
  const state = async (id: string, cookie = ctx().cookies.qa) => {
    const res = await call(ctx().app, path(id), { cookie });
    expect(res.status).toBe(200);
    return MonitoringState.parse(res.json);
  };
  const decide = (id: string, body: unknown, cookie = ctx().cookies.qa) =>
    call(ctx().app, path(id), { method: 'POST', body, cookie });
  /** A decision body: a confirmation unless `suggested` (what the decider was shown) differs. */
  const decision = (level: number, rag: string, reason = '', suggested = { level, rag }) => ({
    level,
    rag,
    reason,
    suggested,
  });
  /** A decision that must be accepted: the monitoring state it answers with. */
  const decided = async (id: string, body: unknown, cookie = ctx().cookies.qa) => {
    const res = await decide(id, body, cookie);
    expect(res.status).toBe(200);
    return MonitoringState.parse(res.json);
  };
  const addProvider = async (row: Parameters<typeof providerRow>[0]) => {
    const res = await call(ctx().app, '/api/providers', {
      method: 'POST',
      cookie: ctx().cookies.qa,
      body: providerRow(row),
    });
    expect(res.status).toBe(201);
  };
  const inadequate = {
    kind: 'cqc-inspection',
    date: '2026-01-20',
    summary: 'Rated inadequate overall.',
    overall: 'inadequate',
    keyQuestions: {
      safe: 'inadequate',
      effective: 'requires-improvement',
      caring: 'good',
      responsive: 'good',
      wellLed: 'inadequate',
    },
  };

  it('suggests a level and RAG with reasons; QA confirms, and the level, RAG and history follow', async () => {
    const { app, cookies, users, db } = ctx();
    await addProvider({
      id: 'matrix-home',
      name: 'Matrix Care Home',
      serviceType: 'care-home',
      monitoringLevel: 2,
      rag: 'green',
      allocatedOfficerId: users.officer.id,
    });
    // A care home with nothing against it: level 3 (scheduled visits), Green.
    const first = await state('matrix-home');
    expect(first.suggestion).toMatchObject({ level: 3, rag: 'green' });
    expect(first.suggestion.reasons.map((r) => r.criterion)).toEqual(['level', 'service-type']);
    expect(first).toMatchObject({ reviews: [], mayDecide: true });
    // At level 2 today: a desk review due (never reviewed: at once), no visit scheduled.
    expect(first.provider).toMatchObject({ nextVisitDue: null, lastReviewDate: null, nextDeskReviewDue: today() });

    // New evidence moves the suggestion: CQC Inadequate is Red, level 5.
    const added = await call(app, '/api/providers/matrix-home/intelligence', {
      method: 'POST',
      cookie: cookies.qa,
      body: inadequate,
    });
    expect(added.status).toBe(201);
    const now = await state('matrix-home');
    expect(now.suggestion).toMatchObject({ level: 5, rag: 'red' });
    expect(now.suggestion.reasons[0]).toEqual({
      criterion: 'cqc',
      rag: 'red',
      text: 'CQC rated it Inadequate overall (20 January 2026).',
    });

    // A decision on the suggestion as first shown is refused, and nothing is written.
    const stale = await decide('matrix-home', decision(3, 'green'));
    expect(stale.status).toBe(409);
    expect(stale.json.error).toBe('conflict');
    expect((await state('matrix-home')).reviews).toEqual([]);

    // An override needs a reason.
    const bare = await decide('matrix-home', decision(4, 'red', '  ', { level: 5, rag: 'red' }));
    expect(bare.status).toBe(422);
    expect(bare.json.issues).toEqual([expect.objectContaining({ path: 'reason' })]);

    const after = await decided('matrix-home', decision(5, 'red'));
    expect(after.provider).toMatchObject({
      monitoringLevel: 5,
      rag: 'red',
      ragChangedAt: today(),
      ragReason: 'Risk matrix: CQC rated it Inadequate overall (20 January 2026).',
      lastReviewDate: today(),
      nextDeskReviewDue: null,
      nextVisitDue: today(), // never visited: due at once
    });
    expect(after.reviews).toEqual([
      expect.objectContaining({
        on: today(),
        by: users.qa.name,
        decision: 'confirmed',
        fromLevel: 2,
        toLevel: 5,
        fromRag: 'green',
        toRag: 'red',
        suggestedLevel: 5,
        suggestedRag: 'red',
        reason: '',
        suggestionReasons: now.suggestion.reasons.map((r) => r.text),
      }),
    ]);
    // The register answers the same; the RAG change is in its history with the reason.
    expect((await call(app, '/api/providers/matrix-home', { cookie: cookies.officer })).json).toMatchObject({
      monitoringLevel: 5,
      rag: 'red',
    });
    const [change] = await db.query<{ from_rag: string; to_rag: string; reason: string }>(
      `SELECT from_rag, to_rag, reason FROM provider_rag_history WHERE provider_id = 'matrix-home' AND from_rag IS NOT NULL`,
    );
    expect(change).toEqual({ from_rag: 'green', to_rag: 'red', reason: after.provider.ragReason });
    const timeline = await call(app, '/api/providers/matrix-home/timeline', { cookie: cookies.qa });
    expect(timeline.json.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'rag-change', title: 'RAG rating changed: Green to Red' }),
        expect.objectContaining({
          kind: 'monitoring-review',
          date: today(),
          title: 'Monitoring review: level 2 to 5, Green to Red (suggestion confirmed)',
        }),
      ]),
    );

    // The allocated officer's device gets the new level and RAG, and the briefing (due now).
    const pull = PullResponse.parse((await call(app, '/api/sync/pull', { cookie: cookies.officer })).json);
    expect(pull.providers.find((p) => p.id === 'matrix-home')).toMatchObject({ monitoringLevel: 5, rag: 'red' });
    expect(pull.briefings.find((b) => b.providerId === 'matrix-home')?.provider).toMatchObject({
      monitoringLevel: 5,
      rag: 'red',
      nextVisitDue: today(),
    });
  });

  it('lets the manager of the allocated officer’s team override with a reason, and no one else but QA', async () => {
    const { cookies } = ctx();
    const current = await state('matrix-home', cookies.manager);
    expect(current.mayDecide).toBe(true);
    expect((await state('matrix-home', cookies.manager2)).mayDecide).toBe(false);
    const body = decision(
      4,
      'amber',
      'Embargo lifted after the CQC re-inspection was booked; monitor six-monthly meanwhile.',
      { level: current.suggestion.level, rag: current.suggestion.rag },
    );
    const refused = await decide('matrix-home', body, cookies.manager2);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('forbidden');
    expect((await decide('matrix-home', body, cookies.officer)).status).toBe(403);
    expect((await call(ctx().app, path('matrix-home'), { cookie: cookies.officer })).status).toBe(403);
    expect((await call(ctx().app, path('matrix-home'))).status).toBe(401);
    expect((await call(ctx().app, path('matrix-home'), { method: 'POST', body })).status).toBe(401);

    const after = await decided('matrix-home', body, cookies.manager);
    expect(after.provider).toMatchObject({ monitoringLevel: 4, rag: 'amber', ragReason: body.reason });
    expect(after.reviews.map((r) => [r.decision, r.by, r.fromLevel, r.toLevel, r.reason])).toEqual([
      ['overridden', ctx().users.manager.name, 5, 4, body.reason],
      ['confirmed', ctx().users.qa.name, 2, 5, ''],
    ]);
    // A provider allocated to no one: QA only.
    await addProvider({ id: 'matrix-unallocated', name: 'Unallocated Home', monitoringLevel: 3 });
    expect((await state('matrix-unallocated', cookies.manager)).mayDecide).toBe(false);
  });

  it('puts a preventative service on an annual desk review, with no visit scheduled', async () => {
    await addProvider({
      id: 'matrix-day',
      name: 'Matrix Day Centre',
      serviceType: 'day-service',
      monitoringLevel: 3,
      rag: 'green',
    });
    const before = await state('matrix-day');
    expect(before.suggestion).toMatchObject({ level: 1, rag: 'green' });
    expect(before.provider.nextVisitDue).toBe(today());
    const after = await decided(
      'matrix-day',
      decision(1, 'green', 'Desk review of the annual return and self-assessment.'),
    );
    expect(after.reviews[0]).toMatchObject({
      decision: 'confirmed',
      reason: 'Desk review of the annual return and self-assessment.',
    });
    expect(after.provider).toMatchObject({
      monitoringLevel: 1,
      rag: 'green',
      ragChangedAt: expect.any(String),
      nextVisitDue: null,
      lastReviewDate: today(),
      nextDeskReviewDue: addMonths(today(), 12),
    });
    // No RAG change, so none is recorded.
    const changes = await ctx().db.query(
      `SELECT 1 FROM provider_rag_history WHERE provider_id = 'matrix-day' AND from_rag IS NOT NULL`,
    );
    expect(changes).toHaveLength(0);
  });

  it('keeps a level set by editing the register in the history, without counting it as a review', async () => {
    await addProvider({ id: 'matrix-edit', name: 'Matrix Edit Home', serviceType: 'care-home', monitoringLevel: 3 });
    await decided('matrix-edit', decision(3, 'green', 'Annual review.'));
    const edited = await call(ctx().app, '/api/providers/matrix-edit', {
      method: 'PUT',
      cookie: ctx().cookies.qa,
      body: providerRow({ id: 'matrix-edit', name: 'Matrix Edit Home', serviceType: 'care-home', monitoringLevel: 5 }),
    });
    expect(edited.status).toBe(200);
    const after = await state('matrix-edit');
    expect(after.reviews.map((r) => [r.decision, r.fromLevel, r.toLevel])).toEqual([
      ['register-change', 3, 5],
      ['confirmed', 3, 3],
    ]);
    expect(after.reviews[0]).toMatchObject({ suggestedLevel: null, suggestedRag: null, suggestionReasons: [] });
    // Still reviewed on the day of the review, not of the edit.
    expect(after.provider.lastReviewDate).toBe(today());
    const timeline = await call(ctx().app, '/api/providers/matrix-edit/timeline', { cookie: ctx().cookies.qa });
    expect(timeline.json.events.map((e: { title: string }) => e.title)).toContain(
      'Monitoring level changed on the register: level 3 to 5',
    );
    // An edit that leaves the level alone adds nothing.
    await call(ctx().app, '/api/providers/matrix-edit', {
      method: 'PUT',
      cookie: ctx().cookies.qa,
      body: providerRow({
        id: 'matrix-edit',
        name: 'Matrix Edit Home (renamed)',
        serviceType: 'care-home',
        monitoringLevel: 5,
      }),
    });
    expect((await state('matrix-edit')).reviews).toHaveLength(2);
  });

  it('answers 404 for a provider not on the register, and 422 for a malformed decision', async () => {
    const { cookies } = ctx();
    expect((await call(ctx().app, path('nobody'), { cookie: cookies.qa })).status).toBe(404);
    const ok = decision(3, 'green');
    expect((await decide('nobody', ok)).status).toBe(404);
    const bad = await decide('matrix-day', { ...ok, level: 6, rag: 'purple' });
    expect(refusedPaths(bad).sort()).toEqual(['level', 'rag']);
  });
}
