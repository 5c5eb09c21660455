// Date formatting in the style GOV.UK services use (e.g. "4 June 2026, 2:05pm").
import { dueText as sharedDueText } from '../../shared/deadlines';
import { calendarDay } from '../../shared/calendar';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true });

export function formatDate(value: string | number | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return dateFormat.format(date);
}

export function formatDateTime(value: string | number | Date): string {
  const date = new Date(value);
  return `${dateFormat.format(date)}, ${formatTime(date)}`;
}

/** "2:05pm". */
export const formatTime = (value: string | number | Date) =>
  timeFormat.format(new Date(value)).replace(' ', '').toLowerCase();

/** GOV.UK's short months, for tables where space is short ("Sept", not "Sep"). */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** "4 Jun 2026": a date in a table column, where the full month made it wrap (issue 17). */
export function formatShortDate(value: string | number | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return `${date.getDate()} ${SHORT_MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "Overdue by 3 days", "Due today", "Due in 5 days", counted from the council's today (shared/calendar.ts). */
export function dueText(dueDate: string, today = calendarDay(new Date())): string {
  return sharedDueText(dueDate, today);
}
