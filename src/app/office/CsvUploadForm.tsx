// One CSV upload, as a section under its heading: a labelled file input, a button, and the outcome. The server imports all or
// nothing; when it refuses a file, every row and column it names is listed in the error summary
// (linked to the file input), and the chosen file stays chosen so it can be sent again once
// corrected or once the connection is back.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Issue } from '../../shared/sync/schema';
import { Field } from '../components/fields';
import { ErrorSummary } from '../components/Page';
import { syncNow } from '../sync/control';
import type { Outcome } from './api';

const MAX_BYTES = 1024 * 1024;
/** Enough to see the pattern of what is wrong; the count says how many more there are. */
const SHOWN_ISSUES = 50;

/** "row 3 column date" → "Row 3, date: ..." as the person reads it in their spreadsheet. */
export function issueText(issue: Issue): string {
  const m = /^row (\d+)(?: column (.+))?$/.exec(issue.path);
  if (!m) return issue.message;
  return m[2] ? `Row ${m[1]}, ${m[2]}: ${issue.message}` : `Row ${m[1]}: ${issue.message}`;
}

/** What one kind of import is: how its file is sent, what its columns are, and how its result reads. */
export interface CsvImportKind<T> {
  upload: (text: string) => Promise<Outcome<T>>;
  Columns: () => ComponentChildren;
  Result: (props: { result: T }) => ComponentChildren;
}

/**
 * The form for one kind of import, under `heading` (its file input is labelled "<heading> CSV
 * file"). A good import changes what devices hold (the register, briefings), so this device syncs
 * at once.
 */
export function CsvUploadForm<T>(props: { id: string; heading: string; button: string; kind: CsvImportKind<T> }) {
  const { id, kind } = props;
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [summary, setSummary] = useState<{ title: string; items: string[] } | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    setAttempt((n) => n + 1);
    const problem = !file
      ? 'Select a CSV file to import'
      : !/\.csv$/i.test(file.name) && file.type !== 'text/csv'
        ? 'The selected file must be a CSV file; save the spreadsheet as CSV and choose that file'
        : file.size > MAX_BYTES
          ? 'The selected file must be smaller than 1 MB; split it into smaller files'
          : file.size === 0
            ? 'The selected file is empty'
            : '';
    setError(problem);
    setSummary(problem ? { title: 'There is a problem', items: [problem] } : null);
    if (problem || !file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      const unreadable = 'The selected file could not be read; choose it again';
      setError(unreadable);
      setSummary({ title: 'There is a problem', items: [unreadable] });
      return;
    }
    setBusy(true);
    const outcome = await kind.upload(text);
    setBusy(false);
    setAttempt((n) => n + 1);
    if (outcome.ok) {
      setResult(outcome.value);
      syncNow();
      return;
    }
    const items = outcome.issues.length > 0 ? outcome.issues.map(issueText) : [outcome.message];
    const more = items.length - SHOWN_ISSUES;
    setSummary({
      title: outcome.issues.length > 0 ? outcome.message : 'There is a problem',
      items: more > 0 ? [...items.slice(0, SHOWN_ISSUES), `… and ${more} more problems in the file`] : items,
    });
    setError(
      outcome.issues.length > 0
        ? 'Nothing was imported. Correct the rows listed above and import the file again.'
        : outcome.message,
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{props.heading}</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
        <ErrorSummary
          key={attempt}
          title={summary?.title}
          errors={(summary?.items ?? []).map((message) => ({ href: `#${id}`, message }))}
        />
        {result !== null && (
          <div class="notification" role="status" data-testid={`${id}-result`}>
            <kind.Result result={result} />
          </div>
        )}
        <Field
          id={id}
          label={`${props.heading} CSV file`}
          hint={<kind.Columns />}
          error={error}
          control={(aria) => (
            <input
              id={id}
              class="input"
              type="file"
              accept=".csv,text/csv"
              {...aria}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Importing…' : props.button}
        </button>
      </form>
    </section>
  );
}
