// One area of the visit: its items (answer, evidence note) and the area's rating. Choices are
// saved the moment they are made; notes are saved while typing (after a short pause) and
// whenever the field loses focus or the page is hidden, so a killed browser loses at most ~1 s.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answer, Template, TemplateItem, TemplateSection } from '../../shared/schemas';
import { itemIssues, noteRequired, optionsFor } from '../../shared/visit-rules';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import type { VisitRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { navigate } from '../lib/router';
import { useTemplate } from './queries';
import { MissingTemplate } from './TaskListPage';
import { saveAnswer, saveSectionRating } from './visit-store';

const NOTE_SAVE_DELAY_MS = 400;

export function AreaPage(props: { visit: VisitRecord; sectionId: string }) {
  const { visit } = props;
  const template = useTemplate(visit.templateId, visit.templateVersion);
  const [saveError, setSaveError] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  if (template === undefined) return <p>Loading…</p>;
  if (template === null) return <MissingTemplate />;
  const index = template.sections.findIndex((s) => s.id === props.sectionId);
  const section = template.sections[index];
  if (!section) return <Page title="Area not found"><a href={`/visits/${visit.id}`}>Back to the visit</a></Page>;
  const next = template.sections[index + 1];
  const onError = (error: unknown) => setSaveError(saveFailureMessage(error));

  const problems = section.items.flatMap((item) =>
    itemIssues(template, item, visit.answers[item.id]).map((message) => ({ href: `#${item.id}`, message: `${item.label}: ${message}` })),
  );
  if (section.rated && !visit.sectionRatings[section.id]) problems.push({ href: `#rating-${section.id}`, message: 'Give this area a rating' });

  function finish(event: Event) {
    event.preventDefault();
    (document.activeElement as HTMLElement | null)?.blur(); // flushes a note being typed
    if (problems.length > 0 && !showErrors) {
      setShowErrors(true);
      return;
    }
    navigate(next ? `/visits/${visit.id}/areas/${next.id}` : `/visits/${visit.id}`);
  }

  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the visit</BackLink>
      <Page title={section.title} caption={visit.providerName}>
        {saveError && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: saveError }]} />}
        {showErrors && (
          <ErrorSummary
            title="This area is not complete yet"
            errors={problems}
          />
        )}
        {section.summary && <p class="lead">{section.summary}</p>}
        <form onSubmit={finish} noValidate>
          {section.items.map((item) => (
            <ItemField key={`${visit.id}:${item.id}`} visitId={visit.id} template={template} item={item}
              answer={visit.answers[item.id]} showErrors={showErrors} onError={onError} />
          ))}
          <AreaRating visit={visit} template={template} section={section} onError={onError} />
          {showErrors && problems.length > 0 && (
            <p class="hint">You can leave this area and come back: everything you have entered is saved.</p>
          )}
          <button type="submit" class="button">{next ? 'Save and go to next area' : 'Save and return to the visit'}</button>{' '}
          <a class="button secondary" href={`/visits/${visit.id}`}>Return to the visit</a>
        </form>
      </Page>
    </>
  );
}

