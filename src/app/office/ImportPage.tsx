// Importing from spreadsheets in the office: provider intelligence (QA and managers) and the
// provider register (QA only), each a CSV the server imports all or nothing. Needs the network.
import type { IntelligenceKind } from '../../shared/briefings/register';
import type { SessionUser } from '../../shared/auth/schema';
import { BackLink, Page } from '../components/Page';
import { useProviders } from '../records/queries';
import { canImportProviders, officeProviderPath } from './access';
import type { IntelligenceImportResult, ProviderImportResult } from '../../shared/briefings/api-schemas';
import { importIntelligence, importProviders } from './api';
import { CsvUploadForm, type CsvImportKind } from './CsvUploadForm';
import { KIND_OPTIONS } from './intelligence-form';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const kindLabel = (kind: IntelligenceKind) => KIND_OPTIONS.find((k) => k.value === kind)?.label.toLowerCase() ?? kind;

const INTELLIGENCE: CsvImportKind<IntelligenceImportResult> = {
  upload: importIntelligence,
  Columns: IntelligenceColumns,
  Result: IntelligenceImported,
};
const REGISTER: CsvImportKind<ProviderImportResult> = {
  upload: importProviders,
  Columns: ProviderColumns,
  Result: RegisterImported,
};

export function ImportPage(props: { user: SessionUser }) {
  return (
    <>
      <BackLink href="/providers">Providers</BackLink>
      <Page title="Import from a CSV file" caption="Office">
        <p>
          Save the spreadsheet as CSV (comma separated values). If any row has a problem nothing is imported, and each
          problem is listed by row and column so you can correct it and import the file again.
        </p>
        <CsvUploadForm
          id="intel-csv"
          heading="Provider intelligence"
          button="Import intelligence"
          kind={INTELLIGENCE}
        />
        {canImportProviders(props.user.role) && (
          <CsvUploadForm id="providers-csv" heading="Provider register" button="Import providers" kind={REGISTER} />
        )}
      </Page>
    </>
  );
}

function IntelligenceImported({ result: r }: { result: IntelligenceImportResult }) {
  const providers = useProviders();
  const nameOf = (id: string) => providers?.find((p) => p.id === id)?.name ?? id;
  return (
    <>
      <p>
        <strong>
          {r.imported === 0
            ? 'No new entries.'
            : `Imported ${plural(r.imported, 'intelligence entry', 'intelligence entries')}`}
        </strong>
        {r.imported > 0 &&
          `: ${Object.entries(r.byKind)
            .map(([kind, n]) => `${n} ${kindLabel(kind as IntelligenceKind)}`)
            .join(', ')}.`}
        {r.alreadyRecorded > 0 &&
          ` ${plural(r.alreadyRecorded, 'row was', 'rows were')} already recorded by an earlier import and ${r.alreadyRecorded === 1 ? 'was' : 'were'} skipped.`}
      </p>
      {r.providerIds.length > 0 && (
        <ul>
          {r.providerIds.map((id) => (
            <li key={id}>
              <a href={officeProviderPath(id)}>{nameOf(id)}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RegisterImported({ result: r }: { result: ProviderImportResult }) {
  return (
    <p>
      <strong>Imported the register:</strong> {plural(r.imported, 'provider')} added, {plural(r.updated, 'provider')}{' '}
      updated.
    </p>
  );
}

function IntelligenceColumns() {
  return (
    <>
      <p>
        One row per entry, recorded as imported by you. Headings: <code>provider_id</code> (the register id shown on the
        provider's office page), <code>kind</code>, <code>date</code> (DD/MM/YYYY) and <code>summary</code>, then what
        each kind needs:
      </p>
      <ul>
        <li>
          CQC inspection: <code>overall</code>, <code>safe</code>, <code>effective</code>, <code>caring</code>,{' '}
          <code>responsive</code>, <code>well_led</code> (Outstanding, Good, Requires improvement, Inadequate or Not
          rated)
        </li>
        <li>
          Complaint or Safeguarding referral: <code>status</code> (Open or Closed)
        </li>
        <li>
          Incident: <code>notified_to_cqc</code> (Yes or No)
        </li>
        <li>
          Feedback: <code>source</code> (Social work, Continuing Care, GP, District nurse, Health professional or Other)
          and <code>sentiment</code> (Positive, Mixed or Concern)
        </li>
        <li>
          Fire inspection: <code>outcome</code> (Satisfactory, Action required or Enforcement)
        </li>
      </ul>
      <p>Rows already imported before are skipped, so a log can be imported again with new rows added.</p>
    </>
  );
}

function ProviderColumns() {
  return (
    <p>
      One row per provider; rows whose <code>id</code> is on the register update it. Headings: <code>name</code>,{' '}
      <code>service_type</code>, <code>rag</code> and <code>monitoring_level</code> (required), and <code>id</code>,{' '}
      <code>cqc_location_id</code>, <code>address</code>, <code>registered_manager</code>, <code>capacity</code>,{' '}
      <code>contract_reference</code>, <code>contract_value</code>, <code>contract_start</code>,{' '}
      <code>contract_end</code>, <code>allocated_officer_email</code>, <code>rag_reason</code> and{' '}
      <code>rag_changed_at</code>.
    </p>
  );
}
