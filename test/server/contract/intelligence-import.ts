// Intelligence import from CSV (POST /api/providers/intelligence/import): a good file imports
// every row attributed to the importing person; a file with a bad row imports nothing and names
// the row and column; the same rows imported again are not counted twice; only QA and managers.
// Also the people list the office assignment form reads: a manager sees only their own team.
import { expect, it } from 'vitest';
import { Briefing, IntelligenceEntry } from '../../../src/shared/briefings/register';
import { call } from '../helpers';
import type { Ctx } from './ctx';
import { addProvider, refusedPaths } from './steps';

const PROVIDER = 'intel-import-home';

const GOOD =
  'provider_id,kind,date,summary,status,overall,safe,effective,caring,responsive,well_led,notified_to_cqc,source,sentiment,outcome\r\n' +
  `${PROVIDER},CQC inspection,12/03/2025,Report published,,Requires improvement,Good,Good,Outstanding,Good,Inadequate,,,,\r\n` +
  `${PROVIDER},Complaint,2025-06-02,"Relative unhappy with laundry, second time",Open,,,,,,,,,,\r\n` +
  `${PROVIDER},safeguarding,01/07/2025,Unexplained bruising reported,closed,,,,,,,,,,\r\n` +
  `${PROVIDER},Incident,2025-07-15,Fall in the lounge,,,,,,,,Yes,,,\r\n` +
  `${PROVIDER},Feedback,2025-08-20,District nurse: good wound care,,,,,,,,,District nurse,Positive,\r\n` +
  `${PROVIDER},Fire inspection,2025-09-09,Fire doors wedged open,,,,,,,,,,,Action required\r\n`;

