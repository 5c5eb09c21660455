// The overall judgement: each section's rating as given, the overall rating the scoring rule
// suggests from them (CQC: percentage and bands; QMF: worst area; audits: average grade), and the
// person's own judgement, which needs a written reason when it differs.
import { useState } from 'preact/hooks';
import { suggestOverallRating } from '../../shared/records/scoring';
import { OVERALL } from '../../shared/schemas';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { navigate } from '../lib/router';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { useTemplate } from './queries';
import { RatingField, ratingLabel } from './RatingField';
import { MissingTemplate } from './TaskListPage';
import { storedRecord } from './visit-store';
import { recordNoun } from './labels';

export function JudgementPage(props: { visit: LocalRecord }) {
  const { visit } = props;
  const template = useTemplate(visit.templateId, visit.templateVersion);
  const [saveError, setSaveError] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  if (template === undefined) return <p>Loading…</p>;
  if (template === null) return <MissingTemplate />;
  if (!template.overall)
    return (
      <Page title="No overall judgement">
        <a href={`/visits/${visit.id}`}>Back to the {recordNoun(visit.kind)}</a>
      </Page>
    );
  const suggestion = suggestOverallRating(template, visit.sectionRatings);
  const override = visit.ratingOverrides[OVERALL];
  const problemsOf = (record: LocalRecord) => {
    const suggested = suggestOverallRating(template, record.sectionRatings).rating;
    const differs = record.overallRating !== null && suggested !== null && record.overallRating !== suggested;
    return [
      ...(record.overallRating === null ? [{ href: `#rating-${OVERALL}`, message: 'Give the overall rating' }] : []),
      ...(differs && !record.ratingOverrides[OVERALL]
        ? [{ href: `#rating-${OVERALL}-reason`, message: 'Give the reason for choosing a different rating' }]
        : []),
    ];
  };
  const problems = problemsOf(visit);

  async function finish(event: Event) {
    event.preventDefault();
    (document.activeElement as HTMLElement | null)?.blur();
    // Judge what is stored, not the last render: a choice made a moment ago may still be saving.
    const stored = (await storedRecord(visit.id)) ?? visit;
    if (problemsOf(stored).length > 0 && !showErrors) {
      setShowErrors(true);
      return;
    }
    navigate(`/visits/${visit.id}`);
  }

  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the {recordNoun(visit.kind)}</BackLink>
      <Page title={template.overall.label} caption={visit.subjectName}>
        {saveError && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: saveError }]} />}
        {showErrors && problems.length > 0 && (
          <ErrorSummary title="The judgement is not complete yet" errors={problems} />
        )}
        {template.overall.guidance && <p class="lead">{template.overall.guidance}</p>}
        <h2>Section ratings</h2>
        <dl class="summary-list">
          {template.sections
            .filter((s) => s.rated)
            .map((s) => (
              <div class="summary-row" key={s.id}>
                <dt>{s.title}</dt>
                <dd>{ratingLabel(template, visit.sectionRatings[s.id])}</dd>
              </div>
            ))}
        </dl>
        <form onSubmit={(e) => void finish(e)} noValidate>
          <RatingField
            recordId={visit.id}
            template={template}
            ratingKey={OVERALL}
            isOverall
            legend={template.overall.label}
            current={visit.overallRating}
            suggestion={suggestion}
            override={override}
            showErrors={showErrors}
            onError={(e) => setSaveError(saveFailureMessage(e))}
          />
          <button type="submit" class="button">
            Save and return
          </button>
        </form>
      </Page>
    </>
  );
}
