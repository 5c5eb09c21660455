// Pull cursors: opaque to clients, a change_seq high-water mark to us. The prefix versions the
// format so it can change without clients noticing; decoding is strict so junk is a 400, not a guess.
export const encodeCursor = (seq: number): string => Buffer.from(`c1.${seq}`).toString('base64url');

/** The change_seq a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const match = /^c1\.(0|[1-9]\d{0,14})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (match?.[1] === undefined) return null;
  const seq = Number(match[1]);
  return encodeCursor(seq) === cursor ? seq : null;
}
