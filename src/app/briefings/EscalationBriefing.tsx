// The open escalation in an officer's pre-visit briefing (seed 004 §22), read from the briefing on
// the device, so it is there offline. Shown near the top: it changes how the visit is approached
// (new placements may be embargoed, the provider may be working to an improvement plan).
import type { Escalation } from '../../shared/escalations/schema';
import { EscalationSummary } from './EscalationSummary';

export function EscalationBriefing(props: { escalation: Escalation | null | undefined }) {
  if (!props.escalation) return null;
  return (
    <section class="warning-text" aria-labelledby="escalation" data-testid="briefing-escalation">
      <h2 id="escalation">In escalation</h2>
      <EscalationSummary escalation={props.escalation} stepsLabel="Escalation steps, oldest first" />
    </section>
  );
}
