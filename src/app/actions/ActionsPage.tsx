// Actions raised on a record: what must change, how significant, who owns it (the provider on a
// visit, the practitioner on an observation or audit) and by when — due by the template's policy
// (significant: 3 months, seed 004 §9) unless the person sets another date. Raised from any item
// or section (`?item=`), or from the record as a whole. Saved on the device as they are added.
import { useState } from 'preact/hooks';
import { actionDueDate } from '../../shared/deadlines';
import type { RaisedAction } from '../../shared/records/schema';
import type { Template } from '../../shared/templates/schema';
import { Radios } from '../components/choices';
import { DateInput, Select, TextArea, TextInput } from '../components/fields';
import { ACTION_TITLE_MAX, DETAIL_TEXT_MAX, tooLong } from '../../shared/records/text-limits';
import { BackLink, ErrorSummary, errorLinks, Page } from '../components/Page';
import { dueText, formatDate } from '../components/format';
import { queryParams } from '../lib/router';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { removeAction, saveAction } from '../records/answer-store';
import { withTemplate } from '../records/with-template';
import { recordNoun } from '../records/labels';
import { ReturnLink } from '../records/ReturnLink';
import { calendarDay } from '../../shared/calendar';

type Significance = RaisedAction['significance'];
type Field = 'title' | 'detail' | 'significance' | 'dueDate';

/** Every item and section an action can be raised from, labelled for a select. */
function sources(template: Template): Array<{ value: string; label: string }> {
  return template.sections.flatMap((s) => [
    { value: s.id, label: s.title },
    ...s.items.map((i) => ({ value: i.id, label: `${s.title}: ${i.label}` })),
  ]);
}
const SIGNIFICANCE = [
  { value: 'significant', label: 'Significant' },
  { value: 'routine', label: 'Routine' },
];

export const ActionsPage = withTemplate(function Actions(props: { visit: LocalRecord; template: Template }) {
  const { visit, template } = props;
  const [itemId, setItemId] = useState(() => queryParams().get('item') ?? '');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [significance, setSignificance] = useState<Significance | ''>('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState('');
  const [added, setAdded] = useState('');
  const owner = visit.kind === 'visit' ? 'provider' : 'practitioner';
  const choose = (value: Significance) => {
    setSignificance(value);
    setDueDate(actionDueDate(template, value, visit.details.date));
  };
  const labelOf = new Map(sources(template).map((s) => [s.value, s.label]));

  async function add(event: Event) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = 'Enter a short title for the action';
    else if (title.trim().length > ACTION_TITLE_MAX) found.title = tooLong('Action', ACTION_TITLE_MAX);
    if (!detail.trim()) found.detail = 'Enter what must change';
    else if (detail.trim().length > DETAIL_TEXT_MAX) found.detail = tooLong('What must change', DETAIL_TEXT_MAX);
    if (significance === '') found.significance = 'Select how significant the action is';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = 'Enter the date the action is due';
    else if (dueDate < visit.details.date) found.dueDate = 'The due date must be on or after the date of the record';
    setErrors(found);
    if (Object.keys(found).length > 0 || significance === '') return;
    const action: RaisedAction = {
      id: crypto.randomUUID(),
      itemId: itemId || null,
      title: title.trim(),
      detail: detail.trim(),
      significance,
      owner,
      dueDate,
    };
    try {
      await saveAction(visit.id, action);
      setAdded(action.title);
      setTitle('');
      setDetail('');
      setSignificance('');
      setDueDate('');
      setItemId('');
      document.getElementById('actions-heading')?.focus();
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }

  const summary = errorLinks(errors, (field) => `action-${field}`);
  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the {recordNoun(visit.kind)}</BackLink>
      <Page title="Actions" caption={visit.subjectName}>
        <ErrorSummary errors={failure ? [{ href: '#action-title', message: failure }, ...summary] : summary} />
        {added && (
          <div class="notification" role="status">
            <p>
              Action added: <strong>{added}</strong>
            </p>
          </div>
        )}
        <h2 id="actions-heading" tabIndex={-1}>
          Actions raised <span class="count">({visit.actions.length})</span>
        </h2>
        {visit.actions.length === 0 ? (
          <p>No actions raised yet.</p>
        ) : (
          <ul class="action-list">
            {visit.actions.map((a) => (
              <li key={a.id} data-testid="raised-action">
                <strong>{a.title}</strong>{' '}
                <span class={a.significance === 'significant' ? 'tag red' : 'tag grey'}>{a.significance}</span>
                {a.dueDate < calendarDay(new Date()) && (
                  <>
                    {' '}
                    <span class="tag red">{dueText(a.dueDate)}</span>
                  </>
                )}
                <p>{a.detail}</p>
                <p class="meta">
                  Owner: the {a.owner} · due {formatDate(a.dueDate)}
                  {a.itemId ? ` · from ${labelOf.get(a.itemId) ?? a.itemId}` : ''}
                </p>
                <button
                  type="button"
                  class="button secondary small"
                  onClick={() => void removeAction(visit.id, a.id).catch((e) => setFailure(saveFailureMessage(e)))}
                >
                  Remove<span class="visually-hidden"> action {a.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <h2>Raise an action</h2>
        <form onSubmit={add} noValidate>
          <Select
            id="action-item"
            label="Raised about (optional)"
            placeholder={`The ${visit.kind} as a whole`}
            options={sources(template)}
            value={itemId}
            onChange={setItemId}
          />
          <TextInput id="action-title" label="Action" value={title} error={errors.title} onChange={setTitle} />
          <TextArea
            id="action-detail"
            label="What must change"
            rows={3}
            value={detail}
            error={errors.detail}
            maxLength={DETAIL_TEXT_MAX}
            onChange={setDetail}
          />
          <Radios
            id="action-significance"
            inline
            legend="How significant is it?"
            hint={`Significant actions are due within ${template.actionDueMonths?.significant ?? 3} months; routine ones within ${template.actionDueMonths?.routine ?? 6}.`}
            options={SIGNIFICANCE}
            value={significance}
            error={errors.significance}
            onChange={(value) => choose(value as Significance)}
          />
          <DateInput
            id="action-dueDate"
            label="Due date"
            hint="Set from the significance; change it if you agreed another date."
            value={dueDate}
            error={errors.dueDate}
            onChange={setDueDate}
          />
          <p class="hint">The {owner} owns this action.</p>
          <button type="submit" class="button">
            Add action
          </button>{' '}
          <ReturnLink record={visit} secondary />
        </form>
      </Page>
    </>
  );
});
