// Reads what the server holds, as a signed-in person would through the API (no browser).
export type StoredSubmission = {
  id: string;
  revision: number;
  body: { details: { spokeWith: string; providerId: string }; answers: Record<string, { value: string | null; note: string }>; sectionRatings: Record<string, string> };
};

export async function serverSubmissions(baseUrl: string, who: { email: string; password: string }): Promise<StoredSubmission[]> {
  const signIn = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (signIn.status !== 200) throw new Error(`sign-in for the API check failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = await fetch(`${baseUrl}/api/submissions`, { headers: { Cookie: cookie } });
  return ((await list.json()) as { submissions: StoredSubmission[] }).submissions;
}
