// One record as a document someone outside the app can receive (issue 6): a visit report for the
// provider, or an observation or audit write-up for the practitioner. Details, the overall
// judgement, findings and rating by area with photos, actions with owners, dates and status, and
// signatures. Read from the server; prints to a clean PDF from the browser.
import './reports.css';
import { useEffect, useState } from 'preact/hooks';
import type { ProviderRecord, VisitAction } from '../../shared/briefings/register';
import { StoredSubmission, type Answer } from '../../shared/records/schema';
import { type Template } from '../../shared/templates/schema';
import { isItemVisible } from '../../shared/templates/template-rules';
import { BackLink, Page } from '../components/Page';
import { formatDate, formatDateTime } from '../components/format';
import { SummaryList, SummaryRow } from '../components/SummaryList';
import { Table } from '../components/Table';
import { getJson, loadActions, loadProvider } from '../office/api';
import { ratingLabel } from '../records/RatingField';
import { answerText, SIGNER } from '../records/RecordSummary';
import { useTemplate } from '../records/queries';
import { listedName } from '../records/record-body';

export const recordReportPath = (id: string) => `/office/records/${encodeURIComponent(id)}`;

type Loaded = { stored: StoredSubmission; provider: ProviderRecord | null; tracked: VisitAction[] };

const TITLES = {
  visit: 'Monitoring visit report',
  observation: 'Observation of practice',
  audit: 'Case file audit',
} as const;
const STATUS = { open: 'Open', 'in-progress': 'In progress', done: 'Done', verified: 'Verified' } as const;

export function RecordReportPage(props: { id: string }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState('');
  const template = useTemplate(data?.stored.body.templateId, data?.stored.body.templateVersion);

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await getJson(
        `/api/submissions/${encodeURIComponent(props.id)}`,
        StoredSubmission,
        'The record could not be loaded',
      );
      if (!stored.ok)
        return (
          live &&
          setFailure(stored.status === 404 ? 'There is no record with that id that you may see.' : stored.message)
        );
      const body = stored.value.body;
      const provider = body.kind === 'visit' ? await loadProvider(body.details.providerId) : null;
      const actions = await loadActions();
      if (!live) return;
      setData({
        stored: stored.value,
        provider: provider?.ok ? provider.value : null,
        tracked: actions.ok ? actions.value.filter((a) => a.sourceSubmissionId === stored.value.id) : [],
      });
    })();
    return () => void (live = false);
  }, [props.id]);

  if (failure)
    return (
      <Page title="Record report">
        <p role="alert">{failure}</p>
      </Page>
    );
  if (!data || template === undefined) return <p>Loading…</p>;
  const { stored, provider } = data;
  const body = stored.body;
  const subject = listedName(body, provider?.name);
  return (
    <>
      <BackLink href="/office/inbox">Inbox</BackLink>
      <Page
        title={`${TITLES[body.kind]}: ${subject}`}
        documentTitle={TITLES[body.kind]}
        caption={template ? `${template.title}, version ${template.version}` : undefined}
      >
        <div class="report-actions no-print">
          <button type="button" class="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <a class="button secondary" href={`/review/${stored.id}?from=inbox`}>
            Moderate this record
          </a>
        </div>
        <Details loaded={data} />
        {template === null ? (
          <p role="status">The template of this record is not on this device yet; choose “Sync now”, then come back.</p>
        ) : (
          <Findings template={template} stored={stored} />
        )}
        <Actions loaded={data} owner={body.kind === 'visit' ? subject : body.details.practitionerName} />
        {(body.signatures?.length ?? 0) > 0 && (
          <>
            <h2>Signatures</h2>
            <SummaryList>
              {body.signatures!.map((s) => (
                <SummaryRow key={s.role} label={SIGNER[s.role]}>
                  {s.name}, {formatDateTime(s.signedAt)}
                  <br />
                  <img src={`/api/attachments/${s.sha256}`} alt={`Signature of ${s.name}`} height={60} />
                </SummaryRow>
              ))}
            </SummaryList>
          </>
        )}
        <p class="hint">
          Revision {stored.revision}, received {formatDateTime(stored.receivedAt)}.{' '}
          {stored.review?.status === 'signed-off'
            ? `Signed off by ${stored.review.reviewerName} on ${formatDate(stored.review.at)}.`
            : stored.review?.status === 'returned'
              ? 'Returned for amendment.'
              : 'Awaiting sign-off.'}
        </p>
      </Page>
    </>
  );
}

