// Decodes and re-encodes photos off the main thread, so the form stays responsive while a
// 12-megapixel camera image is scaled down.
import { compressPhoto } from './compress-core';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; blob: Blob }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, blob } = event.data;
  compressPhoto(blob).then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
