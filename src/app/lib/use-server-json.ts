// Pages that show the server's copy of something (a record under review, a record's history, the
// council's copy in a conflict, deadlines) read it through this hook: one GET, the answer read
// with the shared schema of its route, and the result as loading, ready, or failed with a message
// for the person (the page's own words when there is no connection, else the server's message or
// its status, or what in the answer this version of the app does not expect).
import type * as z from 'zod/mini';
import { useEffect, useState } from 'preact/hooks';
import { errorMessage, readAnswer, requestJson } from './http';

export type ServerJson<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T };

/** GETs `url` once per url and reads the answer with `schema`; `offline` is what to say when the server cannot be reached. */
export function useServerJson<S extends z.ZodMiniType>(
  url: string,
  schema: S,
  offline: string,
): ServerJson<z.output<S>> {
  const [loaded, setLoaded] = useState<ServerJson<z.output<S>>>({ state: 'loading' });
  useEffect(() => {
    void requestJson('GET', url).then((result) => {
      if (result.kind === 'network-error') return setLoaded({ state: 'failed', message: offline });
      if (result.status !== 200)
        return setLoaded({
          state: 'failed',
          message: errorMessage(result.body, `The server answered ${result.status}.`),
        });
      const read = readAnswer(schema, result.body, 'This could not be shown');
      setLoaded(read.ok ? { state: 'ready', value: read.value } : { state: 'failed', message: read.message });
    });
  }, [url]);
  return loaded;
}
