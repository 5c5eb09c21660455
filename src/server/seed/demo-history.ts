// Seeds the demo history (demo-history-data.ts) through the same store functions the routes use:
// records through putSubmission, received on their own dates, so their effects (last visits,
// actions, files) are the real ones; then the actions' closure, the QA manager's sign-offs, the
// RAG changes, the intelligence and the escalations. Refuses data that the server itself would refuse.
import { createHash, randomUUID } from 'node:crypto';
import { actionDueDate } from '../../shared/deadlines';
import { canonicalJson, submissionIssues } from '../../shared/records/record-rules';
import type { IntelligenceEntry } from '../../shared/briefings/register';
import { type SessionUser } from '../../shared/auth/schema';
import { type RaisedAction, type Review, type RecordBody } from '../../shared/records/schema';
import { Template } from '../../shared/templates/schema';
import { builtInTemplates } from '../../shared/templates/index';
import type { Db } from '../db';
import { insertIntelligence } from '../intelligence/store';
import { recordRagChange } from '../providers/store';
import { storeReview } from '../records/review-store';
import { putSubmission } from '../records/store';
import {
  type HistoryAction,
  historyEscalations,
  historyIntelligence,
  historyPractice,
  historyRagChanges,
  historyVisitTemplate,
  historyVisits,
  visitOverall,
  REGISTERED_ON,
} from './demo-history-data';
import { makeRecord } from './record-maker';
import { seedEscalation } from './demo-escalations';
import { addDays } from '../../shared/calendar';

type People = Map<string, SessionUser>;

const template = (id: string, version: number): Template => {
  const found = builtInTemplates.find((t) => t.id === id && t.version === version);
  if (found === undefined) throw new Error(`demo history: no built-in template ${id} v${version}`);
  return Template.parse(found);
};

const at = (day: string, time = '16:00:00') => new Date(`${day}T${time}Z`);

function raised(
  t: Template,
  date: string,
  owner: RaisedAction['owner'],
  actions: HistoryAction[] = [],
): { raised: RaisedAction[]; closures: Map<string, HistoryAction['closed']> } {
  const closures = new Map<string, HistoryAction['closed']>();
  const list = actions.map((a) => {
    const id = randomUUID();
    closures.set(id, a.closed);
    return {
      id,
      itemId: a.item,
      title: a.title,
      detail: '',
      significance: a.significance,
      owner,
      dueDate: actionDueDate(t, a.significance, date),
    };
  });
  return { raised: list, closures };
}

