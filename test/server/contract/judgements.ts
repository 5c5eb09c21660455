// Observations, audits, ratings and actions through PUT /api/submissions: each kind is accepted
// on its own template, a rating that departs from the rule's suggestion needs a reason, and an
// action raised on a care-home visit reaches that provider's next briefing, due 3 months on.
import { expect, it } from 'vitest';
import type { Briefing } from '../../../src/shared/briefings/register';
import type { RaisedAction, RecordBody } from '../../../src/shared/records/schema';
import { PullResponse } from '../../../src/shared/sync/schema';
import type { Template } from '../../../src/shared/templates/schema';
import { suggestOverallRating } from '../../../src/shared/records/scoring';
import { builtInTemplates } from '../../../src/shared/templates/index';
import { call, raisedAction, recordBody } from '../helpers';
import type { Ctx } from './ctx';
import { refusedPaths } from './steps';

const latest = (id: string): Template => {
  const found = builtInTemplates.filter((t) => t.id === id).sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`built-in template ${id} is missing`);
  return found;
};
const observation = {
  practitionerName: 'Alex Morgan',
  practitionerRole: 'Social worker',
  team: 'North Children in Need',
  date: '2026-03-02',
};
const audit = {
  caseReference: 'CIN-20931',
  practitionerName: 'Alex Morgan',
  team: 'North Children in Need',
  date: '2026-03-03',
};
const visit = { providerId: 'willow-bank', date: '2026-03-04', announced: true, spokeWith: 'Registered manager' };

