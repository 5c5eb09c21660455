// Date formatting in the style GOV.UK services use (e.g. "4 June 2026, 2:05pm").
import { daysBetween, dueText as sharedDueText } from '../../shared/deadlines';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true });

export function formatDate(value: string | number | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return dateFormat.format(date);
}

export function formatDateTime(value: string | number | Date): string {
  const date = new Date(value);
  return `${dateFormat.format(date)}, ${timeFormat.format(date).replace(' ', '').toLowerCase()}`;
}

/** Today's date as YYYY-MM-DD in the device's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export { daysBetween };

/** "Overdue by 3 days", "Due today", "Due in 5 days", counted from today on this device. */
export function dueText(dueDate: string, today = todayIso()): string {
  return sharedDueText(dueDate, today);
}