async function store(
  db: Db,
  t: Template,
  body: RecordBody,
  expectedOverall: string,
  submitter: SessionUser,
  received: string,
): Promise<void> {
  const issues = submissionIssues(t, body);
  if (issues.length > 0)
    throw new Error(
      `demo history: ${body.kind} of ${body.details.date} is not valid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    );
  if (body.overallRating !== expectedOverall)
    throw new Error(
      `demo history: ${body.kind} of ${body.details.date} rates ${body.overallRating}, not ${expectedOverall}`,
    );
  const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  const result = await putSubmission(db, { body, bodyHash, user: submitter, now: at(received) });
  if (result.kind !== 'stored')
    throw new Error(`demo history: ${body.kind} of ${body.details.date} was not stored (${result.kind})`);
}

async function closeActions(
  db: Db,
  closures: Map<string, HistoryAction['closed']>,
  closer: SessionUser,
): Promise<void> {
  for (const [id, closed] of closures) {
    if (closed === undefined) continue;
    const patch = {
      status: closed.status,
      evidence: closed.status === 'verified' ? 'Seen in place at a follow-up check.' : 'Evidence sent by the provider.',
      closedOn: closed.on,
      statusChangedAt: at(closed.on).toISOString(),
      statusChangedBy: closer.name,
    };
    await db.query('UPDATE actions SET status = $2, body = body || $3::jsonb WHERE id = $1', [
      id,
      closed.status,
      JSON.stringify(patch),
    ]);
  }
}

async function signOff(db: Db, body: RecordBody, reviewer: SessionUser, day: string): Promise<void> {
  const review: Review = {
    status: 'signed-off',
    revision: 1,
    comment: '',
    reviewerId: reviewer.id,
    reviewerName: reviewer.name,
    at: at(day, '11:00:00').toISOString(),
  };
  await db.transaction((tx) => storeReview(tx, body.id, review, at(day, '11:00:00')));
}

/** Sign-off comes two days after receipt. */
const twoDaysAfter = (day: string) => addDays(day, 2);

export async function seedDemoHistory(db: Db, people: People, providerIds: string[]): Promise<void> {
  const person = (email: string) => {
    const found = people.get(email);
    if (found === undefined) throw new Error(`demo history: no demo person ${email}`);
    return found;
  };
  const qa = person('qa@example.org');
  const manager = person('manager@example.org');
  await db.query('UPDATE providers SET registered_on = $2 WHERE id = ANY($1::text[])', [providerIds, REGISTERED_ON]);

  for (const visit of historyVisits) {
    // The care home QMF for care and nursing homes, the home care or supported living template for those services.
    const made = historyVisitTemplate(visit.provider);
    const qmf = template(made.id, made.version);
    const { raised: actions, closures } = raised(qmf, visit.date, 'provider', visit.actions);
    const body = makeRecord(
      qmf,
      { providerId: visit.provider, date: visit.date, announced: true, spokeWith: 'Registered manager' },
      {
        targets: visit.areas ?? {},
        overrides: { actions },
      },
    );
    await store(db, qmf, body, visitOverall(visit), person(visit.officer), visit.date);
    await closeActions(db, closures, qa);
    if ((visit.review ?? 'signed-off') === 'signed-off') await signOff(db, body, qa, twoDaysAfter(visit.date));
  }

  const observation = template('observation-home-visit', 1);
  const audit = template('case-file-audit', 1);
  for (const record of historyPractice) {
    const t = record.kind === 'observation' ? observation : audit;
    const { raised: actions, closures } = raised(t, record.date, 'practitioner', record.actions);
    const details =
      record.kind === 'observation'
        ? {
            practitionerName: record.practitioner,
            practitionerRole: 'Social worker',
            team: 'Children North',
            date: record.date,
          }
        : {
            caseReference: record.caseReference ?? '',
            practitionerName: record.practitioner,
            team: 'Children North',
            date: record.date,
            feedbackSentOn: record.feedbackSent ?? null,
          };
    const body = makeRecord(t, details, {
      targets: record.ratings,
      overrides: { actions, completedAt: `${record.completed}T16:40:00+01:00` },
    });
    await store(db, t, body, record.overall, manager, record.received);
    await closeActions(db, closures, manager);
    if (record.review === 'signed-off') await signOff(db, body, qa, twoDaysAfter(record.received));
  }

  await db.transaction(async (tx) => {
    for (const change of historyRagChanges) {
      await recordRagChange(tx, {
        providerId: change.provider,
        at: at(change.on, '10:00:00'),
        userId: qa.id,
        from: change.from,
        to: change.to,
        reason: change.reason,
      });
      await tx.query(
        `UPDATE providers SET body = body || jsonb_build_object('ragChangedAt', $2::text, 'ragReason', $3::text) WHERE id = $1`,
        [change.provider, change.on, change.reason],
      );
    }
    for (const item of historyIntelligence) {
      const entry = {
        id: randomUUID(),
        providerId: item.provider,
        kind: item.kind,
        date: item.date,
        summary: item.summary,
        recordedBy: qa.name,
        recordedAt: at(item.date).toISOString(),
        ...item.extra,
      } as IntelligenceEntry;
      await insertIntelligence(tx, entry, qa.id);
    }
    for (const escalation of historyEscalations) await seedEscalation(tx, escalation, qa, at);
  });
}