export function intelligenceImportContract(ctx: () => Ctx) {
  /** `cookie` null: signed out. */
  const upload = (text: string, cookie: string | null = ctx().cookies.qa, contentType = 'text/csv') =>
    call(ctx().app, '/api/providers/intelligence/import', {
      method: 'POST',
      raw: text,
      contentType,
      ...(cookie ? { cookie } : {}),
    });
  const count = async () =>
    Number((await ctx().db.query<{ n: string }>('SELECT count(*) AS n FROM intelligence'))[0]?.n);
  const entries = async () =>
    (await call(ctx().app, `/api/providers/${PROVIDER}/intelligence`, { cookie: ctx().cookies.officer })).json
      .entries as IntelligenceEntry[];

  it('imports every row of a good file, attributed to the importer and dated by the server', async () => {
    const { app, cookies, clock, users } = ctx();
    await addProvider(ctx(), { id: PROVIDER, name: 'Intel Import Home' });
    const res = await upload(GOOD, cookies.manager);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      imported: 6,
      alreadyRecorded: 0,
      providerIds: [PROVIDER],
      byKind: {
        'cqc-inspection': 1,
        complaint: 1,
        'safeguarding-referral': 1,
        incident: 1,
        feedback: 1,
        'fire-inspection': 1,
      },
    });
    const stored = await entries();
    expect(stored).toHaveLength(6);
    for (const e of stored) {
      expect(IntelligenceEntry.safeParse(e).success).toBe(true);
      expect(e).toMatchObject({
        providerId: PROVIDER,
        recordedBy: 'Priya Shah',
        recordedAt: clock.now().toISOString(),
      });
    }
    // Newest first, each kind's own fields read from its columns.
    expect(stored.map((e) => e.date)).toEqual([
      '2025-09-09',
      '2025-08-20',
      '2025-07-15',
      '2025-07-01',
      '2025-06-02',
      '2025-03-12',
    ]);
    expect(stored.find((e) => e.kind === 'cqc-inspection')).toMatchObject({
      overall: 'requires-improvement',
      keyQuestions: {
        safe: 'good',
        effective: 'good',
        caring: 'outstanding',
        responsive: 'good',
        wellLed: 'inadequate',
      },
    });
    expect(stored.find((e) => e.kind === 'complaint')).toMatchObject({
      status: 'open',
      summary: 'Relative unhappy with laundry, second time',
    });
    expect(stored.find((e) => e.kind === 'safeguarding-referral')).toMatchObject({ status: 'closed' });
    expect(stored.find((e) => e.kind === 'incident')).toMatchObject({ notifiedToCqc: true });
    expect(stored.find((e) => e.kind === 'feedback')).toMatchObject({
      source: 'district-nurse',
      sentiment: 'positive',
    });
    expect(stored.find((e) => e.kind === 'fire-inspection')).toMatchObject({ outcome: 'action-required' });
    const who = await ctx().db.query<{ recorded_by: string }>(
      'SELECT DISTINCT recorded_by FROM intelligence WHERE provider_id = $1',
      [PROVIDER],
    );
    expect(who).toEqual([{ recorded_by: users.manager.id }]);
    const audit = await ctx().db.query("SELECT 1 FROM audit_log WHERE action = 'intelligence.import'");
    expect(audit.length).toBeGreaterThan(0);

    const briefing = Briefing.parse(
      (await call(app, `/api/providers/${PROVIDER}/briefing`, { cookie: cookies.officer })).json,
    );
    expect(briefing.complaints.open).toBe(1);
    expect(briefing.fireInspection).toMatchObject({ date: '2025-09-09', outcome: 'action-required' });
  });

  it('skips rows already recorded when the same rows are imported again', async () => {
    const before = await count();
    const extra = `${PROVIDER},Complaint,2025-10-01,Call bell not answered,Open,,,,,,,,,,\n`;
    const res = await upload(GOOD + extra);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ imported: 1, alreadyRecorded: 6, byKind: { complaint: 1 } });
    expect(await count()).toBe(before + 1);
  });

  it('imports nothing from a file with a bad row and names each bad row and column', async () => {
    const before = await count();
    const res = await upload(
      'provider_id,kind,date,summary,status,notified_to_cqc\n' +
        `${PROVIDER},Complaint,2025-10-02,Food served cold,Open,\n` +
        `${PROVIDER},Complaint,31/02/2025,Lost hearing aid,Pending,\n` +
        `nowhere-home,Incident,2025-10-03,Fall,,Maybe\n` +
        `${PROVIDER},Gossip,2025-10-04,Heard in the pub,,\n` +
        `${PROVIDER},Incident,2025-10-05,Medication error,Open,No\n`,
    );
    expect(res.json.error).toBe('invalid');
    expect(res.json.message).toBe('Nothing was imported: 4 row(s) need correcting');
    expect(refusedPaths(res)).toEqual([
      'row 3 column date',
      'row 3 column status',
      'row 4 column provider_id',
      'row 4 column notified_to_cqc',
      'row 5 column kind',
      'row 6 column status',
    ]);
    expect(res.json.issues[0].message).toBe('"31/02/2025" is not a real date');
    expect(res.json.issues[5].message).toMatch(/an incident does not use this column/);
    expect(await count()).toBe(before);
    expect((await entries()).some((e) => e.summary === 'Food served cold')).toBe(false);
  });

  it('names missing and unknown headings, and refuses a file that is not CSV', async () => {
    const res = await upload('provider,kind,when\nwillow-bank,Complaint,2025-01-01\n');
    expect(refusedPaths(res)).toEqual([
      'row 1 column provider',
      'row 1 column when',
      'row 1 column provider_id',
      'row 1 column date',
    ]);
    expect((await upload(GOOD, ctx().cookies.qa, 'text/plain')).status).toBe(415);
  });

  it('lets only QA and managers import (officers 403, signed out 401)', async () => {
    const before = await count();
    const { cookies } = ctx();
    const row = `provider_id,kind,date,summary,status\n${PROVIDER},Complaint,2025-10-06,Officer tried this,Open\n`;
    expect((await upload(row, cookies.officer)).status).toBe(403);
    expect((await upload(row, cookies.officer2)).status).toBe(403);
    expect((await upload(row, null)).status).toBe(401);
    expect(await count()).toBe(before);
    expect((await upload(row, cookies.manager2)).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('lists only the people of their own team to a manager (the officers they may assign to)', async () => {
    const { app, cookies, users } = ctx();
    const ids = async (cookie: string) =>
      ((await call(app, '/api/users', { cookie })).json.users as Array<{ id: string }>).map((u) => u.id);
    const north = await ids(cookies.manager);
    expect(north).toContain(users.officer.id);
    expect(north).not.toContain(users.officer2.id);
    expect(north).not.toContain(users.qa.id);
    expect(await ids(cookies.manager2)).toContain(users.officer2.id);
    expect(await ids(cookies.qa)).toEqual(
      expect.arrayContaining([users.officer.id, users.officer2.id, users.manager.id, users.qa.id]),
    );
  });
}
