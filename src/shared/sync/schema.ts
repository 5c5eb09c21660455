// What travels between a device and the server when syncing: the pull payload, the outbox entry a
// device keeps for each revision to send, and the problem it records when a send fails.
import * as z from 'zod/mini';
import { Assignment, Briefing, ProviderRecord } from '../briefings/register';
import { RecordBody, StoredSubmission } from '../records/schema';
import { Template } from '../templates/schema';
import { DevicePolicy } from '../auth/schema';

/** The provider register row; defined with the rest of the pre-visit data in register.ts. */
export const Provider = ProviderRecord;
export type Provider = ProviderRecord;

export const PullResponse = z.object({
  cursor: z.string(),
  /** True when this is a full snapshot: the client replaces what it holds of global collections. */
  full: z.boolean(),
  templates: z.array(Template),
  providers: z.array(Provider),
  /** Briefings and assignments changed since the cursor, within what this user may hold. */
  briefings: z.array(Briefing),
  assignments: z.array(Assignment),
  /** Global collections: ids deleted since the cursor. Templates are never removed from devices. */
  removed: z.object({ providers: z.array(z.string()) }),
  /**
   * Every id of the scoped collections this user may hold now, sent on every pull: the device
   * deletes what is not listed, so withdrawn access removes the data whatever the cursor.
   */
  scope: z.object({
    briefings: z.array(z.string()),
    assignments: z.array(z.string()),
    /**
     * The ids of every record of this person's now returned for amendment (`returned` carries only
     * those decided since the cursor); a record not listed is no longer returned. Optional so a
     * device keeps working against an older server, which sends every returned record each time.
     */
    returned: z.optional(z.array(z.string())),
  }),
  /** Providers this user pinned, so their briefings are kept on the device. */
  pinned: z.array(z.string()),
  /** Server configuration the app needs offline. */
  settings: z.object({
    briefingStaleDays: z.int().check(z.gte(1)),
    /** The council's device rules (issue 14); optional so a device keeps working against an older server. */
    devicePolicy: z.optional(DevicePolicy),
    /** How the council counts deadline days, and the bank holidays; calendar days when absent (an older server). */
    deadlines: z.optional(
      z.object({
        dayCount: z.enum(['calendar', 'working']),
        bankHolidays: z.array(z.iso.date()).check(z.maxLength(2000)),
      }),
    ),
  }),
  /**
   * This person's records returned for amendment whose decision came after the cursor (all of them
   * without one): the device shows them with the reviewer's comment and can amend them, even
   * after a sign-out wiped it. `scope.returned` lists which are returned now.
   */
  returned: z.array(StoredSubmission),
  /**
   * This server process, new after every start (a crash, a restore from backup): a device that
   * sees it change asks which of its sent records the server still holds (POST /api/sync/receipts).
   * Optional so a device keeps working against an older server.
   */
  server: z.optional(z.string()),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Why a record could not be sent, as the device keeps it beside the record and its outbox entry:
 * the HTTP status (null for a network failure), the error code and message, and what the server named. */
export type Problem = {
  status: number | null;
  code: string;
  message: string;
  issues?: Issue[];
  /** For 409 `attachments-missing`: the SHA-256 hashes the server does not hold. */
  missing?: string[];
};
export type Issue = { path: string; message: string };

/** A revision waiting on the device to be sent, keyed (recordId, revision); `seq` orders the queue.
 * The device database keeps it with its bookkeeping (src/app/storage/database.ts StoredOutboxEntry). */
export type OutboxEntry = {
  seq: number;
  recordId: string;
  revision: number;
  body: RecordBody;
  attempts: number;
  /** Files of this entry the server has acknowledged (so a resumed drain does not send them again). */
  uploaded: string[];
};
