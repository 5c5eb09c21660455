// Pull cursors: opaque to clients. Inside: the change_seq high-water mark, the server's calendar
// day (briefings hold "last 12 months" counts, so a new day resends them), the key of the scope
// snapshot the holder has (see scope.ts) and a tag of the configuration derived fields depend on.
// The prefix versions the format; decoding is strict so junk is a 400, not a guess.
export interface Cursor {
  seq: number;
  /** YYYYMMDD of the server's date when issued; null for a version-1 cursor. */
  day: string | null;
  scopeKey: string | null;
  configTag: string | null;
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(
    `c2.${c.seq}.${c.day ?? '00000000'}.${c.scopeKey ?? '0'.repeat(16)}.${c.configTag ?? '0'.repeat(8)}`,
  ).toString('base64url');

/** The cursor's contents, or null when it is not one of ours. Version-1 cursors carry only a seq. */
export function decodeCursor(cursor: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('latin1');
  if (Buffer.from(text, 'latin1').toString('base64url') !== cursor) return null;
  const v1 = /^c1\.(0|[1-9]\d{0,14})$/.exec(text);
  if (v1?.[1] !== undefined) return { seq: Number(v1[1]), day: null, scopeKey: null, configTag: null };
  const v2 = /^c2\.(0|[1-9]\d{0,14})\.(\d{8})\.([0-9a-f]{16})\.([0-9a-f]{8})$/.exec(text);
  if (v2 === null) return null;
  return { seq: Number(v2[1]), day: v2[2] ?? null, scopeKey: v2[3] ?? null, configTag: v2[4] ?? null };
}
