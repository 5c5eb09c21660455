// Which records a list or export asks for (the QA inbox, GET /api/submissions, the CSV exports):
// by kind, review status, provider, person and the date the record is about. Parsed from a URL's
// query string on both sides, so a filtered inbox link and its CSV download ask for the same rows.
import * as z from 'zod/mini';
import { RecordKind, ReviewStatus } from './schema';

export const RecordFilter = z
  .object({
    kind: z.optional(RecordKind),
    status: z.optional(ReviewStatus),
    providerId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** Part of a name: the submitter's, or the practitioner's on an observation or audit (any case). */
    person: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
    /** The record's own date (visit, observation or audit date), inclusive. */
    from: z.optional(z.iso.date()),
    to: z.optional(z.iso.date()),
  })
  .check(
    // A range that ends before it starts holds nothing: say so rather than answer "0 records" (issue 17).
    z.refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
      message: '‘From’ must be the same as or before ‘To’',
      path: ['to'],
    }),
  );
export type RecordFilter = z.infer<typeof RecordFilter>;

export const FILTER_KEYS = ['kind', 'status', 'providerId', 'person', 'from', 'to'] as const;

/** The filter in a query string; empty values mean "any". Unknown keys are ignored. */
export function parseRecordFilter(query: {
  get(key: string): string | null;
}): ReturnType<typeof RecordFilter.safeParse> {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value !== null && value.trim() !== '') raw[key] = value;
  }
  return RecordFilter.safeParse(raw);
}

export function filterQuery(filter: RecordFilter): string {
  // Built by hand rather than with URLSearchParams: shared code gets no DOM or Node types.
  const pairs: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== '') pairs.push(`${key}=${encodeURIComponent(value)}`);
  }
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}
