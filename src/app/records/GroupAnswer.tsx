// A repeating group (each person spoken to, each file sampled): one fieldset per row with its
// items, add and remove buttons, and focus moved where the person expects it. Rows live in the
// database (stable ids); each field keeps its own state, keyed by row and item. Also FieldFor,
// which renders any top-level item as a field, or nothing when its show-if is not met.
import { useEffect, useRef, useState } from 'preact/hooks';
import { groupIssues } from '../../shared/records/record-rules';
import type { Answer } from '../../shared/records/schema';
import type { Template, TemplateItem } from '../../shared/templates/schema';
import { isItemVisible } from '../../shared/templates/template-rules';
import { Fieldset } from '../components/choices';
import { AnswerField, type LeafAnswer } from './AnswerField';

type RowCallbacks = {
  onAddRow: (groupId: string) => Promise<string>;
  onRemoveRow: (groupId: string, rowId: string) => Promise<void>;
  onSaveRowAnswer: (groupId: string, rowId: string, itemId: string, answer: LeafAnswer) => Promise<void>;
};

export function GroupAnswer(
  props: {
    template: Template;
    item: TemplateItem;
    answer: Answer | undefined;
    showErrors: boolean;
    onError: (e: unknown) => void;
    /** The draft's id, so the rows' items can take photos. */
    recordId?: string;
  } & RowCallbacks,
) {
  const { item, template } = props;
  const rows = props.answer?.rows ?? [];
  const rowLabel = item.rowLabel ?? 'Row';
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusRow === null || !rows.some((r) => r.id === focusRow)) return;
    const first = document.querySelector<HTMLElement>(
      `[data-row="${focusRow}"] input, [data-row="${focusRow}"] textarea`,
    );
    first?.focus();
    setFocusRow(null);
  }, [focusRow, rows.length]);

  const issues = props.showErrors ? groupIssues(template, item, props.answer).filter((i) => i.path === '') : [];
  const full = item.maxRows !== undefined && rows.length >= item.maxRows;
  const adding = useRef(false);
  const add = async () => {
    if (adding.current) return; // a quick double tap adds one row, not two
    adding.current = true;
    try {
      setFocusRow(await props.onAddRow(item.id));
    } catch (e) {
      props.onError(e);
    } finally {
      adding.current = false;
    }
  };
  const remove = async (rowId: string) => {
    try {
      await props.onRemoveRow(item.id, rowId);
      addButton.current?.focus();
    } catch (e) {
      props.onError(e);
    }
  };
  return (
    <Fieldset
      id={item.id}
      focusable
      class="group"
      legend={`${item.label}${item.required || (item.minRows ?? 0) > 0 ? '' : ' (optional)'}`}
      hint={item.guidance}
      error={issues.map((i) => i.message).join('. ')}
    >
      {rows.map((row, n) => {
        const name = `${rowLabel} ${n + 1}`;
        return (
          <fieldset class="fieldset group-row" key={row.id} data-row={row.id}>
            <legend class="legend small">{name}</legend>
            {(item.items ?? [])
              .filter((child) => isItemVisible(child, row.answers))
              .map((child) => (
                <AnswerField
                  key={`${row.id}:${child.id}`}
                  template={template}
                  item={child}
                  answer={row.answers[child.id]}
                  showErrors={props.showErrors}
                  idPrefix={`${item.id}-${row.id}-`}
                  context={name}
                  onError={props.onError}
                  photos={
                    props.recordId === undefined
                      ? undefined
                      : { recordId: props.recordId, place: { groupId: item.id, rowId: row.id, itemId: child.id } }
                  }
                  onSave={(answer) => props.onSaveRowAnswer(item.id, row.id, child.id, answer)}
                />
              ))}
            <button type="button" class="button secondary small" onClick={() => void remove(row.id)}>
              Remove<span class="visually-hidden"> {name.toLowerCase()}</span>
            </button>
          </fieldset>
        );
      })}
      <button type="button" class="button secondary" ref={addButton} disabled={full} onClick={() => void add()}>
        {rows.length === 0 ? `Add a ${rowLabel.toLowerCase()}` : `Add another ${rowLabel.toLowerCase()}`}
      </button>
      {full && <p class="hint">You can add up to {item.maxRows}.</p>}
    </Fieldset>
  );
}

/** Any top-level item as a field; nothing when a show-if hides it. */
export function FieldFor(
  props: {
    template: Template;
    item: TemplateItem;
    answers: Record<string, Answer>;
    showErrors: boolean;
    onError: (e: unknown) => void;
    /** The draft's id, so items can take photos. */
    recordId?: string;
    onSave: (itemId: string, answer: LeafAnswer) => Promise<void>;
  } & RowCallbacks,
) {
  const { item, answers } = props;
  if (!isItemVisible(item, answers)) return null;
  const field = {
    template: props.template,
    answer: answers[item.id],
    showErrors: props.showErrors,
    onError: props.onError,
  };
  if (item.type === 'group') {
    return (
      <GroupAnswer
        {...field}
        item={item}
        recordId={props.recordId}
        onAddRow={props.onAddRow}
        onRemoveRow={props.onRemoveRow}
        onSaveRowAnswer={props.onSaveRowAnswer}
      />
    );
  }
  return (
    <AnswerField
      {...field}
      item={item}
      onSave={(answer) => props.onSave(item.id, answer)}
      photos={props.recordId === undefined ? undefined : { recordId: props.recordId, place: { itemId: item.id } }}
    />
  );
}
