// A record read back as summary lists: its details by kind, every section's answers (repeating
// groups row by row, hidden items left out), ratings with the suggestion and any override reason,
// the overall judgement, and the actions raised. Used by "check your answers" and read-only views.
import { suggestOverallRating, suggestSectionRating } from '../../shared/records/scoring';
import { isItemVisible, itemOptions } from '../../shared/templates/template-rules';
import {
  type ActionCheck,
  type Answer,
  type AttachmentRef,
  type Signature,
  OVERALL,
  type RaisedAction,
  type RatingOverride,
  type RecordDetails,
} from '../../shared/records/schema';
import type { ComponentChildren } from 'preact';
import { type GroupChildItem, type Template } from '../../shared/templates/schema';
import { dueText, formatDate, formatDateTime } from '../components/format';
import { SummaryList, SummaryRow } from '../components/SummaryList';
import { Thumbnail } from '../evidence/PhotoField';
import { ratingLabel, suggestionText } from './RatingField';
import { detailsTitle, FEEDBACK_TITLE } from './labels';
import { calendarDay } from '../../shared/calendar';

export type SummarisedRecord = {
  id: string;
  kind: 'visit' | 'observation' | 'audit';
  subjectName: string;
  details: RecordDetails;
  answers: Record<string, Answer>;
  sectionRatings: Record<string, string>;
  overallRating: string | null;
  ratingOverrides: Record<string, RatingOverride>;
  actions: RaisedAction[];
  actionChecks?: ActionCheck[];
  briefingSnapshot?: { openActions: Array<{ id: string; title: string }> } | null;
  signatures?: Signature[] | undefined;
};

export function Row(props: {
  label: string;
  value: string;
  note?: string | undefined;
  testId?: string;
  attachments?: AttachmentRef[] | undefined;
}) {
  const photos = props.attachments ?? [];
  return (
    <SummaryRow label={props.label} testId={props.testId}>
      {props.value}
      {props.note ? <span class="note-text">{props.note}</span> : null}
      {photos.length > 0 && (
        <ul class="photo-list" aria-label={`Photos for ${props.label}`}>
          {photos.map((a, i) => (
            <li key={a.sha256}>
              <Thumbnail attachment={a} alt={a.caption || `Photo ${i + 1} for ${props.label}`} />
              {a.caption && <span class="hint">{a.caption}</span>}
            </li>
          ))}
        </ul>
      )}
    </SummaryRow>
  );
}

export function answerText(template: Template, item: GroupChildItem, value: Answer['value'] | undefined): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return 'Not answered';
  const options = itemOptions(template, item);
  const label = (v: string) => options?.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (item.type === 'date') return formatDate(value);
  return label(value);
}

function DetailsRows(props: { record: SummarisedRecord }) {
  const d = props.record.details;
  if ('providerId' in d) {
    return (
      <>
        <Row label="Provider" value={props.record.subjectName} />
        <Row label="Date" value={formatDate(d.date)} />
        <Row label="Type" value={d.announced ? 'Announced' : 'Unannounced'} />
        <Row label="Spoke with" value={d.spokeWith || 'Not recorded'} />
      </>
    );
  }
  return (
    <>
      {'caseReference' in d && <Row label="Case reference" value={d.caseReference} />}
      <Row label={'caseReference' in d ? 'Allocated worker' : 'Practitioner'} value={d.practitionerName} />
      {'practitionerRole' in d && <Row label="Role" value={d.practitionerRole} />}
      <Row label="Team" value={d.team} />
      <Row label="Date" value={formatDate(d.date)} />
      {'caseReference' in d && (
        <Row
          label={FEEDBACK_TITLE}
          value={d.feedbackSentOn ? `Sent on ${formatDate(d.feedbackSentOn)}` : 'Not yet sent'}
        />
      )}
    </>
  );
}

/** A section of the summary: a heading and its rows, or, folded, a details element whose summary names the section and its rating. */
function Fold(props: {
  id: string;
  title: string;
  rating: string | null;
  folded: { open: boolean } | undefined;
  children: ComponentChildren;
}) {
  if (!props.folded)
    return (
      <section aria-labelledby={props.id}>
        <h2 id={props.id}>{props.title}</h2>
        {props.children}
      </section>
    );
  return (
    <details class="fold" open={props.folded.open} data-testid="summary-fold">
      <summary>
        <span class="fold-title" id={props.id}>
          {props.title}
        </span>
        {props.rating !== null && <span class="fold-rating">{props.rating}</span>}
      </summary>
      {props.children}
    </details>
  );
}

function RatingRow(props: {
  template: Template;
  label: string;
  given: string | null | undefined;
  suggested: string;
  override: RatingOverride | undefined;
  testId: string;
}) {
  const note = props.override ? `Differs from the suggested rating: ${props.override.reason}` : undefined;
  return (
    <Row
      label={props.label}
      value={`${ratingLabel(props.template, props.given)} (suggested: ${props.suggested})`}
      note={note}
      testId={props.testId}
    />
  );
}

export const SIGNER: Record<Signature['role'], string> = {
  'provider-manager': 'Registered manager',
  practitioner: 'Practitioner',
  observer: 'Observer',
};

const CHECK_LABEL: Record<ActionCheck['status'], string> = {
  open: 'Not started',
  'in-progress': 'In progress',
  done: 'Done, evidence seen',
  verified: 'Verified as done',
};

