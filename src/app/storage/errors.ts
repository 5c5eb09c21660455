// Plain-language messages for failures to write to the device database, above all a full disk:
// the person must learn what was not saved and that what was saved before is intact.
export function saveFailureMessage(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'This device is out of storage space, so the change could not be saved. Everything saved before is safe. Free some space and try again.';
  }
  return `The change could not be saved on this device: ${(error as Error)?.message ?? String(error)}`;
}
