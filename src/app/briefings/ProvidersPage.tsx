// The provider register as the officer carries it: find a provider, see its RAG and when a visit
// is due, open its briefing (if on the device) or pin it so the briefing comes to the device.
// QA and managers also get each provider's office page and the CSV import (they need the network).
import { useState } from 'preact/hooks';
import { TextInput } from '../components/fields';
import { BackLink, Page } from '../components/Page';
import { dueText } from '../components/format';
import { useObservable } from '../lib/observable';
import { session } from '../auth/session';
import { canImportProviders, canUseOffice, OFFICE_IMPORT_PATH, officeProviderPath } from '../office/access';
import { settings } from '../sync/settings';
import { useProviders } from '../records/queries';
import { useBriefingIds } from './queries';
import { ragClass, ragLabel, serviceTypeLabel } from './labels';
import { nextDue } from './next-due';

export function ProvidersPage() {
  const [search, setSearch] = useState('');
  const { pinned } = useObservable(settings);
  const providers = useProviders();
  const onDevice = useBriefingIds();
  const current = useObservable(session);
  const role = current.status === 'signed-in' ? current.user.role : 'officer';
  const office = canUseOffice(role);
  if (providers === undefined || onDevice === undefined) return <p>Loading…</p>;
  const term = search.trim().toLowerCase();
  const shown = term
    ? providers.filter((p) => p.name.toLowerCase().includes(term) || p.address.toLowerCase().includes(term))
    : providers;
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page title="Providers and briefings">
        {office && (
          <p>
            <a href={OFFICE_IMPORT_PATH}>
              {canImportProviders(role)
                ? 'Import providers or intelligence from a CSV file'
                : 'Import intelligence from a CSV file'}
            </a>
          </p>
        )}
        <TextInput id="search" label="Find a provider" type="search" value={search} onChange={setSearch} />
        <p class="hint" role="status">
          {shown.length} of {providers.length} providers
        </p>
        <ul class="visit-list">
          {shown.map((p) => (
            <li key={p.id}>
              <a href={`/providers/${encodeURIComponent(p.id)}/briefing`}>{p.name}</a>
              <span class={ragClass[p.rag]}>{ragLabel[p.rag]}</span>
              {office && (
                <a class="office-link" href={officeProviderPath(p.id)}>
                  Office page<span class="visually-hidden"> for {p.name}</span>
                </a>
              )}
              <span class="meta">
                {serviceTypeLabel[p.serviceType]} · level {p.monitoringLevel}
                {dueLine(p)}
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

/** " · visit due in 5 days", " · desk review overdue by 3 days", or nothing when none is set. */
function dueLine(p: Parameters<typeof nextDue>[0]): string {
  const due = nextDue(p);
  if (due.date === null) return '';
  return ` · ${due.kind === 'desk-review' ? 'desk review' : 'visit'} ${dueText(due.date).toLowerCase()}`;
}