export function RecordSummary(props: {
  record: SummarisedRecord;
  template: Template;
  changeLinks: boolean;
  /**
   * Each section folded under its title and rating (a review of a long record on a phone); opened
   * one at a time, or all at once when `open`.
   */
  folded?: { open: boolean };
}) {
  const { record, template } = props;
  const base = `/visits/${record.id}`;
  const overall = suggestOverallRating(template, record.sectionRatings, record.answers);
  return (
    <>
      <h2>{detailsTitle(record.kind)}</h2>
      <SummaryList>
        <DetailsRows record={record} />
      </SummaryList>
      {props.changeLinks && (
        <p>
          <a href={`${base}/details`}>Change the details</a>
          {record.kind === 'audit' && (
            <>
              {' · '}
              <a href={`${base}/feedback`}>Record the feedback to the worker</a>
            </>
          )}
        </p>
      )}
      {template.sections.map((section) => (
        <Fold
          key={section.id}
          id={`sum-${section.id}`}
          title={section.title}
          rating={section.rated ? ratingLabel(template, record.sectionRatings[section.id]) : null}
          folded={props.folded}
        >
          <SummaryList>
            {section.items
              .filter((item) => isItemVisible(item, record.answers))
              .map((item) => {
                const answer = record.answers[item.id];
                if (item.type !== 'group') {
                  return (
                    <Row
                      key={item.id}
                      label={item.label}
                      value={answerText(template, item, answer?.value)}
                      note={answer?.note}
                      attachments={answer?.attachments}
                    />
                  );
                }
                const rows = answer?.rows ?? [];
                if (rows.length === 0) return <Row key={item.id} label={item.label} value="None recorded" />;
                return rows.map((row, n) => (
                  <Row
                    key={row.id}
                    label={`${item.rowLabel ?? item.label} ${n + 1}`}
                    attachments={Object.values(row.answers).flatMap((cell) => cell.attachments ?? [])}
                    value={(item.items ?? [])
                      .filter((c) => isItemVisible(c, row.answers))
                      .map((c) => `${c.label}: ${answerText(template, c, row.answers[c.id]?.value)}`)
                      .join(' · ')}
                  />
                ));
              })}
            {section.rated && (
              <RatingRow
                template={template}
                label="Rating"
                given={record.sectionRatings[section.id]}
                testId={`rating-row-${section.id}`}
                suggested={suggestionText(template, suggestSectionRating(template, section, record.answers))}
                override={record.ratingOverrides[section.id]}
              />
            )}
          </SummaryList>
          {props.changeLinks && (
            <p>
              <a href={`${base}/areas/${section.id}`}>Change {section.title.toLowerCase()}</a>
            </p>
          )}
        </Fold>
      ))}
      {template.overall && (
        <section aria-labelledby="sum-overall">
          <h2 id="sum-overall">{template.overall.label}</h2>
          <SummaryList>
            <RatingRow
              template={template}
              label="Overall"
              given={record.overallRating}
              suggested={suggestionText(template, overall)}
              override={record.ratingOverrides[OVERALL]}
              testId="rating-row-overall"
            />
          </SummaryList>
          {props.changeLinks && (
            <p>
              <a href={`${base}/judgement`}>Change the overall judgement</a>
            </p>
          )}
        </section>
      )}
      {(record.actionChecks?.length ?? 0) > 0 && (
        <section aria-labelledby="sum-earlier">
          <h2 id="sum-earlier">Actions from earlier visits</h2>
          <SummaryList>
            {record.actionChecks!.map((c) => (
              <Row
                key={c.actionId}
                label={record.briefingSnapshot?.openActions.find((a) => a.id === c.actionId)?.title ?? 'Earlier action'}
                value={CHECK_LABEL[c.status]}
                note={c.evidence}
              />
            ))}
          </SummaryList>
          {props.changeLinks && (
            <p>
              <a href={`${base}/earlier-actions`}>Change the checks of earlier actions</a>
            </p>
          )}
        </section>
      )}
      {(record.signatures?.length ?? 0) > 0 && (
        <section aria-labelledby="sum-signatures">
          <h2 id="sum-signatures">Signatures</h2>
          <SummaryList>
            {record.signatures!.map((s) => (
              <Row
                key={s.role}
                label={SIGNER[s.role]}
                value={`${s.name}, ${formatDateTime(s.signedAt)}`}
                testId="summary-signature"
              />
            ))}
          </SummaryList>
          {props.changeLinks && (
            <p>
              <a href={`${base}/signatures`}>Change signatures</a>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="sum-actions">
        <h2 id="sum-actions">
          Actions <span class="count">({record.actions.length})</span>
        </h2>
        {record.actions.length === 0 ? (
          <p>No actions raised.</p>
        ) : (
          <SummaryList>
            {record.actions.map((a) => (
              <Row
                key={a.id}
                label={a.title}
                testId="summary-action"
                value={`${a.significance === 'significant' ? 'Significant' : 'Routine'} · owner: the ${a.owner} · due ${formatDate(a.dueDate)}${a.dueDate < calendarDay(new Date()) ? ` · ${dueText(a.dueDate).toLowerCase()}` : ''}`}
                note={a.detail}
              />
            ))}
          </SummaryList>
        )}
        {props.changeLinks && (
          <p>
            <a href={`${base}/actions`}>Change actions</a>
          </p>
        )}
      </section>
    </>
  );
}
