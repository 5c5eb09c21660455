// answers.csv: one row per answer of each record's current revision, including every answer inside
// a repeating group's rows. Owns the column table and the reader that rebuilds each record's
// `answers` from it. What the file does not carry: attachment captions, types and sizes (only the
// SHA-256 names), whether an empty attachment list was present at all, and a group's own value
// (the app always keeps it null; a group's answer lives in its rows).
import type { Answer, StoredSubmission } from '../../../shared/records/schema';
import { type Column, readTable, toInt } from './csv';

/**
 * One line of the file. A top-level answer has no group; a repeating group has its own line
 * (value_kind `group`, carrying its note and photos) followed by one line per answer in each of its
 * rows. A row with no answers yet still gets one line, with an empty item_id, so it is not lost.
 */
type AnswerLine = {
  record: StoredSubmission;
  itemId: string;
  groupId: string;
  rowId: string;
  value: Answer['value'];
  group: boolean;
  note: string;
  attachments: readonly { sha256: string }[];
};

const VALUE_KINDS = ['text', 'list', 'empty', 'group'] as const;
type ValueKind = (typeof VALUE_KINDS)[number];

const valueKind = (line: AnswerLine): ValueKind =>
  line.group ? 'group' : line.value === null ? 'empty' : Array.isArray(line.value) ? 'list' : 'text';

export const ANSWER_COLUMNS = [
  { name: 'record_id', means: 'The record the answer belongs to', of: (l) => l.record.id },
  { name: 'revision', means: 'The record’s current revision', of: (l) => String(l.record.revision) },
  {
    name: 'item_id',
    means: 'The template item answered (inside a group: the item within the row)',
    of: (l) => l.itemId,
  },
  {
    name: 'group_id',
    means: 'For an answer inside a repeating group: the group item; empty for top-level answers',
    of: (l) => l.groupId,
  },
  {
    name: 'row_id',
    means: 'For an answer inside a repeating group: the row’s id; empty for top-level answers',
    of: (l) => l.rowId,
  },
  {
    name: 'value',
    means:
      'The answer: text as typed, or the chosen values of a multiple choice joined by ; (values are slugs, so never contain ;)',
    of: (l) => (Array.isArray(l.value) ? l.value.join(';') : (l.value ?? '')),
  },
  {
    name: 'value_kind',
    means: 'text, list (multiple choice), empty (no answer) or group (a repeating group’s own line)',
    of: valueKind,
  },
  { name: 'note', means: 'The evidence note', of: (l) => l.note },
  {
    name: 'attachments',
    means: 'The SHA-256 names of the photos on the answer, joined by a space',
    of: (l) => l.attachments.map((a) => a.sha256).join(' '),
  },
] as const satisfies readonly Column<AnswerLine>[];

/** Every line of answers.csv for these records, in record order, each group's rows in their order. */
export function* answerLines(records: Iterable<StoredSubmission>): Generator<AnswerLine> {
  for (const record of records) {
    for (const [itemId, answer] of Object.entries(record.body.answers)) {
      const top = { record, itemId, groupId: '', rowId: '', note: answer.note, attachments: answer.attachments ?? [] };
      if (answer.rows === undefined) {
        yield { ...top, value: answer.value, group: false };
        continue;
      }
      yield { ...top, value: null, group: true };
      for (const row of answer.rows) {
        const base = { record, groupId: itemId, rowId: row.id, group: false };
        const cells = Object.entries(row.answers);
        if (cells.length === 0) yield { ...base, itemId: '', value: null, note: '', attachments: [] };
        for (const [childId, cell] of cells) {
          yield { ...base, itemId: childId, value: cell.value, note: cell.note, attachments: cell.attachments ?? [] };
        }
      }
    }
  }
}

/** An answer as answers.csv carries it: photos by SHA-256 only, and only when there are some. */
export type CarriedCell = { value: Answer['value']; note: string; attachments?: string[] };
export type CarriedAnswer = CarriedCell & { rows?: Array<{ id: string; answers: Record<string, CarriedCell> }> };
type RecordAnswers = { recordId: string; revision: number; answers: Record<string, CarriedAnswer> };

function readValue(value: string, kind: string): Answer['value'] {
  switch (kind) {
    case 'text':
      return value;
    case 'list':
      return value === '' ? [] : value.split(';');
    case 'empty':
    case 'group':
      return null;
    default:
      throw new Error(`value_kind must be one of ${VALUE_KINDS.join(', ')}, not "${kind}"`);
  }
}

const withAttachments = (cell: CarriedCell, hashes: string): CarriedCell =>
  hashes === '' ? cell : { ...cell, attachments: hashes.split(' ') };

/**
 * Each record's answers rebuilt from an answers.csv, records in the order they first appear.
 * A group's own line must come before its rows' lines, as answerLines writes them.
 */
export function readAnswersCsv(text: string): RecordAnswers[] {
  const records = new Map<string, RecordAnswers>();
  for (const line of readTable(ANSWER_COLUMNS, text)) {
    const revision = toInt(line.revision, 'revision');
    let record = records.get(line.record_id);
    if (record === undefined)
      records.set(line.record_id, (record = { recordId: line.record_id, revision, answers: {} }));
    if (record.revision !== revision) throw new Error(`record ${line.record_id} appears at two revisions`);
    const cell = withAttachments({ value: readValue(line.value, line.value_kind), note: line.note }, line.attachments);
    if (line.group_id === '') {
      record.answers[line.item_id] = line.value_kind === 'group' ? { ...cell, rows: [] } : cell;
      continue;
    }
    const rows = record.answers[line.group_id]?.rows;
    if (rows === undefined) throw new Error(`a row of group ${line.group_id} comes before the group’s own line`);
    let row = rows.find((r) => r.id === line.row_id);
    if (row === undefined) rows.push((row = { id: line.row_id, answers: {} }));
    if (line.item_id !== '') row.answers[line.item_id] = cell;
  }
  return [...records.values()];
}
