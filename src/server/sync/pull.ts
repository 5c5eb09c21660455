// What GET /api/sync/pull answers (docs/sync-contract.md, issue 3; the route is in ./routes.ts). Global
// collections (templates, providers) are incremental by change_seq with removals as tombstones; a
// missing cursor, one ahead of this database or one issued under other visit frequencies gets a
// full snapshot. Scoped collections (briefings, assignments) send what changed since the cursor or
// is new to the device, and `scope` lists everything the person may hold now, on every pull.
// Records returned for amendment are sent whole after each decision on them (their review_seq is
// after the cursor), and listed by id in `scope.returned` on every pull. Only the server's clock
// is read.
import { createHash } from 'node:crypto';
import type { Assignment, Briefing } from '../../shared/briefings/register';
import type { SessionUser } from '../../shared/auth/schema';
import type { PullResponse } from '../../shared/sync/schema';
import type { Template } from '../../shared/templates/schema';
import { compileBriefing } from '../briefings/compile';
import { type Config, devicePolicy } from '../config';
import { readHighWater } from '../db/change-seq';
import type { Deps } from '../http/env';
import { PROVIDER_COLUMNS, type ProviderRow, toRecord } from '../providers/store';
import { type Cursor, encodeCursor } from './cursor';
import { loadScope, saveScope, scopeFor, scopeKey } from './scope';
import { returnedIds, returnedTo } from '../records/store';
import { calendarDay } from '../../shared/calendar';

/** Changes when anything derived fields depend on changes, forcing a full snapshot. */
export const configTag = (config: Pick<Config, 'visitFrequencyMonths'>): string =>
  createHash('sha256').update(JSON.stringify(config.visitFrequencyMonths)).digest('hex').slice(0, 8);

/** One pull for this person since the cursor (null: a full snapshot), in one transaction. */
export async function pull(deps: Deps, user: SessionUser, since: Cursor | null): Promise<PullResponse> {
  const now = deps.now();
  const today = calendarDay(now);
  const frequencies = deps.config.visitFrequencyMonths;
  const tag = configTag(deps.config);
  // Every change numbered at or below `high` has committed (db/change-seq.ts), so the reads below,
  // each seeing what was committed before it began, hold all of them; later changes they may also
  // see are sent again after this cursor.
  const high = await readHighWater(deps.db);
  return deps.db.transaction(async (tx) => {
    const full = since === null || since.seq > high || since.configTag !== tag;
    const after = full || since === null ? 0 : since.seq;

    const templates = await tx.query<{ body: Template }>(
      'SELECT body FROM templates WHERE change_seq > $1 ORDER BY id, version',
      [after],
    );
    const providers = await tx.query<ProviderRow>(
      `SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.change_seq > $1 AND p.removed_at IS NULL ORDER BY p.id`,
      [after],
    );
    const removed = full
      ? []
      : await tx.query<{ id: string }>(
          'SELECT id FROM providers WHERE change_seq > $1 AND removed_at IS NOT NULL ORDER BY id',
          [after],
        );

    const scope = await scopeFor(tx, user, today, frequencies);
    const key = scopeKey(user.id, scope);
    const held = full || since?.scopeKey == null ? null : await loadScope(tx, user.id, since.scopeKey);
    const sameDay = since?.day === today.replaceAll('-', '');
    await saveScope(tx, user.id, key, scope, now);

    const briefingRows =
      scope.briefings.length === 0
        ? []
        : await tx.query<ProviderRow & { briefing_seq: string | number }>(
            `SELECT ${PROVIDER_COLUMNS}, p.briefing_seq FROM providers p WHERE p.id = ANY($1::text[]) ORDER BY p.id`,
            [scope.briefings],
          );
    const briefings: Briefing[] = [];
    for (const row of briefingRows) {
      const fresh = held === null || !sameDay || !held.briefings.has(row.id) || Number(row.briefing_seq) > after;
      if (!fresh) continue;
      const briefing = await compileBriefing(tx, row, { frequencies, now });
      if (briefing !== null) briefings.push(briefing);
    }
    const sendAssignments = scope.assignments
      .filter((a) => held === null || !held.assignments.has(a.id) || a.change_seq > after)
      .map((a) => a.id);
    const assignments =
      sendAssignments.length === 0
        ? []
        : await tx.query<{ body: Assignment }>('SELECT body FROM assignments WHERE id = ANY($1::text[]) ORDER BY id', [
            sendAssignments,
          ]);

    return {
      cursor: encodeCursor({
        seq: Math.max(high, after),
        day: today.replaceAll('-', ''),
        scopeKey: key,
        configTag: tag,
      }),
      full,
      templates: templates.map((r) => r.body),
      providers: providers.map((r) => toRecord(r, frequencies)),
      briefings,
      assignments: assignments.map((r) => r.body),
      removed: { providers: removed.map((r) => r.id) },
      scope: {
        briefings: scope.briefings,
        assignments: scope.assignments.map((a) => a.id),
        returned: await returnedIds(tx, user),
      },
      pinned: scope.pinned,
      settings: {
        briefingStaleDays: deps.config.briefingStaleDays,
        devicePolicy: devicePolicy(deps.config),
        deadlines: deps.config.deadlineRules,
      },
      // Whole records only when new to this cursor; `scope.returned` lists every one, on every pull.
      returned: await returnedTo(tx, user, full ? null : after),
    };
  });
}
