// One item of a template as a form field, for every item type: text, long text, yes/no, single
// and multiple choice, number, date and rating, with guidance, the error message and the evidence
// note. Local state is the truth while the page is open; choices are saved at once, typed text
// 400 ms after the last keystroke, on blur, when the page is hidden and on unmount (docs/reliability-and-security.md).
// On a phone each question must stay short (issue 17): a shared scale's hints are said once per
// area (ScaleHints.tsx), and a check's long guidance folds under "What to look for".
import { useEffect, useRef, useState } from 'preact/hooks';
import { itemIssues, noteRequired } from '../../shared/records/record-rules';
import type { Answer, AttachmentRef } from '../../shared/records/schema';
import type { GroupChildItem, Template } from '../../shared/templates/schema';
import { itemOptions } from '../../shared/templates/template-rules';
import { Checkboxes, Radios } from '../components/choices';
import { CharacterCount, DateInput, TextArea, TextInput, type Option } from '../components/fields';
import { ANSWER_TEXT_MAX } from '../../shared/records/text-limits';
import { PhotoField } from '../evidence/PhotoField';
import type { PhotoPlace } from '../evidence/photo-store';
import { sharedScale } from './ScaleHints';

const TEXT_SAVE_DELAY_MS = 400;
/** Guidance longer than this, on a question answered by choosing, folds under "What to look for". */
const FOLD_GUIDANCE_OVER = 120;
export type LeafAnswer = Pick<Answer, 'value' | 'note'>;

export function AnswerField(props: {
  template: Template;
  item: GroupChildItem;
  answer: (LeafAnswer & { attachments?: AttachmentRef[] }) | undefined;
  showErrors: boolean;
  /** Offer photos on this item of this draft (and where the answer lives: an item, or a group row). */
  photos?: { recordId: string; place: PhotoPlace };
  /** Prefix for element ids, so repeated group rows stay unique. */
  idPrefix?: string;
  /** Added (visually hidden) to the label, e.g. "Person spoken to 2", so names are unique in rows. */
  context?: string;
  onSave: (answer: LeafAnswer) => Promise<void>;
  onError: (e: unknown) => void;
}) {
  const { item, template } = props;
  const id = `${props.idPrefix ?? ''}${item.id}`;
  const [value, setValue] = useState<LeafAnswer['value']>(props.answer?.value ?? null);
  const [note, setNote] = useState(props.answer?.note ?? '');
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<LeafAnswer>({ value, note });
  latest.current = { value, note };

  const persist = () => void props.onSave({ ...latest.current }).catch(props.onError);
  const flush = () => {
    if (pending.current === null) return;
    clearTimeout(pending.current);
    pending.current = null;
    persist();
  };
  const typed = (next: Partial<LeafAnswer>) => {
    latest.current = { ...latest.current, ...next };
    if (next.value !== undefined) setValue(next.value);
    if (next.note !== undefined) setNote(next.note);
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = setTimeout(flush, TEXT_SAVE_DELAY_MS);
  };
  const chosen = (next: LeafAnswer['value']) => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
    latest.current = { ...latest.current, value: next };
    setValue(next);
    persist();
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

  const issues = props.showErrors ? itemIssues(template, item, { value, note }) : [];
  const context = props.context ? <span class="visually-hidden"> ({props.context})</span> : null;
  const title = (
    <>
      {item.label}
      {item.required ? '' : ' (optional)'}
      {context}
    </>
  );
  // A shared scale's hints are at the top of the area; repeated under every question they buried it.
  const options: Option[] | null = sharedScale(template, item)
    ? itemOptions(template, item)!.map((o) => ({ value: o.value, label: o.label }))
    : itemOptions(template, item);
  // A check's guidance is reference for who needs it (GOV.UK details), not read before every answer;
  // after the choices, just above the evidence it helps to gather, and not part of the question's description.
  const foldGuidance = options !== null && (item.guidance?.length ?? 0) > FOLD_GUIDANCE_OVER;
  const guidance = foldGuidance && (
    <details class="details guidance">
      <summary>
        What to look for<span class="visually-hidden"> for {item.label}</span>
      </summary>
      <p class="details-text">{item.guidance}</p>
    </details>
  );
  const needsNote = noteRequired(item, { value, note });
  const noteField = item.note !== 'none' && (
    <div class="note">
      <label class="label small" for={`${id}-note`} id={`${id}-note-label`}>
        {item.type === 'rating' ? 'Rationale' : 'Evidence'}
        {needsNote ? '' : ' (optional)'}
      </label>
      {/* Named with the item's legend too: the box sits outside the fieldset, so its label alone would not say which item. */}
      <textarea
        id={`${id}-note`}
        class={note.length > ANSWER_TEXT_MAX ? 'textarea over' : 'textarea'}
        rows={2}
        autocomplete="off"
        value={note}
        aria-labelledby={`${id}-note-label ${id}-legend`}
        aria-describedby={`${id}-note-info`}
        onInput={(e) => typed({ note: e.currentTarget.value })}
        onBlur={flush}
      />
      <CharacterCount id={`${id}-note`} length={note.length} max={ANSWER_TEXT_MAX} />
    </div>
  );

  const photos = props.photos !== undefined && (
    <PhotoField
      recordId={props.photos.recordId}
      place={props.photos.place}
      idPrefix={props.idPrefix ?? ''}
      itemLabel={props.context ? `${item.label} (${props.context})` : item.label}
      attachments={props.answer?.attachments ?? []}
    />
  );
  const field = {
    id,
    hint: foldGuidance ? undefined : item.guidance,
    error: issues.join('. '),
    after: (
      <>
        {guidance}
        {noteField}
        {photos}
      </>
    ),
  };

  if (options === null) {
    const text = {
      ...field,
      label: title,
      labelId: `${id}-legend`,
      value: typeof value === 'string' ? value : '',
      onBlur: flush,
      onChange: (next: string) => typed({ value: next }),
    };
    if (item.type === 'long-text' || item.type === 'text')
      return <TextArea {...text} rows={item.type === 'long-text' ? 6 : 2} maxLength={ANSWER_TEXT_MAX} />;
    if (item.type === 'date') return <DateInput {...text} onCommit={chosen} />;
    return <TextInput {...text} short inputMode="decimal" />;
  }

  const choices = { ...field, legend: title, legendId: `${id}-legend`, class: 'item', options };
  if (item.type === 'multi-choice')
    return (
      <Checkboxes {...choices} value={Array.isArray(value) ? value : value === null ? [] : [value]} onChange={chosen} />
    );
  const inline = options.length <= 4 && options.every((o) => o.label.length <= 20 && !o.hint);
  return <Radios {...choices} inline={inline} value={typeof value === 'string' ? value : null} onChange={chosen} />;
}
