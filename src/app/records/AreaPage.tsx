// One section of a record: its items (every type, repeating groups, show-if), the section rating
// with the suggestion from the answers, and links to raise an action about the section or about an
// item whose answer scores below the best option. Choices are saved the moment they are made; typed
// text 400 ms after the last keystroke, on blur and when the page is hidden (AnswerField), so a
// killed browser loses at most about a second. Moving on checks the section (DraftStep.tsx).
import { answerIssues } from '../../shared/records/record-rules';
import { suggestSectionRating } from '../../shared/records/scoring';
import { isItemVisible, itemOptions } from '../../shared/templates/template-rules';
import type { Answer } from '../../shared/records/schema';
import type { Template, TemplateItem } from '../../shared/templates/schema';
import type { LocalRecord } from '../storage/database';
import { addGroupRow, removeGroupRow, saveAnswer, saveRowAnswer } from './answer-store';
import { DraftStep, StepNotFound, useDraftStep } from './DraftStep';
import { FieldFor } from './GroupAnswer';
import { RatingField } from './RatingField';
import { ScaleHints } from './ScaleHints';
import { withTemplate } from './with-template';
import { recordNoun } from './labels';
import { ReturnLink } from './ReturnLink';

export const AreaPage = withTemplate(function AreaForm(props: {
  visit: LocalRecord;
  sectionId: string;
  template: Template;
}) {
  const { visit, template } = props;
  const step = useDraftStep(visit, props.sectionId);
  const index = template.sections.findIndex((s) => s.id === props.sectionId);
  const section = template.sections[index];
  if (!section) return <StepNotFound visit={visit} title="Section not found" />;
  const next = template.sections[index + 1];
  const { onError, showErrors } = step;
  const noun = visit.kind === 'visit' ? 'area' : 'section';
  const suggestion = suggestSectionRating(template, section, visit.answers);
  const override = visit.ratingOverrides[section.id];
  const rating = visit.sectionRatings[section.id] ?? null;

  const problemsOf = (record: LocalRecord) => {
    const found = section.items.flatMap((item) =>
      answerIssues(template, item, record.answers).map((message) => ({
        href: `#${item.id}`,
        message: `${item.label}: ${message}`,
      })),
    );
    const given = record.sectionRatings[section.id] ?? null;
    const suggested = suggestSectionRating(template, section, record.answers).rating;
    if (section.rated && given === null)
      found.push({ href: `#rating-${section.id}`, message: `Give this ${noun} a rating` });
    if (
      section.rated &&
      given !== null &&
      suggested !== null &&
      given !== suggested &&
      !record.ratingOverrides[section.id]
    ) {
      found.push({
        href: `#rating-${section.id}-reason`,
        message: 'Give the reason for choosing a different rating from the suggested one',
      });
    }
    return found;
  };
  const problems = problemsOf(visit);
  const finish = (event: Event) =>
    step.finish(event, problemsOf, next ? `/visits/${visit.id}/areas/${next.id}` : `/visits/${visit.id}`);

  return (
    <DraftStep
      visit={visit}
      title={section.title}
      step={step}
      incomplete={`This ${noun} is not complete yet`}
      problems={problems}
    >
      {section.summary && <p class="lead">{section.summary}</p>}
      <ScaleHints template={template} items={section.items} />
      <form onSubmit={(e) => void finish(e)} noValidate>
        {section.items.map((item) => (
          <div key={`${visit.id}:${item.id}`}>
            <FieldFor
              template={template}
              item={item}
              answers={visit.answers}
              showErrors={showErrors}
              onError={onError}
              recordId={visit.id}
              onSave={(itemId, answer) => saveAnswer(visit.id, itemId, answer)}
              onAddRow={(groupId) => addGroupRow(visit.id, groupId)}
              onRemoveRow={(groupId, rowId) => removeGroupRow(visit.id, groupId, rowId)}
              onSaveRowAnswer={(groupId, rowId, itemId, answer) =>
                saveRowAnswer(visit.id, groupId, rowId, itemId, answer)
              }
            />
            {isItemVisible(item, visit.answers) && belowBest(template, item, visit.answers[item.id]?.value) && (
              <p class="raise-action no-print">
                <a href={`/visits/${visit.id}/actions?item=${encodeURIComponent(item.id)}`}>
                  Raise an action<span class="visually-hidden"> about {item.label}</span>
                </a>
                {visit.actions.some((a) => a.itemId === item.id) && (
                  <span class="meta"> · {visit.actions.filter((a) => a.itemId === item.id).length} raised</span>
                )}
              </p>
            )}
          </div>
        ))}
        <p class="no-print">
          <a href={`/visits/${visit.id}/actions?item=${encodeURIComponent(section.id)}`}>
            Raise an action about this {noun}
          </a>
        </p>
        {section.rated && (
          <RatingField
            key={`${visit.id}:${section.id}`}
            recordId={visit.id}
            template={template}
            ratingKey={section.id}
            isOverall={false}
            legend={`Rating for ${section.title.toLowerCase()}`}
            current={rating}
            suggestion={suggestion}
            override={override}
            showErrors={showErrors}
            onError={onError}
          />
        )}
        {showErrors && problems.length > 0 && (
          <p class="hint">You can leave this {noun} and come back: everything you have entered is saved.</p>
        )}
        <button type="submit" class="button">
          {next ? `Save and go to next ${noun}` : `Save and return to the ${recordNoun(visit.kind)}`}
        </button>{' '}
        <ReturnLink record={visit} secondary />
      </form>
    </DraftStep>
  );
});

/** An answer that scores below the best option: where an action is most likely needed. */
function belowBest(template: Template, item: TemplateItem, value: Answer['value'] | undefined): boolean {
  const options = item.type === 'group' ? null : itemOptions(template, item);
  if (!options || typeof value !== 'string') return false;
  const score = options.find((o) => o.value === value)?.score;
  const best = Math.max(...options.map((o) => o.score ?? -Infinity));
  return score !== undefined && score < best;
}
