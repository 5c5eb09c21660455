// Seeds a demo escalation (demo-history-data.ts) through the shared rules the routes apply, so the
// demo holds nothing the server itself would refuse: opened, each step added on its own day, as
// the QA manager, then stored with the same store function the routes use.
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/auth/schema';
import { addStep, type Ruled, startEscalation } from '../../shared/escalations/rules';
import type { Escalation } from '../../shared/escalations/schema';
import type { Queryable } from '../db';
import { insertEscalation } from '../escalations/store';
import type { historyEscalations } from './demo-history-data';

const accepted = (ruled: Ruled<Escalation>, what: string): Escalation => {
  if (!ruled.ok) throw new Error(`demo history: ${what} was refused: ${ruled.message}`);
  return ruled.value;
};

export async function seedEscalation(
  tx: Queryable,
  demo: (typeof historyEscalations)[number],
  qa: SessionUser,
  at: (day: string, time?: string) => Date,
): Promise<void> {
  const acting = (day: string) => ({ by: qa.name, at: at(day, '12:00:00').toISOString(), today: day });
  let escalation = accepted(
    startEscalation(
      { trigger: demo.trigger, reason: demo.reason, openedOn: demo.openedOn },
      { id: randomUUID(), providerId: demo.provider },
      null,
      acting(demo.openedOn),
    ),
    `the escalation of ${demo.provider}`,
  );
  for (const step of demo.steps)
    escalation = accepted(
      addStep(escalation, step, randomUUID(), acting(step.date)),
      `the ${step.kind} step of ${demo.provider}`,
    );
  await insertEscalation(tx, escalation, qa.id, at(demo.openedOn, '12:00:00'));
}
