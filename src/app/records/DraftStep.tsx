// A page that edits one part of a draft and is checked when the person moves on (a section, the
// overall judgement): the way back to the record, the record's name above the title, "Not saved"
// when a write fails, and the problems found. Problems are judged on what is stored, not on the
// last render (a choice made a moment ago may still be saving), and shown once: moving on again
// leaves anyway, since everything entered is already saved. Errors belong to the step they were
// found on: "Save and go to next area" reuses the same page component for the next area, which
// must open clean (issue 17), so what is shown is remembered with the step's name.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { navigate } from '../lib/router';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { recordNoun } from './labels';
import { storedRecord } from './record-store';

export type StepProblem = { href: string; message: string };
export type DraftStepState = ReturnType<typeof useDraftStep>;

/** `step` names the part being edited (a section id), when one page component edits several. */
export function useDraftStep(visit: LocalRecord, step = '') {
  const [saveError, setSaveError] = useState('');
  // The step whose problems are on show, or null: moving to another step shows none.
  const [shownFor, setShownFor] = useState<string | null>(null);
  const showErrors = shownFor === step;
  const setShowErrors = (show: boolean) => setShownFor(show ? step : null);
  return {
    saveError,
    showErrors,
    onError: (error: unknown) => setSaveError(saveFailureMessage(error)),
    /** The form's submit: goes to `next` unless the stored record has problems not shown yet. */
    async finish(event: Event, problemsOf: (record: LocalRecord) => StepProblem[], next: string) {
      event.preventDefault();
      (document.activeElement as HTMLElement | null)?.blur(); // flushes text being typed
      const stored = (await storedRecord(visit.id)) ?? visit;
      if (problemsOf(stored).length > 0 && !showErrors) {
        setShowErrors(true);
        return;
      }
      navigate(next);
    },
  };
}

export function DraftStep(props: {
  visit: LocalRecord;
  title: string;
  step: DraftStepState;
  /** Heading of the problems, once shown. */
  incomplete: string;
  problems: StepProblem[];
  children: ComponentChildren;
}) {
  const { visit, step } = props;
  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the {recordNoun(visit.kind)}</BackLink>
      <Page title={props.title} caption={visit.subjectName}>
        {step.saveError && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: step.saveError }]} />}
        {step.showErrors && <ErrorSummary title={props.incomplete} errors={props.problems} />}
        {props.children}
      </Page>
    </>
  );
}

/** The part asked for is not in this record's template. */
export function StepNotFound(props: { visit: LocalRecord; title: string }) {
  return (
    <Page title={props.title}>
      <a href={`/visits/${props.visit.id}`}>Back to the {recordNoun(props.visit.kind)}</a>
    </Page>
  );
}
