// Reads what the server holds, as a signed-in person would through the API (no browser): the
// records the tests made, not the demo history the server starts with.
import { HISTORY_ENDS } from '../../../src/server/seed/demo-history-data';
import { addDays } from '../../../src/shared/calendar';
import type { SubmissionPage } from '../../../src/shared/records/api-schemas';
export type StoredSubmission = {
  id: string;
  revision: number;
  body: {
    details: { spokeWith: string; providerId: string };
    answers: Record<string, { value: string | null; note: string }>;
    sectionRatings: Record<string, string>;
  };
};

/** Records dated after the demo history (which the server seeds), i.e. the ones a test made today. */
export const AFTER_DEMO_HISTORY = `?from=${addDays(HISTORY_ENDS, 1)}`;

/** Every record the server lists for `who` after the demo history, page by page, each read whole. */
export async function serverSubmissions(
  baseUrl: string,
  who: { email: string; password: string },
): Promise<StoredSubmission[]> {
  const signIn = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (signIn.status !== 200) throw new Error(`sign-in for the API check failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  const ids: string[] = [];
  let after = '';
  for (;;) {
    const page = await get<SubmissionPage>(`/api/submissions${AFTER_DEMO_HISTORY}&limit=200${after}`);
    ids.push(...page.submissions.map((s) => s.id));
    if (page.next === null) break;
    after = `&after=${encodeURIComponent(page.next)}`;
  }
  return Promise.all(ids.map((id) => get<StoredSubmission>(`/api/submissions/${id}`)));
}
