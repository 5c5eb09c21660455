// The provider register for the office (issue 6): every provider, filtered and sorted by RAG,
// monitoring level, service type, allocated officer and whether a visit is overdue; each opens
// its office page with the history timeline. Providers in escalation (seed 004 §22) are marked,
// and can be shown alone (escalation-marker.tsx). Read from the server.
import '../reports/reports.css';
import { useEffect, useState } from 'preact/hooks';
import type { ProviderRecord, Rag } from '../../shared/briefings/register';
import { BackLink, Page } from '../components/Page';
import { formatShortDate } from '../components/format';
import { ragClass, ragLabel, serviceTypeLabel } from '../briefings/labels';
import { officeProviderPath } from './access';
import type { UserSummary } from '../../shared/users/api-schemas';
import { loadPeople, loadProviders } from './api';
import { optionsOf, Select } from '../components/fields';
import { Checkbox } from '../components/choices';
import { OfficeTable } from './OfficeTable';
import { EscalationMarker, useOpenEscalations } from './escalation-marker';
import { calendarDay } from '../../shared/calendar';
import { nextDue } from '../briefings/next-due';

export const REGISTER_PATH = '/office/providers';

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2 };
const SORTS = [
  { value: 'rag', label: 'RAG rating, red first' },
  { value: 'level', label: 'Monitoring level, highest first' },
  { value: 'due', label: 'Next visit or desk review due, soonest first' },
  { value: 'name', label: 'Name' },
];
const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
const NOT_ALLOCATED = { value: 'none', label: 'Not allocated' };
const LEVELS = [1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `Level ${l}` }));
/** One of the register's filter drop-downs, bound to a key of Filters. */
type FilterSelect = Omit<Parameters<typeof Select>[0], 'value' | 'onChange'> & {
  key: 'rag' | 'level' | 'type' | 'officer';
};
type Filters = { rag: string; level: string; type: string; officer: string; overdue: boolean; sort: string };

function compare(sort: string) {
  return (a: ProviderRecord, b: ProviderRecord): number => {
    const byName = a.name.localeCompare(b.name);
    if (sort === 'rag') return RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || b.monitoringLevel - a.monitoringLevel || byName;
    if (sort === 'level') return b.monitoringLevel - a.monitoringLevel || RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || byName;
    if (sort === 'due') return (nextDue(a).date ?? '9999').localeCompare(nextDue(b).date ?? '9999') || byName;
    return byName;
  };
}

export function RegisterPage() {
  const [providers, setProviders] = useState<ProviderRecord[] | null>(null);
  const [people, setPeople] = useState<UserSummary[]>([]);
  const [failure, setFailure] = useState('');
  const [f, setF] = useState<Filters>({ rag: '', level: '', type: '', officer: '', overdue: false, sort: 'rag' });
  const escalations = useOpenEscalations();
  const [escalatedOnly, setEscalatedOnly] = useState(false);
  useEffect(() => {
    void loadProviders('The register could not be loaded').then((r) =>
      r.ok ? setProviders(r.value) : setFailure(r.message),
    );
    void loadPeople().then((r) => r.ok && setPeople(r.value));
  }, []);
  const set =
    <K extends keyof Filters>(key: K) =>
    (value: Filters[K]) =>
      setF((old) => ({ ...old, [key]: value }));
  const today = calendarDay(new Date());
  const officerName = (id: string | null) =>
    id === null ? 'Not allocated' : (people.find((p) => p.id === id)?.name ?? 'Another team\u2019s officer');
  const shown = (providers ?? [])
    .filter(
      (p) =>
        (f.rag === '' || p.rag === f.rag) &&
        (f.level === '' || String(p.monitoringLevel) === f.level) &&
        (f.type === '' || p.serviceType === f.type),
    )
    .filter(
      (p) =>
        f.officer === '' || (f.officer === 'none' ? p.allocatedOfficerId === null : p.allocatedOfficerId === f.officer),
    )
    .filter((p) => !f.overdue || isOverdue(p, today))
    .filter((p) => !escalatedOnly || escalations.byProvider.has(p.id))
    .sort(compare(f.sort));
  const officers = people.filter((p) => p.role === 'officer').map((p) => ({ value: p.id, label: p.name }));
  const selects: FilterSelect[] = [
    { id: 'reg-rag', key: 'rag', label: 'RAG rating', placeholder: 'Any', options: optionsOf(RAG_LABEL) },
    { id: 'reg-level', key: 'level', label: 'Monitoring level', placeholder: 'Any', options: LEVELS },
    { id: 'reg-type', key: 'type', label: 'Service type', placeholder: 'Any', options: optionsOf(serviceTypeLabel) },
    {
      id: 'reg-officer',
      key: 'officer',
      label: 'Officer',
      placeholder: 'Anyone',
      options: [...officers, NOT_ALLOCATED],
    },
  ];

  return (
    <>
      <BackLink href="/office">Office</BackLink>
      <Page title="Provider register">
        {failure && (
          <div class="warning-text" role="alert">
            <strong>{failure}</strong>
          </div>
        )}
        <form class="filters" aria-label="Filter the register" onSubmit={(e) => e.preventDefault()}>
          {selects.map(({ key, ...select }) => (
            <Select key={select.id} {...select} value={f[key]} onChange={set(key)} />
          ))}
          <Checkbox
            id="reg-overdue"
            label="Visit or desk review overdue"
            checked={f.overdue}
            onChange={set('overdue')}
          />
          <Checkbox id="reg-escalation" label="In escalation" checked={escalatedOnly} onChange={setEscalatedOnly} />
          <Select
            id="reg-sort"
            label="Sort by"
            placeholder="Name"
            value={f.sort}
            options={SORTS.filter((s) => s.value !== 'name')}
            onChange={set('sort')}
          />
        </form>
        {escalations.failure && <p role="alert">{escalations.failure}</p>}
        <OfficeTable
          rows={providers && shown}
          failure={failure}
          caption={`${shown.length} of ${providers?.length ?? 0} providers`}
          live
          headings={['Provider', 'RAG', 'Level', 'Type', 'Officer', 'Last visit', 'Next due']}
          row={(p) => ({
            key: p.id,
            cells: [
              <>
                <a href={officeProviderPath(p.id)}>{p.name}</a>
                <EscalationMarker escalation={escalations.byProvider.get(p.id)} />
              </>,
              <span class={ragClass[p.rag]}>{ragLabel[p.rag]}</span>,
              p.monitoringLevel,
              serviceTypeLabel[p.serviceType],
              officerName(p.allocatedOfficerId),
              p.lastVisitDate ? <span class="nowrap">{formatShortDate(p.lastVisitDate)}</span> : 'Never',
              <NextDueCell provider={p} today={today} />,
            ],
          })}
        />
      </Page>
    </>
  );
}

/** Whether the visit (levels 3-5) or the desk review (levels 1-2) is past its due date. */
const isOverdue = (p: ProviderRecord, today: string) => {
  const date = nextDue(p).date;
  return date !== null && date < today;
};

/** "3 March 2027", or "Desk review, 3 March 2027" at levels 1-2; marked when overdue. */
function NextDueCell(props: { provider: ProviderRecord; today: string }) {
  const due = nextDue(props.provider);
  if (due.date === null) return null;
  return (
    <>
      {due.kind === 'desk-review' ? 'Desk review, ' : ''}
      <span class="nowrap">{formatShortDate(due.date)}</span>
      {due.date < props.today && (
        <>
          {' '}
          <span class="tag red">Overdue</span>
        </>
      )}
    </>
  );
}
