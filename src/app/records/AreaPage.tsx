// One section of a record: its items (every type, repeating groups, show-if), the section rating
// with the suggestion from the answers, and a way to raise an action about any item. Choices are
// saved the moment they are made; typed text after a short pause, on blur and when the page is
// hidden (fields/ItemField), so a killed browser loses at most about a second.
import { useState } from 'preact/hooks';
import { answerIssues } from '../../shared/records/record-rules';
import { suggestSectionRating } from '../../shared/records/scoring';
import { isItemVisible, itemOptions } from '../../shared/templates/template-rules';
import type { Answer, Template, TemplateItem } from '../../shared/schemas';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { navigate } from '../lib/router';
import { addGroupRow, removeGroupRow, saveAnswer, saveRowAnswer } from './answer-store';
import { storedRecord } from './visit-store';
import { FieldFor } from './GroupAnswer';
import { useTemplate } from './queries';
import { RatingField } from './RatingField';
import { MissingTemplate } from './TaskListPage';
import { recordNoun } from './labels';

export function AreaPage(props: { visit: LocalRecord; sectionId: string }) {
  const { visit } = props;
  const template = useTemplate(visit.templateId, visit.templateVersion);
  const [saveError, setSaveError] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  if (template === undefined) return <p>Loading…</p>;
  if (template === null) return <MissingTemplate />;
  const index = template.sections.findIndex((s) => s.id === props.sectionId);
  const section = template.sections[index];
  if (!section)
    return (
      <Page title="Section not found">
        <a href={`/visits/${visit.id}`}>Back to the {recordNoun(visit.kind)}</a>
      </Page>
    );
  const next = template.sections[index + 1];
  const onError = (error: unknown) => setSaveError(saveFailureMessage(error));
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

  async function finish(event: Event) {
    event.preventDefault();
    (document.activeElement as HTMLElement | null)?.blur(); // flushes text being typed
    // Judge what is stored, not the last render: a choice made a moment ago may still be saving.
    const stored = (await storedRecord(visit.id)) ?? visit;
    if (problemsOf(stored).length > 0 && !showErrors) {
      setShowErrors(true);
      return;
    }
    navigate(next ? `/visits/${visit.id}/areas/${next.id}` : `/visits/${visit.id}`);
  }

  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the {recordNoun(visit.kind)}</BackLink>
      <Page title={section.title} caption={visit.subjectName}>
        {saveError && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: saveError }]} />}
        {showErrors && <ErrorSummary title={`This ${noun} is not complete yet`} errors={problems} />}
        {section.summary && <p class="lead">{section.summary}</p>}
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
          <a class="button secondary" href={`/visits/${visit.id}`}>
            Return to the {recordNoun(visit.kind)}
          </a>
        </form>
      </Page>
    </>
  );
}

/** An answer that scores below the best option: where an action is most likely needed. */
function belowBest(template: Template, item: TemplateItem, value: Answer['value'] | undefined): boolean {
  const options = item.type === 'group' ? null : itemOptions(template, item);
  if (!options || typeof value !== 'string') return false;
  const score = options.find((o) => o.value === value)?.score;
  const best = Math.max(...options.map((o) => o.score ?? -Infinity));
  return score !== undefined && score < best;
}
