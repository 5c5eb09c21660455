// How long each free-text field of a record may be: one number per kind of field, used by the wire
// schema (schema.ts), by the rules that refuse a record before it is queued (record-rules.ts) and
// by the character counts on the device, so a box never takes text the server would refuse, and
// the person is told which field in words rather than by a 413 or 422 after submitting (issue 17).

/** An answer's text and its evidence note (or rationale), top-level or in a group row. */
export const ANSWER_TEXT_MAX = 20_000;
/** The shorter texts of a record: who the officer spoke to, what an action asks, evidence on an earlier action, the reason for a different rating. */
export const DETAIL_TEXT_MAX = 4_000;
/** A manager's comment when signing off a record or returning it for amendment. */
export const REVIEW_COMMENT_MAX = 4_000;
/** An action's title. */
export const ACTION_TITLE_MAX = 300;

/** A count as people read it: 20,000. The same in Node and every browser, whatever their locale data. */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The message for a field over its limit, naming it: "Evidence must be 20,000 characters or fewer". */
export const tooLong = (field: string, max: number): string =>
  `${field} must be ${formatCount(max)} characters or fewer`;

/**
 * The length problems of an answer's typed text and its note (a choice's value is never long);
 * `noteName` is what the note box is called: "Evidence", or "Rationale" on a rating.
 */
export function answerLengthIssues(answer: { value?: unknown; note?: string } | undefined, noteName: string): string[] {
  const issues: string[] = [];
  if (typeof answer?.value === 'string' && answer.value.length > ANSWER_TEXT_MAX)
    issues.push(tooLong('Your answer', ANSWER_TEXT_MAX));
  if ((answer?.note?.length ?? 0) > ANSWER_TEXT_MAX) issues.push(tooLong(noteName, ANSWER_TEXT_MAX));
  return issues;
}
