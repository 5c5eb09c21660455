// What falls due next for a provider, as the register, the provider list, the office page and the
// briefing show it: a monitoring visit at levels 3-5, the annual desk review at levels 1-2 (seed 004
// §19; the dates are derived by the server, src/shared/briefings/visit-due.ts).
import type { ProviderRecord } from '../../shared/briefings/register';
import { isDeskReviewLevel } from '../../shared/briefings/visit-due';

export type NextDue = { kind: 'visit' | 'desk-review'; label: string; date: string | null };

export function nextDue(p: Pick<ProviderRecord, 'monitoringLevel' | 'nextVisitDue' | 'nextDeskReviewDue'>): NextDue {
  return isDeskReviewLevel(p.monitoringLevel)
    ? { kind: 'desk-review', label: 'Next desk review due', date: p.nextDeskReviewDue ?? null }
    : { kind: 'visit', label: 'Next visit due', date: p.nextVisitDue };
}

/** "Level 2: annual desk review and sample visits", "Level 4: scheduled visits". */
export const levelText = (level: number): string =>
  `Level ${level}: ${isDeskReviewLevel(level) ? 'annual desk review and sample visits' : 'scheduled visits'}`;
