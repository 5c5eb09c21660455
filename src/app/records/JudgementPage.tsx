// The overall judgement: each section's rating as given, the overall rating the template's rule
// suggests from them (and from any answer that limits it, such as a breach of regulation found),
// and the person's own judgement, which needs a written reason when it differs.
import { suggestOverallRating } from '../../shared/records/scoring';
import { OVERALL } from '../../shared/records/schema';
import { type Template } from '../../shared/templates/schema';
import { SummaryList } from '../components/SummaryList';
import type { LocalRecord } from '../storage/database';
import { DraftStep, StepNotFound, useDraftStep } from './DraftStep';
import { RatingField, ratingLabel } from './RatingField';
import { withTemplate } from './with-template';

export const JudgementPage = withTemplate(function JudgementForm(props: { visit: LocalRecord; template: Template }) {
  const { visit, template } = props;
  const step = useDraftStep(visit);
  if (!template.overall) return <StepNotFound visit={visit} title="No overall judgement" />;
  const suggestion = suggestOverallRating(template, visit.sectionRatings, visit.answers);
  const override = visit.ratingOverrides[OVERALL];
  const problemsOf = (record: LocalRecord) => {
    const suggested = suggestOverallRating(template, record.sectionRatings, record.answers).rating;
    const differs = record.overallRating !== null && suggested !== null && record.overallRating !== suggested;
    return [
      ...(record.overallRating === null ? [{ href: `#rating-${OVERALL}`, message: 'Give the overall rating' }] : []),
      ...(differs && !record.ratingOverrides[OVERALL]
        ? [{ href: `#rating-${OVERALL}-reason`, message: 'Give the reason for choosing a different rating' }]
        : []),
    ];
  };

  return (
    <DraftStep
      visit={visit}
      title={template.overall.label}
      step={step}
      incomplete="The judgement is not complete yet"
      problems={problemsOf(visit)}
    >
      {template.overall.guidance && <p class="lead">{template.overall.guidance}</p>}
      <h2>Section ratings</h2>
      <SummaryList
        rows={template.sections
          .filter((s) => s.rated)
          .map((s) => [s.title, ratingLabel(template, visit.sectionRatings[s.id])] as const)}
      />
      <form onSubmit={(e) => void step.finish(e, problemsOf, `/visits/${visit.id}`)} noValidate>
        <RatingField
          key={visit.id}
          recordId={visit.id}
          template={template}
          ratingKey={OVERALL}
          isOverall
          legend={template.overall.label}
          current={visit.overallRating}
          suggestion={suggestion}
          override={override}
          showErrors={step.showErrors}
          onError={step.onError}
        />
        <button type="submit" class="button">
          Save and return
        </button>
      </form>
    </DraftStep>
  );
});
