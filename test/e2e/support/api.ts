// Reads what the server holds, as a signed-in person would through the API (no browser): the
// records the tests made, not the demo history the server starts with.
import { HISTORY_ENDS } from '../../../src/server/seed/demo-history-data';
import { addDays } from '../../../src/shared/calendar';
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
  const list = await fetch(`${baseUrl}/api/submissions${AFTER_DEMO_HISTORY}`, { headers: { Cookie: cookie } });
  return ((await list.json()) as { submissions: StoredSubmission[] }).submissions;
}