function ItemField(props: {
  visitId: string; template: Template; item: TemplateItem; answer: Answer | undefined; showErrors: boolean; onError: (e: unknown) => void;
}) {
  const { item, template, visitId } = props;
  // Local state is the truth while the page is open; the database follows it.
  const [value, setValue] = useState(props.answer?.value ?? null);
  const [note, setNote] = useState(props.answer?.note ?? '');
  const [text, setText] = useState(item.type === 'choice' ? '' : (value ?? ''));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ value, note, text });
  latest.current = { value, note, text };

  const persist = (answer: Answer) => saveAnswer(visitId, item.id, answer).catch(props.onError);
  const flush = () => {
    if (pending.current === null) return;
    clearTimeout(pending.current);
    pending.current = null;
    const l = latest.current;
    void persist({ value: item.type === 'choice' ? l.value : l.text, note: l.note });
  };
  const scheduleSave = () => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = setTimeout(flush, NOTE_SAVE_DELAY_MS);
  };
  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, []);

  const issues = props.showErrors ? itemIssues(template, item, { value: item.type === 'choice' ? value : text, note }) : [];
  const needsNote = noteRequired(item, { value, note });
  const errorId = `${item.id}-error`;
  const guidanceId = `${item.id}-guidance`;

  if (item.type !== 'choice') {
    return (
      <div class={`form-group${issues.length ? ' has-error' : ''}`}>
        <label class="label" for={item.id}>{item.label}{item.required ? '' : ' (optional)'}</label>
        {item.guidance && <p class="hint" id={guidanceId}>{item.guidance}</p>}
        {issues.length > 0 && <p class="error-message" id={errorId}>{issues.join('. ')}</p>}
        <textarea id={item.id} class="textarea" rows={item.type === 'long-text' ? 6 : 2} value={text}
          aria-describedby={[item.guidance ? guidanceId : '', issues.length ? errorId : ''].filter(Boolean).join(' ') || undefined}
          onInput={(e) => { setText(e.currentTarget.value); latest.current.text = e.currentTarget.value; scheduleSave(); }}
          onBlur={flush} />
      </div>
    );
  }

  return (
    <div class={`form-group item${issues.length ? ' has-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={[item.guidance ? guidanceId : '', issues.length ? errorId : ''].filter(Boolean).join(' ') || undefined}>
        <legend class="legend" id={`${item.id}-legend`}>{item.label}</legend>
        {item.guidance && <p class="hint" id={guidanceId}>{item.guidance}</p>}
        {issues.length > 0 && <p class="error-message" id={errorId}>{issues.join('. ')}</p>}
        <div class="radios inline">
          {optionsFor(template, item).map((option, i) => {
            const id = i === 0 ? item.id : `${item.id}-${option.value}`;
            return (
              <div class="radio" key={option.value}>
                <input id={id} type="radio" name={item.id} value={option.value} checked={value === option.value}
                  onChange={() => {
                    if (pending.current !== null) clearTimeout(pending.current);
                    pending.current = null;
                    setValue(option.value);
                    latest.current.value = option.value;
                    void persist({ value: option.value, note: latest.current.note });
                  }} />
                <label for={id}>{option.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {item.note !== 'none' && (
        <div class="note">
          <label class="label small" for={`${item.id}-note`} id={`${item.id}-note-label`}>
            Evidence{needsNote ? '' : ' (optional)'}
          </label>
          {/* Named "Evidence … <item>": the box sits outside the item's fieldset, so the label alone would not say which item. */}
          <textarea id={`${item.id}-note`} class="textarea" rows={2} value={note}
            aria-labelledby={`${item.id}-note-label ${item.id}-legend`}
            onInput={(e) => { setNote(e.currentTarget.value); latest.current.note = e.currentTarget.value; scheduleSave(); }}
            onBlur={flush} />
        </div>
      )}
    </div>
  );
}

function AreaRating(props: { visit: VisitRecord; template: Template; section: TemplateSection; onError: (e: unknown) => void }) {
  const { visit, template, section } = props;
  if (!section.rated) return null;
  const current = visit.sectionRatings[section.id] ?? null;
  return (
    <div class="form-group rating">
      <fieldset class="fieldset">
        <legend class="legend large">Rating for {section.title.toLowerCase()}</legend>
        <div class="radios">
          {template.ratingScale.map((option, i) => {
            const id = i === 0 ? `rating-${section.id}` : `rating-${section.id}-${option.value}`;
            return (
              <div class="radio" key={option.value}>
                <input id={id} type="radio" name={`rating-${section.id}`} value={option.value} checked={current === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                  onChange={() => void saveSectionRating(visit.id, section.id, option.value).catch(props.onError)} />
                <label for={id}>{option.label}</label>
                {option.hint && <p class="hint radio-hint" id={`${id}-hint`}>{option.hint}</p>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
