// What the monitoring review routes take and answer (zod/mini): the risk matrix's suggestion for a
// provider, the reviews kept in its history, and QA's decision. The server declares its routes with
// these and the office page parses with them.
import * as z from 'zod/mini';
import { ProviderRecord, Rag } from '../briefings/register';

const level = z.int().check(z.gte(1), z.lte(5));
const isoDate = z.iso.date();

export const RiskReason = z.object({
  criterion: z.enum([
    'service-type',
    'visit',
    'actions',
    'safeguarding',
    'complaints',
    'cqc',
    'incidents',
    'feedback',
    'fire',
    'combined',
    'level',
  ]),
  rag: z.nullable(z.enum(['red', 'amber'])),
  text: z.string(),
});

export const RiskSuggestion = z.object({ level, rag: Rag, reasons: z.array(RiskReason) });

/** One monitoring review as the provider's history keeps it. */
export const MonitoringReview = z.object({
  /** The council's day of the decision, and the instant. */
  on: isoDate,
  at: z.iso.datetime({ offset: true }),
  by: z.string(),
  /** QA's decision on the matrix's suggestion; or a level set by editing or importing the register, with no suggestion weighed. */
  decision: z.enum(['confirmed', 'overridden', 'register-change']),
  fromLevel: level,
  toLevel: level,
  fromRag: Rag,
  toRag: Rag,
  /** Null for a register change. */
  suggestedLevel: z.nullable(level),
  suggestedRag: z.nullable(Rag),
  /** QA's written reason (required for an override) or note. */
  reason: z.string(),
  /** The matrix's reasons as they stood when QA decided. */
  suggestionReasons: z.array(z.string()),
});
export type MonitoringReview = z.infer<typeof MonitoringReview>;

/** GET and POST /api/providers/{id}/monitoring-reviews: where the provider stands, what the matrix suggests, its reviews newest first. */
export const MonitoringState = z.object({
  provider: ProviderRecord,
  suggestion: RiskSuggestion,
  reviews: z.array(MonitoringReview),
  /** Whether this person may confirm or override (QA; a manager for providers allocated to their team). */
  mayDecide: z.boolean(),
});
export type MonitoringState = z.infer<typeof MonitoringState>;

/**
 * POST /api/providers/{id}/monitoring-reviews: the level and RAG QA settles on. Equal to the
 * suggestion it confirms it (the reason is an optional note); otherwise it overrides it, and the
 * reason is required. `suggested` is the suggestion the person saw: when the evidence has changed
 * since, the server answers 409 rather than record a decision about a suggestion nobody saw.
 */
export const MonitoringDecision = z.object({
  level,
  rag: Rag,
  reason: z.string().check(z.trim(), z.maxLength(1000)),
  suggested: z.object({ level, rag: Rag }),
});
export type MonitoringDecision = z.infer<typeof MonitoringDecision>;
