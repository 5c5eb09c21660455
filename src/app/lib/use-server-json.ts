// Pages that show the server's copy of something (a record under review, a record's history, the
// council's copy in a conflict, deadlines) read it through this hook: one GET, and the result as
// loading, ready, or failed with a message for the person (the page's own words when there is no
// connection, else the server's message or its status).
import { useEffect, useState } from 'preact/hooks';
import { errorMessage, requestJson } from './http';

export type ServerJson<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T };

/** GETs `url` once per url; `offline` is what to say when the server cannot be reached. */
export function useServerJson<T>(url: string, offline: string): ServerJson<T> {
  const [loaded, setLoaded] = useState<ServerJson<T>>({ state: 'loading' });
  useEffect(() => {
    void requestJson('GET', url).then((result) => {
      if (result.kind === 'network-error') setLoaded({ state: 'failed', message: offline });
      else if (result.status !== 200)
        setLoaded({ state: 'failed', message: errorMessage(result.body, `The server answered ${result.status}.`) });
      else setLoaded({ state: 'ready', value: result.body as T });
    });
  }, [url]);
  return loaded;
}
