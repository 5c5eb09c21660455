// Office reporting routes (issue 6), for managers and the QA manager:
// - GET /api/reports/quarterly?quarter=2026-27-q2: the quarterly QA report (default: the last
//   complete quarter), computed by the shared pure function from what this person may see;
// - GET /api/reports/quarterly.csv?quarter=...: the same figures as a CSV download;
// - GET /api/providers/:id/timeline: one provider's history, newest first.
import type { Context, Hono } from 'hono';
import { providerTimeline } from '../../shared/reports/provider-timeline';
import { quarterlyReport, type QuarterlyReport } from '../../shared/reports/quarterly-report';
import { reportCsvRows } from '../../shared/reports/report-csv';
import { parseQuarterKey, previousQuarter, quarterOf, type Quarter } from '../../shared/reports/quarters';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { toCsv } from './exports/csv';
import { csvReply } from './exports/routes';
import type { AppEnv, Deps } from '../http/env';
import { badRequest, notFound } from '../http/errors';
import { findProviderRow } from '../providers/store';
import { allTemplates, intelligenceEntries, ragChanges, reportInput, reportRecords, visibleActions } from './inputs';
import { calendarDay } from '../../shared/calendar';

function chosenQuarter(c: Context<AppEnv>, today: string): Quarter {
  const key = c.req.query('quarter');
  if (key === undefined || key === '') return previousQuarter(quarterOf(today));
  const quarter = parseQuarterKey(key);
  if (quarter === null) throw badRequest('quarter must look like 2026-27-q2 (financial year, then q1 to q4)');
  return quarter;
}

export function registerReportRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const office = [requireUser(deps), requireRole('manager', 'qa')] as const;

  const report = async (c: Context<AppEnv>): Promise<QuarterlyReport> => {
    const today = calendarDay(deps.now());
    const input = await reportInput(
      deps.db,
      c.get('user'),
      chosenQuarter(c, today),
      today,
      deps.config.visitFrequencyMonths,
    );
    return quarterlyReport(input);
  };

  app.get('/api/reports/quarterly', ...office, async (c) => c.json(await report(c)));

  app.get('/api/reports/quarterly.csv', ...office, async (c) => {
    const figures = await report(c);
    return csvReply(c, deps, `report-${figures.quarter.key}`, toCsv(reportCsvRows(figures)));
  });

  app.get('/api/providers/:id/timeline', ...office, async (c) => {
    const id = c.req.param('id');
    const row = await findProviderRow(deps.db, id, true);
    if (row === null) throw notFound('No such provider');
    const user = c.get('user');
    const templates = await allTemplates(deps.db);
    const visits = await reportRecords(deps.db, user, new Map([[id, row.body.name]]), id);
    const ratingLabel = (r: { templateId: string; templateVersion: number; overallRating: string | null }) =>
      templates
        .find((t) => t.id === r.templateId && t.version === r.templateVersion)
        ?.ratingScale.find((o) => o.value === r.overallRating)?.label ??
      r.overallRating ??
      '';
    const events = providerTimeline({
      visits,
      ratingLabel,
      ragChanges: await ragChanges(deps.db, id),
      intelligence: await intelligenceEntries(deps.db, id),
      actions: await visibleActions(deps.db, user, id),
    });
    return c.json({ providerId: id, events });
  });
}
