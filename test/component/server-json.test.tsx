// Pages that show the server's copy (lib/use-server-json.ts): each outcome of the one GET worded
// for the person (an answer not in the route's schema among them), and the review page built from
// the council's copy of a record.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/preact';
import * as z from 'zod/mini';
import { useServerJson } from '../../src/app/lib/use-server-json';
import { ReviewPage } from '../../src/app/records/ReviewPage';
import type { StoredSubmission } from '../../src/shared/records/schema';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { makeBody } from '../unit/sync/fakes';
import { resetDevice, storeTemplate } from './helpers';

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })),
  );
}

function Probe() {
  const loaded = useServerJson('/api/thing', z.object({ n: z.number() }), 'Needs a connection.');
  return (
    <p data-testid="probe">
      {loaded.state === 'ready' ? `n=${loaded.value.n}` : loaded.state === 'failed' ? loaded.message : 'loading'}
    </p>
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('useServerJson', () => {
  it.each([
    ['the value on 200', () => answer(200, { n: 3 }), 'n=3'],
    [
      'what it does not expect when the answer is not in the schema',
      () => answer(200, { n: 'three' }),
      /^This could not be shown: the server's answer is not in the form this version of the app expects \(n: /,
    ],
    [
      'the server’s message on an error',
      () => answer(403, { error: 'forbidden', message: 'Not your team.' }),
      'Not your team.',
    ],
    [
      'the status when the answer has no message',
      () => answer(502, '<html>Bad gateway</html>'),
      'The server answered 502.',
    ],
    [
      'the page’s own words with no connection',
      () =>
        vi.stubGlobal(
          'fetch',
          vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
        ),
      'Needs a connection.',
    ],
  ])('gives %s', async (_name, setUp, shown) => {
    setUp();
    render(<Probe />);
    expect(screen.getByTestId('probe').textContent).toBe('loading');
    expect((await screen.findByText(shown)).dataset.testid).toBe('probe');
  });
});

describe('the review page', () => {
  it('shows the council’s copy under the name it is listed by', async () => {
    await resetDevice();
    await storeTemplate();
    const body = makeBody(4, { templateId: qmfCareHomeV1.id, templateVersion: qmfCareHomeV1.version });
    const stored: StoredSubmission = {
      id: body.id,
      revision: 1,
      submitterId: 'officer-1',
      submitterName: 'Sam Patel',
      receivedAt: '2025-03-14T11:31:00.000Z',
      body: { ...body, briefingSnapshot: null },
      reviewStatus: 'submitted',
      review: null,
    };
    answer(200, stored);
    render(<ReviewPage id={body.id} />);
    expect(await screen.findByRole('heading', { level: 1, name: `Review: ${body.details.providerId}` })).toBeTruthy();
    expect(await screen.findByText('Visit details')).toBeTruthy();
    expect(screen.getByText(/Submitted by Sam Patel/)).toBeTruthy();
  });
});