export function judgementsContract(ctx: () => Ctx) {
  const put = (body: RecordBody, cookie: string) =>
    call(ctx().app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie });
  /** The officer's QMF visit to Willow Bank, stored (201), raising one action made of `fields`; that action. */
  const raiseOnVisit = async (fields: Parameters<typeof raisedAction>[0]): Promise<RaisedAction> => {
    const action = raisedAction(fields);
    const res = await put(recordBody(latest('qmf-care-home'), visit, { actions: [action] }), ctx().cookies.officer);
    expect(res.status).toBe(201);
    return action;
  };
  /** The open actions in Willow Bank's briefing, by id, as the officer's device is given it. */
  const openActionIds = async () =>
    (
      (await call(ctx().app, '/api/providers/willow-bank/briefing', { cookie: ctx().cookies.officer })).json as Briefing
    ).openActions.map((a) => a.id);

  it('stores an observation of practice and a case file audit on their own templates, and refuses a kind its template does not make', async () => {
    const { cookies } = ctx();
    for (const [id, details] of [
      ['observation-home-visit', observation],
      ['observation-case-conference', observation],
      ['case-file-audit', audit],
    ] as const) {
      const res = await put(recordBody(latest(id), details), cookies.manager);
      expect(res.status, `${id}: ${JSON.stringify(res.json)}`).toBe(201);
    }
    const wrong = recordBody(latest('case-file-audit'), observation, { kind: 'observation' });
    const refused = await put(wrong, cookies.manager);
    expect(refusedPaths(refused)).toContain('kind');
  });

  it('needs a written reason for a rating other than the suggested one, and refuses a suggestion the rules did not make', async () => {
    const { cookies } = ctx();
    const template = latest('case-file-audit');
    const body = recordBody(template, audit);
    const section = template.sections.find((s) => s.rated)!;
    const suggested = body.sectionRatings[section.id]!;
    const other = template.ratingScale.find((r) => r.value !== suggested)!.value;

    const noReason = await put(
      { ...body, sectionRatings: { ...body.sectionRatings, [section.id]: other } },
      cookies.manager,
    );
    expect(refusedPaths(noReason)).toContain(`ratingOverrides.${section.id}`);

    const wrongSuggestion = await put(
      {
        ...body,
        id: crypto.randomUUID(),
        sectionRatings: { ...body.sectionRatings, [section.id]: other },
        ratingOverrides: { [section.id]: { suggested: other, reason: 'Claimed' } },
      },
      cookies.manager,
    );
    expect(wrongSuggestion.status).toBe(422);

    // The overall suggestion follows the section ratings as given: keep the overall and explain it too if it moved.
    const ratings = { ...body.sectionRatings, [section.id]: other };
    const overallNow = suggestOverallRating(template, ratings).rating!;
    const withReason = await put(
      {
        ...body,
        id: crypto.randomUUID(),
        sectionRatings: ratings,
        ratingOverrides: {
          [section.id]: { suggested, reason: 'Records were incomplete but the worker knew the family well.' },
          ...(overallNow === body.overallRating
            ? {}
            : { overall: { suggested: overallNow, reason: 'The grade reflects the whole file.' } }),
        },
      },
      cookies.manager,
    );
    expect(withReason.status, JSON.stringify(withReason.json)).toBe(201);
  });

  it('puts a significant action from a care-home visit into the provider’s briefing, open and due 3 months on; an amendment edits it', async () => {
    const { app, cookies } = ctx();
    const template = latest('qmf-care-home');
    const action = raisedAction({
      title: 'Replace the broken call bell in room 12',
      detail: 'The call bell in room 12 did not sound at the nurses’ station.',
      significance: 'significant',
      dueDate: '2026-06-04',
    });
    const body = recordBody(template, visit, { actions: [action] });
    const stored = await put(body, cookies.officer);
    expect(stored.status, JSON.stringify(stored.json)).toBe(201);

    const briefing = async () =>
      (await call(app, '/api/providers/willow-bank/briefing', { cookie: cookies.officer })).json as Briefing;
    const open = (await briefing()).openActions.find((a) => a.id === action.id);
    expect(open).toMatchObject({
      title: action.title,
      status: 'open',
      dueDate: '2026-06-04',
      raisedOn: '2026-03-04',
      significance: 'significant',
      sourceSubmissionId: body.id,
    });

    // Revision 2 changes the due date and adds nothing; revision 3 on a stale base is refused and changes nothing.
    const amended = { ...body, revision: 2, baseRevision: 1, actions: [{ ...action, dueDate: '2026-05-01' }] };
    expect((await put(amended, cookies.officer)).status).toBe(201);
    expect((await briefing()).openActions.find((a) => a.id === action.id)?.dueDate).toBe('2026-05-01');
    const stale = await put({ ...body, revision: 3, baseRevision: 1, actions: [] }, cookies.officer);
    expect(stale.status).toBe(409);
    expect((await briefing()).openActions.find((a) => a.id === action.id)?.dueDate).toBe('2026-05-01');
    const current = await call(app, `/api/submissions/${body.id}`, { cookie: cookies.officer });
    expect(current.json.revision).toBe(2);

    // An action on a visit is owned by the provider; one claiming the practitioner is refused.
    const wrongOwner = recordBody(template, visit, {
      actions: [{ ...action, id: crypto.randomUUID(), owner: 'practitioner' }],
    });
    expect((await put(wrongOwner, cookies.officer)).status).toBe(422);
  });

  it('returns a record for amendment with a comment; the amendment clears it; decisions on a stale revision are refused; history lists both', async () => {
    const { app, cookies } = ctx();
    const body = recordBody(latest('observation-home-visit'), observation);
    expect((await put(body, cookies.manager)).status).toBe(201);
    const review = (cookie: string, decision: string, revision: number, comment = '') =>
      call(app, `/api/submissions/${body.id}/review`, {
        method: 'POST',
        cookie,
        body: { decision, revision, comment },
      });

    expect((await review(cookies.manager, 'sign-off', 1)).status).toBe(403); // nobody reviews their own record
    expect((await review(cookies.officer, 'sign-off', 1)).status).toBe(404); // nor sees a manager's
    expect((await review(cookies.qa, 'return', 1)).status).toBe(422); // a return says what to amend
    const returned = await review(cookies.qa, 'return', 1, 'Add the family’s feedback and the consent details.');
    expect(returned.status).toBe(200);
    expect(returned.json).toMatchObject({
      reviewStatus: 'returned',
      review: { status: 'returned', revision: 1, comment: 'Add the family’s feedback and the consent details.' },
    });

    const pulled = (await call(app, '/api/sync/pull', { cookie: cookies.manager })).json;
    expect(pulled.returned.map((r: { id: string }) => r.id)).toEqual([body.id]);
    expect((await call(app, '/api/sync/pull', { cookie: cookies.officer })).json.returned).toEqual([]);

    const amended = { ...body, revision: 2, baseRevision: 1, answers: { ...body.answers } };
    expect((await put(amended, cookies.manager)).status).toBe(201);
    expect((await call(app, '/api/sync/pull', { cookie: cookies.manager })).json.returned).toEqual([]);
    expect((await review(cookies.qa, 'sign-off', 1)).status).toBe(409);
    const signed = await review(cookies.qa, 'sign-off', 2);
    expect(signed.json).toMatchObject({ revision: 2, reviewStatus: 'signed-off' });

    const history = await call(app, `/api/submissions/${body.id}/revisions`, { cookie: cookies.manager });
    expect(
      history.json.revisions.map((r: { revision: number; reviewStatus: string }) => [r.revision, r.reviewStatus]),
    ).toEqual([
      [1, 'submitted'],
      [2, 'signed-off'],
    ]);
    expect(history.json.reviews.map((r: { revision: number; status: string }) => [r.revision, r.status])).toEqual([
      [1, 'returned'],
      [2, 'signed-off'],
    ]);
  });

  it('sends a returned record whole in a pull once after each decision, and lists every returned id on every pull', async () => {
    const { app, cookies } = ctx();
    const pull = async (cookie: string, cursor: string | null = null) => {
      const res = await call(app, `/api/sync/pull${cursor ? `?cursor=${cursor}` : ''}`, { cookie });
      expect(res.status).toBe(200);
      return PullResponse.parse(res.json);
    };
    const body = recordBody(latest('observation-home-visit'), { ...observation, practitionerName: 'Sam Lee' });
    const decide = (decision: string, revision: number, comment: string) =>
      call(app, `/api/submissions/${body.id}/review`, {
        method: 'POST',
        cookie: cookies.qa,
        body: { decision, revision, comment },
      });
    expect((await put(body, cookies.manager)).status).toBe(201);
    const before = await pull(cookies.manager);
    expect(before.scope.returned).toEqual([]);

    expect((await decide('return', 1, 'Add the family’s feedback.')).status).toBe(200);
    const returned = await pull(cookies.manager, before.cursor);
    expect(returned.returned.map((r) => [r.id, r.review?.comment])).toEqual([[body.id, 'Add the family’s feedback.']]);
    expect(returned.scope.returned).toEqual([body.id]);

    // Unchanged since the cursor: listed, not sent again; a full pull still sends it whole.
    const unchanged = await pull(cookies.manager, returned.cursor);
    expect(unchanged.returned).toEqual([]);
    expect(unchanged.scope.returned).toEqual([body.id]);
    expect((await pull(cookies.manager)).returned.map((r) => r.id)).toEqual([body.id]);
    expect((await pull(cookies.officer)).scope.returned).toEqual([]); // only its author is sent it

    // Amended, it is no longer returned; returned again, it is sent again, with the new decision.
    expect((await put({ ...body, revision: 2, baseRevision: 1 }, cookies.manager)).status).toBe(201);
    const amended = await pull(cookies.manager, unchanged.cursor);
    expect(amended.returned).toEqual([]);
    expect(amended.scope.returned).toEqual([]);
    expect((await decide('return', 2, 'And the consent details.')).status).toBe(200);
    const again = await pull(cookies.manager, amended.cursor);
    expect(again.returned.map((r) => [r.id, r.revision, r.review?.comment])).toEqual([
      [body.id, 2, 'And the consent details.'],
    ]);
    expect(again.scope.returned).toEqual([body.id]);
    expect((await pull(cookies.manager, again.cursor)).returned).toEqual([]);

    // Left with nothing of the manager's returned, as the other tests expect.
    expect((await put({ ...body, revision: 3, baseRevision: 2 }, cookies.manager)).status).toBe(201);
    expect((await pull(cookies.manager)).scope.returned).toEqual([]);
  });

  it('moves an action on with evidence, and the briefing shows only open ones', async () => {
    const { app, cookies } = ctx();
    const action = await raiseOnVisit({
      title: 'Update the fire risk assessment',
      detail: 'It is out of date.',
      dueDate: '2026-09-04',
    });
    const patch = (status: string, evidence: string, cookie = cookies.officer) =>
      call(app, `/api/actions/${action.id}`, { method: 'PATCH', cookie, body: { status, evidence } });
    expect((await patch('done', '')).status).toBe(422);
    expect((await patch('in-progress', '')).status).toBe(200);
    const listed = await call(app, '/api/actions?status=in-progress', { cookie: cookies.manager2 });
    expect(listed.json.actions.map((a: { id: string }) => a.id)).toContain(action.id);
    const done = await patch(
      'verified',
      'New assessment dated 1 August seen at the follow-up visit.',
      cookies.officer2,
    );
    expect(done.json).toMatchObject({
      status: 'verified',
      evidence: 'New assessment dated 1 August seen at the follow-up visit.',
    });
    expect(await openActionIds()).not.toContain(action.id);
    expect(
      (
        await call(app, '/api/actions/nope', {
          method: 'PATCH',
          cookie: cookies.qa,
          body: { status: 'open', evidence: '' },
        })
      ).status,
    ).toBe(404);
  });

  it('updates earlier actions checked on a visit, and refuses a done check without evidence', async () => {
    const { app, cookies } = ctx();
    const action = await raiseOnVisit({
      title: 'Fix the sluice room lock',
      detail: 'Lock broken.',
      significance: 'significant',
      dueDate: '2026-06-04',
    });
    const next = { ...visit, date: '2026-04-10' };
    const noEvidence = recordBody(latest('qmf-care-home'), next, {
      actionChecks: [{ actionId: action.id, status: 'done', evidence: '' }],
    });
    expect((await put(noEvidence, cookies.officer2)).status).toBe(422);
    const checked = recordBody(latest('qmf-care-home'), next, {
      actionChecks: [{ actionId: action.id, status: 'verified', evidence: 'New lock fitted and working.' }],
    });
    expect((await put(checked, cookies.officer2)).status).toBe(201);
    expect(await openActionIds()).not.toContain(action.id);
    const all = (await call(app, '/api/actions?status=verified', { cookie: cookies.qa })).json.actions as Array<{
      id: string;
      evidence: string;
    }>;
    expect(all.find((a) => a.id === action.id)?.evidence).toBe('New lock fitted and working.');
  });

  it('lists a manager’s team deadlines: overdue actions and records waiting for their sign-off', async () => {
    const { app, cookies } = ctx();
    const body = recordBody(latest('case-file-audit'), audit, {
      actions: [
        raisedAction({
          title: 'Update the chronology',
          detail: 'Missing since May.',
          owner: 'practitioner',
          dueDate: '2026-03-10',
        }),
      ],
    });
    expect((await put(body, cookies.officer)).status).toBe(201);
    const forManager = (await call(app, '/api/deadlines', { cookie: cookies.manager })).json;
    expect(forManager.awaitingSignOff.map((r: { id: string }) => r.id)).toContain(body.id);
    expect(forManager.actions.map((a: { title: string }) => a.title)).toContain('Update the chronology');
    const otherTeam = (await call(app, '/api/deadlines', { cookie: cookies.manager2 })).json;
    expect(otherTeam.awaitingSignOff.map((r: { id: string }) => r.id)).not.toContain(body.id);
    expect(otherTeam.actions.map((a: { title: string }) => a.title)).not.toContain('Update the chronology');
  });
}