function Details({ loaded }: { loaded: Loaded }) {
  const { stored, provider } = loaded;
  const body = stored.body;
  const rows: [string, string][] =
    body.kind === 'visit'
      ? [
          ['Provider', provider?.name ?? body.details.providerId],
          ['Address', provider?.address ?? ''],
          ['Registered manager', provider?.registeredManager ?? ''],
          ['Visit date', formatDate(body.details.date)],
          ['Type', body.details.announced ? 'Announced' : 'Unannounced'],
          ['Spoke with', body.details.spokeWith || 'Not recorded'],
          ['Officer', stored.submitterName],
        ]
      : [
          ['Practitioner', body.details.practitionerName],
          ...(body.kind === 'audit' ? [['Case reference', body.details.caseReference] as [string, string]] : []),
          ...(body.kind === 'observation' ? [['Role', body.details.practitionerRole] as [string, string]] : []),
          ['Team', body.details.team],
          ['Date', formatDate(body.details.date)],
          [body.kind === 'observation' ? 'Observer' : 'Auditor', stored.submitterName],
        ];
  return (
    <>
      <h2>Details</h2>
      <SummaryList rows={rows.filter(([, v]) => v !== '')} />
    </>
  );
}

function Findings({ template, stored }: { template: Template; stored: StoredSubmission }) {
  const body = stored.body;
  return (
    <>
      {template.overall && (
        <p class="lead">
          <strong>
            {template.overall.label}: {ratingLabel(template, body.overallRating)}
          </strong>
        </p>
      )}
      <h2>Findings by area</h2>
      {template.sections.map((section) => (
        <section key={section.id} aria-labelledby={`doc-${section.id}`}>
          <h3 id={`doc-${section.id}`}>
            {section.title}
            {section.rated ? `: ${ratingLabel(template, body.sectionRatings[section.id])}` : ''}
          </h3>
          {section.rated && body.ratingOverrides?.[section.id] && (
            <p>Why this rating: {body.ratingOverrides[section.id]!.reason}</p>
          )}
          <dl class="answer-list">
            {section.items
              .filter((item) => isItemVisible(item, body.answers))
              .map((item) => {
                const answer = body.answers[item.id];
                const text =
                  item.type === 'group'
                    ? `${answer?.rows?.length ?? 0} recorded`
                    : answerText(template, item, answer?.value);
                return (
                  <div key={item.id}>
                    <dt>{item.label}</dt>
                    <dd>
                      {text}
                      {answer?.note ? ` — ${answer.note}` : ''}
                      <Photos answer={answer} label={item.label} />
                    </dd>
                    {item.type === 'group' &&
                      (answer?.rows ?? []).map((row, n) => (
                        <dd key={row.id}>
                          {item.rowLabel ?? 'Row'} {n + 1}:{' '}
                          {(item.items ?? [])
                            .filter((c) => isItemVisible(c, row.answers))
                            .map((c) => `${c.label}: ${answerText(template, c, row.answers[c.id]?.value)}`)
                            .join('; ')}
                          {Object.values(row.answers).map((cell, i) => (
                            <Photos key={i} answer={cell} label={`${item.rowLabel ?? 'Row'} ${n + 1}`} />
                          ))}
                        </dd>
                      ))}
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
    </>
  );
}

function Photos({ answer, label }: { answer: Pick<Answer, 'attachments'> | undefined; label: string }) {
  const photos = answer?.attachments ?? [];
  if (photos.length === 0) return null;
  return (
    <div class="document-photos">
      {photos.map((p, i) => (
        <figure key={p.sha256}>
          <img src={`/api/attachments/${p.sha256}`} alt={p.caption || `Photo ${i + 1} for ${label}`} loading="lazy" />
          {p.caption && <figcaption>{p.caption}</figcaption>}
        </figure>
      ))}
    </div>
  );
}

function Actions({ loaded, owner }: { loaded: Loaded; owner: string }) {
  const actions = loaded.stored.body.actions ?? [];
  const status = (id: string) => loaded.tracked.find((t) => t.id === id)?.status;
  return (
    <>
      <h2>Actions</h2>
      <Table
        caption="Actions agreed"
        empty="No actions were raised."
        columns={['Action', 'Owner', 'Significance', 'Due', 'Status']}
        rows={actions.map((a) => {
          const s = status(a.id);
          return {
            key: a.id,
            cells: [
              <>
                {a.title}
                {a.detail ? (
                  <span class="hint">
                    <br />
                    {a.detail}
                  </span>
                ) : null}
              </>,
              owner,
              a.significance === 'significant' ? 'Significant' : 'Routine',
              formatDate(a.dueDate),
              s ? STATUS[s] : 'Open',
            ],
          };
        })}
      />
    </>
  );
}
