// The life of an office form (escalations, assignments, monitoring reviews, intelligence), so each
// form is only its fields and its rules: the draft as typed, checked on the page and then sent;
// the server's field issues shown against the same fields as the page's own, and a failure that
// names no field linked to the submit button. A failed send keeps what was typed (the office pages
// need the network, and a lost connection must not cost the person their words); a saved form
// starts again empty. `attempt` keys the error summary, so it takes focus again after every try.
import { useState } from 'preact/hooks';
import type { Failure, Outcome } from './api';

export type FieldErrors<D> = Partial<Record<keyof D & string, string>>;

export type OfficeFormConfig<D extends Record<string, string>, T> = {
  empty: () => D;
  /** The id of a field's control: where its error summary link lands. */
  idOf: (field: keyof D & string) => string;
  /** The submit button's id: where a failure that names no field links to. */
  submitId: string;
  validate: (draft: D) => FieldErrors<D>;
  send: (draft: D) => Promise<Outcome<T>>;
  /** With the saved value, the draft that was sent (the form itself starts again empty). */
  onSaved: (value: T, sent: D) => void;
  /** As each submit starts (to clear what the last one said). */
  onStart?: () => void;
  onFailed?: (failure: Failure) => void;
  /** The field a server issue's path names; by default the path, when the draft has such a field. */
  fieldOf?: (path: string) => (keyof D & string) | null;
  /**
   * List the server's issues that name no field, each as a line of the error summary. Without it
   * they are passed over; either way, when nothing is placed or listed, the failure's message is.
   */
  listUnplaced?: boolean;
};

export function useOfficeForm<D extends Record<string, string>, T>(config: OfficeFormConfig<D, T>) {
  const [draft, setDraft] = useState<D>(config.empty);
  const [errors, setErrors] = useState<FieldErrors<D>>({});
  /** What went wrong that belongs to no field. */
  const [problems, setProblems] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const fieldOf = config.fieldOf ?? ((path: string) => (path in draft ? (path as keyof D & string) : null));
  const set = (field: keyof D & string) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    config.onStart?.();
    setProblems([]);
    const found = config.validate(draft);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await config.send(draft);
    setBusy(false);
    setAttempt((n) => n + 1);
    if (result.ok) {
      setDraft(config.empty());
      setErrors({});
      config.onSaved(result.value, draft);
      return;
    }
    const fromServer: FieldErrors<D> = {};
    const unplaced: string[] = [];
    for (const issue of result.issues) {
      const field = fieldOf(issue.path);
      if (field) fromServer[field] ??= issue.message;
      else if (config.listUnplaced) unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
    setErrors(fromServer);
    setProblems(Object.keys(fromServer).length > 0 || unplaced.length > 0 ? unplaced : [result.message]);
    config.onFailed?.(result);
  }

  /** The error summary's links: what failed to the button, then each field's error in `order`. */
  const summary = (order: ReadonlyArray<keyof D & string>) => [
    ...problems.map((message) => ({ href: `#${config.submitId}`, message })),
    ...order.flatMap((f) => (errors[f] ? [{ href: `#${config.idOf(f)}`, message: errors[f] }] : [])),
  ];

  /** What a labelled control (fields.tsx, choices.tsx) takes to show and change one field of the draft. */
  const field = <F extends keyof D & string>(name: F) => ({
    id: config.idOf(name),
    value: draft[name],
    error: errors[name],
    onChange: set(name),
  });

  return { draft, attempt, busy, submit, summary, field, submitId: config.submitId };
}

export type OfficeForm<D extends Record<string, string>> = ReturnType<typeof useOfficeForm<D, unknown>>;
