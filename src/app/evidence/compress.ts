// The page's side of photo compression: hands the photo to the worker when the browser can draw
// off the main thread (OffscreenCanvas), and does the same work on the page when it cannot.
import { compressPhoto as compressHere, type Encoded } from './compress-core';

type Result = { full: Encoded; thumbnail: Encoded };
let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  try {
    const w = new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<{ id: number; result?: Result; error?: string }>) => {
      const job = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      if (event.data.result) job?.resolve(event.data.result);
      else job?.reject(new Error(event.data.error ?? 'The photo could not be read.'));
    };
    return w;
  } catch {
    return null;
  }
}

export function compressPhoto(blob: Blob): Promise<Result> {
  if (worker === undefined) worker = startWorker();
  if (worker === null) return compressHere(blob);
  const id = nextId++;
  const target = worker;
  return new Promise<Result>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    target.postMessage({ id, blob });
  });
}

/** Lower-case hex SHA-256 of the bytes: the name the server stores the file under. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
