// The demo's monitoring reviews: the last annual desk review of each preventative provider (levels
// 1-2, seed 004 §19a), on fixed dates before the demo quarter, so their next desk review is due a
// year on and nothing in the quarter's report changes (neither moves the RAG). One confirms the
// risk matrix's suggestion; the other overrides it with QA's reason, as the office page would.
import type { Db } from '../db';
import { insertMonitoringReview } from '../providers/monitoring-store';

const PREVENTATIVE = (type: string, level: number) =>
  `${type}: a preventative service, monitored at level ${level} when there is no concern (an annual desk review and sample visits).`;

export const demoReviews = [
  {
    provider: 'crossroads-day-centre',
    on: '2026-03-12',
    decision: 'confirmed',
    fromLevel: 1,
    toLevel: 1,
    fromRag: 'green',
    toRag: 'green',
    suggestedLevel: 1,
    suggestedRag: 'green',
    reason: 'Annual desk review: attendance returns, the provider self-assessment and two sample visits.',
    suggestionReasons: ['No concern found in the evidence held: Green.', PREVENTATIVE('Day service', 1)],
  },
  {
    provider: 'northbrook-advice',
    on: '2026-05-20',
    decision: 'overridden',
    fromLevel: 2,
    toLevel: 2,
    fromRag: 'amber',
    toRag: 'amber',
    suggestedLevel: 1,
    suggestedRag: 'green',
    reason:
      'Two complaints about advice given at the drop-in are still being looked into; keep Amber at level 2 and sample a drop-in session before the next review.',
    suggestionReasons: ['No concern found in the evidence held: Green.', PREVENTATIVE('Advice and advocacy', 1)],
  },
] as const;

export async function seedDemoReviews(db: Db, qaId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { provider, ...review } of demoReviews) {
      await insertMonitoringReview(tx, {
        providerId: provider,
        at: new Date(`${review.on}T11:00:00Z`),
        userId: qaId,
        review: { ...review, suggestionReasons: [...review.suggestionReasons] },
      });
    }
  });
}
