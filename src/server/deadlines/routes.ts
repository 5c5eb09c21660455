// GET /api/deadlines: what is due or overdue for the people this person oversees (issue 4):
// open actions they may see, overdue first; observations and audits waiting for their sign-off;
// and records written up after their deadline: finished on the device after it, counted in the
// council's calendar or working days (shared/deadlines.ts). "Today" is the
// council's day (Europe/London), from the server's clock.
import { Deadlines, type DeadlineRecord } from '../../shared/actions/api-schemas';
import { calendarDay } from '../../shared/calendar';
import { type DeadlineRules, writeUpDue, writtenUpOn } from '../../shared/deadlines';
import { recordSubject } from '../../shared/records/record-rules';
import { routeDeclarer, reply, type ApiRoute } from '../http/route';
import { openActionsFor, recordsReceivedSince, type ReceivedRecord } from './store';

const route = routeDeclarer('actions');

const LATE_WINDOW_DAYS = 92;

const toDeadlineRecord = (r: ReceivedRecord, rules: DeadlineRules): DeadlineRecord => ({
  id: r.id,
  kind: r.body.kind,
  subject: recordSubject(r.body),
  submitterName: r.submitter_name,
  date: r.body.details.date,
  receivedAt: new Date(r.received_at).toISOString(),
  dueDate: writeUpDue(r.body.kind, r.body.details.date, rules),
  writtenUpOn: writtenUpOn({
    date: r.body.details.date,
    completedAt: r.body.completedAt ?? null,
    receivedOn: calendarDay(new Date(r.first_received)),
  }),
});

export const deadlineRoutes: readonly ApiRoute[] = [
  route('GET /api/deadlines', 'signed-in', {
    summary: 'What is due or overdue',
    responses: { 200: reply('Deadlines', Deadlines) },
    handler: async (c, deps) => {
      const user = c.get('user');
      const rules = deps.config.deadlineRules;
      const now = deps.now();
      const since = new Date(now.getTime() - LATE_WINDOW_DAYS * 86_400_000);
      const actions = await openActionsFor(deps.db, user);
      const records = await recordsReceivedSince(deps.db, user, since);
      const awaitingSignOff =
        user.role === 'officer'
          ? []
          : records
              .filter((r) => r.review_status === 'submitted' && r.submitter_id !== user.id)
              .map((r) => toDeadlineRecord(r, rules));
      // Late when finished on the device after the deadline (not when it reached the council).
      const late = records
        .map((r) => toDeadlineRecord(r, rules))
        .filter((r) => r.dueDate !== null && r.writtenUpOn > r.dueDate);
      const answer: Deadlines = {
        today: calendarDay(now),
        actions,
        awaitingSignOff,
        late,
      };
      return c.json(answer);
    },
  }),
];
