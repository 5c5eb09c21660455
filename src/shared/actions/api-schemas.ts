// What the action tracker and deadline routes answer (zod/mini). The server declares its routes
// with these and the office pages parse the answers with them.
import * as z from 'zod/mini';
import { VisitAction } from '../briefings/register';
import { RecordKind } from '../records/schema';

/** GET /api/actions: overdue first. */
export const ActionList = z.object({ actions: z.array(VisitAction) });
export type ActionList = z.infer<typeof ActionList>;

/** One record in GET /api/deadlines: awaiting sign-off, or written up late. */
export const DeadlineRecord = z.object({
  id: z.uuid(),
  kind: RecordKind,
  subject: z.string(),
  submitterName: z.string(),
  date: z.iso.date(),
  receivedAt: z.iso.datetime(),
  /** The write-up deadline (the observation's, or the audit form's to QA). */
  dueDate: z.nullable(z.iso.date()),
  /** The day it was finished on the device, or first received where that cannot be believed. */
  writtenUpOn: z.iso.date(),
});
export type DeadlineRecord = z.infer<typeof DeadlineRecord>;

/** GET /api/deadlines. */
export const Deadlines = z.object({
  /** The council's day (Europe/London). */
  today: z.iso.date(),
  actions: z.array(VisitAction),
  awaitingSignOff: z.array(DeadlineRecord),
  late: z.array(DeadlineRecord),
});
export type Deadlines = z.infer<typeof Deadlines>;
