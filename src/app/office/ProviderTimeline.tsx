// A provider's history on its office page (issue 6): visits and results, RAG changes with reasons,
// monitoring reviews, escalations, intelligence, and actions raised and closed, newest first, from
// GET /api/providers/:id/timeline.
// A visit opens as its report. Reloads when the page adds intelligence (`version`).
import '../reports/reports.css';
import { useEffect, useState } from 'preact/hooks';
import type { TimelineEvent } from '../../shared/reports/provider-timeline';
import { ProviderTimeline as Timeline } from '../../shared/reports/report-schemas';
import { formatDate } from '../components/format';
import { getJson } from './api';
import { recordReportPath } from '../reports/RecordReportPage';

const TAG: Record<TimelineEvent['kind'], { label: string; class: string }> = {
  visit: { label: 'Visit', class: 'tag blue' },
  'rag-change': { label: 'RAG', class: 'tag yellow' },
  'monitoring-review': { label: 'Review', class: 'tag blue' },
  escalation: { label: 'Escalation', class: 'tag red' },
  intelligence: { label: 'Intelligence', class: 'tag grey' },
  'action-raised': { label: 'Action', class: 'tag grey' },
  'action-closed': { label: 'Action closed', class: 'tag green' },
};

export function ProviderTimeline(props: { providerId: string; version: number }) {
  const [events, setEvents] = useState<TimelineEvent[] | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    let live = true;
    void getJson(
      `/api/providers/${encodeURIComponent(props.providerId)}/timeline`,
      Timeline,
      'The history could not be loaded',
    ).then((r) => live && (r.ok ? setEvents(r.value.events) : setFailure(r.message)));
    return () => void (live = false);
  }, [props.providerId, props.version]);
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">History</h2>
      {failure && <p role="alert">{failure}</p>}
      {!events && !failure && <p>Loading…</p>}
      {events && events.length === 0 && <p>Nothing has happened with this provider yet.</p>}
      {events && events.length > 0 && (
        <ol class="timeline" aria-label="History, newest first">
          {events.map((e, i) => (
            <li key={`${e.date}-${e.kind}-${i}`}>
              <span class="when">{formatDate(e.date)}</span> <span class={TAG[e.kind].class}>{TAG[e.kind].label}</span>{' '}
              {e.kind === 'visit' && e.recordId ? <a href={recordReportPath(e.recordId)}>{e.title}</a> : e.title}
              {e.detail && <span class="meta">{e.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
