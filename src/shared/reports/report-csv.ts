// The quarterly report as CSV rows: one table, long format (section, measure, category, value),
// so every figure of the page is one row and a spreadsheet can pivot it. Column names are stable.
import type { QuarterlyReport } from './quarterly-report';

export const REPORT_CSV_COLUMNS = ['quarter', 'section', 'measure', 'category', 'value'] as const;

export function reportCsvRows(report: QuarterlyReport): string[][] {
  const q = report.quarter.key;
  const rows: string[][] = [[...REPORT_CSV_COLUMNS]];
  const add = (section: string, measure: string, category: string, value: number | string) =>
    rows.push([q, section, measure, category, String(value)]);
  for (const line of report.activity) {
    add('activity', line.label, 'done', line.done);
    add('activity', line.label, 'expected', line.expected);
  }
  add('visits due', 'Providers due a visit', 'due', report.visitsDue.due);
  add('visits due', 'Providers due a visit', 'visited', report.visitsDue.visited);
  for (const p of report.visitsDue.notVisited) add('visits due', 'Not visited', p.name, p.dueDate);
  add('desk reviews due', 'Providers due a desk review', 'due', report.deskReviews.due);
  add('desk reviews due', 'Providers due a desk review', 'done', report.deskReviews.done);
  for (const p of report.deskReviews.notDone) add('desk reviews due', 'Not reviewed', p.name, p.dueDate);
  for (const grade of report.grades) for (const c of grade.counts) add('grades', grade.label, c.label, c.count);
  for (const c of report.ragAtEnd) add('provider RAG at quarter end', 'Providers', c.label, c.count);
  for (const change of report.ragChanges)
    add('RAG changes', `${change.providerName} (${change.on})`, `${change.from ?? ''} to ${change.to}`, change.reason);
  add('late write-ups', 'Observations and audits written up late', 'count', report.lateWriteUps.length);
  const feedback = report.auditFeedback;
  add('audit feedback', 'Audits in the quarter', 'count', feedback.audits);
  add('audit feedback', 'Feedback within 48 hours', 'count', feedback.onTime);
  add('audit feedback', 'Feedback late or not recorded', 'count', feedback.missed.length);
  add('audit feedback', 'Feedback not yet due', 'count', feedback.pending);
  add('overdue actions', 'Actions overdue at quarter end', 'count', report.overdueActions.length);
  const closure = report.closure;
  add('action closure', 'Significant actions raised', 'count', closure.raised);
  add('action closure', 'Closed within 3 months', 'count', closure.closedInTime);
  add('action closure', 'Closed after 3 months', 'count', closure.closedLate);
  add('action closure', 'Open after 3 months', 'count', closure.openOverdue);
  add('action closure', 'Still within 3 months', 'count', closure.pending);
  add('action closure', 'Closed within 3 months', 'percent', closure.percent === null ? '' : closure.percent);
  for (const theme of report.themes) {
    add('themes', theme.label, 'areas below standard', theme.belowStandard);
    add('themes', theme.label, 'areas at the minimum standard (amber)', theme.atMinimum);
    add('themes', theme.label, 'actions raised', theme.actions);
    add('themes', theme.label, 'intelligence', theme.intelligence);
    add('themes', theme.label, 'escalations opened', theme.escalations);
  }
  for (const e of report.escalations)
    add('escalations', `${e.providerName} (opened ${e.openedOn})`, e.triggerLabel, e.closedOn ?? 'open');
  return rows;
}
