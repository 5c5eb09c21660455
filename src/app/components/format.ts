// Date formatting in the style GOV.UK services use (e.g. "4 June 2026, 2:05pm").
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true });

export function formatDate(value: string | number | Date): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
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

/** Whole days from `from` to `to` (YYYY-MM-DD calendar dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** "Overdue by 3 days", "Due today", "Due in 5 days". */
export function dueText(dueDate: string, today = todayIso()): string {
  const days = daysBetween(today, dueDate);
  if (days < 0) return `Overdue by ${-days} day${days === -1 ? '' : 's'}`;
  if (days === 0) return 'Due today';
  return `Due in ${days} day${days === 1 ? '' : 's'}`;
}
