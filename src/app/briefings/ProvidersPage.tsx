// The provider register as the officer carries it: find a provider, see its RAG and when a visit
// is due, open its briefing (if on the device) or pin it so the briefing comes to the device.
import { useState } from 'preact/hooks';
import { BackLink, Page } from '../components/Page';
import { dueText } from '../components/format';
import { useObservable } from '../lib/observable';
import { settings } from '../reference/settings';
import { useProviders } from '../visits/queries';
import { useBriefingIds } from './queries';
import { ragClass, serviceTypeLabel } from './labels';

export function ProvidersPage() {
  const [search, setSearch] = useState('');
  const { pinned } = useObservable(settings);
  const providers = useProviders();
  const onDevice = useBriefingIds();
  if (providers === undefined || onDevice === undefined) return <p>Loading…</p>;
  const term = search.trim().toLowerCase();
  const shown = term ? providers.filter((p) => p.name.toLowerCase().includes(term) || p.address.toLowerCase().includes(term)) : providers;
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page title="Providers and briefings">
        <div class="form-group">
          <label class="label" for="search">Find a provider</label>
          <input id="search" class="input" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <p class="hint" role="status">{shown.length} of {providers.length} providers</p>
        <ul class="visit-list">
          {shown.map((p) => (
            <li key={p.id}>
              <a href={`/providers/${encodeURIComponent(p.id)}/briefing`}>{p.name}</a>
              <span class={ragClass[p.rag]}>{p.rag.toUpperCase()}</span>
              <span class="meta">
                {serviceTypeLabel[p.serviceType]} · level {p.monitoringLevel}
                {p.nextVisitDue ? ` · ${dueText(p.nextVisitDue).toLowerCase()}` : ''}
                {onDevice.has(p.id) ? ' · briefing on this device' : ''}
                {pinned.includes(p.id) ? ' · pinned' : ''}
              </span>
            </li>
          ))}
        </ul>
      </Page>
    </>
  );
}
