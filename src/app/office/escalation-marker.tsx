// The register's escalation marker (seed 004 §22): which providers are in escalation now, loaded
// once from GET /api/escalations?status=open, and the tag shown beside each one's name. A failed
// load leaves the register usable and says the markers are missing.
import { useEffect, useState } from 'preact/hooks';
import type { Escalation } from '../../shared/escalations/schema';
import { TRIGGER_LABELS } from '../../shared/escalations/labels';
import { formatDate } from '../components/format';
import { loadOpenEscalations } from './escalations-api';

export type OpenEscalations = { byProvider: ReadonlyMap<string, Escalation>; failure: string };

export function useOpenEscalations(): OpenEscalations {
  const [state, setState] = useState<OpenEscalations>({ byProvider: new Map(), failure: '' });
  useEffect(() => {
    let live = true;
    void loadOpenEscalations().then((r) => {
      if (!live) return;
      setState(
        r.ok
          ? { byProvider: new Map(r.value.map((e) => [e.providerId, e])), failure: '' }
          : { byProvider: new Map(), failure: r.message },
      );
    });
    return () => void (live = false);
  }, []);
  return state;
}

export function EscalationMarker(props: { escalation: Escalation | undefined }) {
  const e = props.escalation;
  if (!e) return null;
  return (
    <>
      {' '}
      <span class="tag red" data-testid="escalation-marker">
        In escalation
      </span>
      <br />
      <span class="count">
        {TRIGGER_LABELS[e.trigger]}, since {formatDate(e.openedOn)}
      </span>
    </>
  );
}
