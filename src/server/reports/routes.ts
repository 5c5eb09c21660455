// Office reporting routes (issue 6), for managers and the QA manager:
// - GET /api/reports/quarterly?quarter=2026-27-q2: the quarterly QA report (default: the last
//   complete quarter), computed by the shared pure function from what this person may see;
// - GET /api/reports/quarterly.csv?quarter=...: the same figures as a CSV download;
// - GET /api/providers/:id/timeline: one provider's history, newest first.
import * as z from 'zod/mini';
import { calendarDay } from '../../shared/calendar';
import { providerTimeline } from '../../shared/reports/provider-timeline';
import { quarterlyReport, type QuarterlyReport as Report } from '../../shared/reports/quarterly-report';
import { REPORT_CSV_COLUMNS, reportCsvRows } from '../../shared/reports/report-csv';
import { ProviderTimeline, QuarterlyReport } from '../../shared/reports/report-schemas';
import { parseQuarterKey, previousQuarter, quarterOf, type Quarter } from '../../shared/reports/quarters';
import type { AppContext, Deps } from '../http/env';
import { badRequest } from '../http/errors';
import { csv, routeDeclarer, reply, type ApiRoute, type RouteContext } from '../http/route';
import { NO_SUCH_PROVIDER, providerAt } from '../providers/routes';
import { listReviews } from '../providers/monitoring-store';
import { listEscalations } from '../escalations/store';
import { toCsv } from './exports/csv';
import { csvReply } from './exports/routes';
import { allTemplates, intelligenceEntries, ragChanges, reportInput, reportRecords, visibleActions } from './inputs';

const route = routeDeclarer('reports');

const QuarterQuery = z.object({ quarter: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-q[1-4]$/))) });
const BAD_QUARTER = 'The quarter is not like 2026-27-q2';

function chosenQuarter(c: AppContext, today: string): Quarter {
  const key = c.req.query('quarter');
  if (key === undefined || key === '') return previousQuarter(quarterOf(today));
  const quarter = parseQuarterKey(key);
  if (quarter === null) throw badRequest('quarter must look like 2026-27-q2 (financial year, then q1 to q4)');
  return quarter;
}

async function report(c: AppContext, deps: Deps): Promise<Report> {
  const today = calendarDay(deps.now());
  const quarter = chosenQuarter(c, today);
  return quarterlyReport(await reportInput(deps.db, c.get('user'), quarter, today, deps.config));
}

async function timeline(c: RouteContext<'/api/providers/:id/timeline'>, deps: Deps): Promise<Response> {
  const id = c.req.param('id');
  const row = await providerAt(deps.db, id, true);
  const user = c.get('user');
  const templates = await allTemplates(deps.db);
  const visits = await reportRecords(deps.db, user, new Map([[id, row.body.name]]), { providerId: id });
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
    reviews: await listReviews(deps.db, id),
    escalations: await listEscalations(deps.db, { providerId: id }),
  });
  return c.json({ providerId: id, events } satisfies ProviderTimeline);
}

export const reportRoutes: readonly ApiRoute[] = [
  route('GET /api/reports/quarterly', ['manager', 'qa'], {
    summary: 'The quarterly QA report',
    description: 'For a financial-year quarter (default: the last complete one), over the records this person may see.',
    query: QuarterQuery,
    responses: { 200: reply('The figures', QuarterlyReport), 400: BAD_QUARTER },
    handler: async (c, deps) => c.json(await report(c, deps)),
  }),
  route('GET /api/reports/quarterly.csv', ['manager', 'qa'], {
    summary: 'The quarterly QA report as CSV',
    query: QuarterQuery,
    responses: {
      200: { description: 'One row per figure', body: csv(REPORT_CSV_COLUMNS, 'The figures') },
      400: BAD_QUARTER,
    },
    handler: async (c, deps) => {
      const figures = await report(c, deps);
      return csvReply(c, deps, `report-${figures.quarter.key}`, toCsv(reportCsvRows(figures)));
    },
  }),
  route('GET /api/providers/:id/timeline', ['manager', 'qa'], {
    summary: 'A provider\u2019s history, newest first',
    description:
      'Visits and results, RAG changes with reasons, monitoring reviews, intelligence, and actions raised and closed.',
    responses: { 200: reply('The timeline', ProviderTimeline), 404: NO_SUCH_PROVIDER },
    handler: timeline,
  }),
];
