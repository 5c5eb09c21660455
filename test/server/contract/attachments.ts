// PUT/GET /api/attachments/{sha256} and the attachments-missing rule of PUT /api/submissions
// (docs/sync-contract.md, issues 5 and 14): types checked by magic bytes, size and pixel limits, the
// hash checked, idempotent storage; a record names a file by right (its submitter uploaded it, or an
// earlier revision of the same record named it), never by knowing its hash, with the same 409
// whether or not the server holds the file; files readable only by their uploader or whoever may
// read a record that names them by right.
import { createHash, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { attachmentsWithoutRight, mayReadAttachment } from '../../../src/server/evidence/store';
import type { Signature, VisitBody } from '../../../src/shared/records/schema';
import { call, countRows, visitBody } from '../helpers';
import type { Ctx } from './ctx';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PNG header (signature + IHDR) of the given size, plus `salt` so every test gets its own file. */
export function png(width: number, height: number, salt = ''): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.from(`IEND${salt}`)]),
  );
}

/** A JPEG header with an SOF0 frame of the given size. */
function jpeg(width: number, height: number, salt = ''): Uint8Array {
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]),
      sof,
      Buffer.from([0xff, 0xd9]),
      Buffer.from(salt),
    ]),
  );
}

/** A visit whose first answer names these files as photos. */
function visitNaming(hashes: readonly string[], overrides: Partial<VisitBody> = {}): VisitBody {
  const body = visitBody(overrides);
  const firstItem = Object.keys(body.answers)[0]!;
  body.answers[firstItem] = {
    ...body.answers[firstItem]!,
    attachments: hashes.map((sha256) => ({ sha256, type: 'image/png' as const, bytes: 100, caption: 'Call bell' })),
  };
  return body;
}

export function attachmentsContract(ctx: () => Ctx) {
  const upload = (bytes: Uint8Array, cookie: string, type = 'image/png', name = sha(bytes)) =>
    call(ctx().app, `/api/attachments/${name}`, { method: 'PUT', raw: Buffer.from(bytes), contentType: type, cookie });
  const putRecord = (body: VisitBody, cookie: string) =>
    call(ctx().app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie });
  const read = async (hash: string, cookie: string) => {
    const res = await ctx().app.request(`/api/attachments/${hash}`, { headers: { cookie } });
    return { status: res.status, body: res.status === 200 ? null : await res.json() };
  };
  /** A file `cookie`'s person uploaded and named in a stored visit: the server holds it and a record names it. */
  const heldAndNamed = async (salt: string, cookie: string) => {
    const bytes = png(640, 480, salt);
    expect((await upload(bytes, cookie)).status).toBe(201);
    const record = visitNaming([sha(bytes)]);
    expect((await putRecord(record, cookie)).status).toBe(201);
    return { bytes, hash: sha(bytes), record };
  };

  it('stores a file under its hash (201), answers an identical upload 200 without storing it again, and gives it back', async () => {
    const { app, cookies } = ctx();
    const bytes = png(1600, 1200, 'stored');
    const first = await upload(bytes, cookies.officer);
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ sha256: sha(bytes), type: 'image/png', bytes: bytes.byteLength, created: true });
    const again = await upload(bytes, cookies.officer);
    expect(again.status).toBe(200);
    expect(again.json.created).toBe(false);
    const back = await app.request(`/api/attachments/${sha(bytes)}`, { headers: { cookie: cookies.officer } });
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
    const jpg = jpeg(1600, 1200, 'jpeg');
    expect((await upload(jpg, cookies.officer, 'image/jpeg')).status).toBe(201);
  });

  it('refuses wrong magic bytes or an unlisted type (415), an oversized file (413), a hash mismatch and an image over the pixel limit (422)', async () => {
    const { cookies } = ctx();
    expect((await upload(jpeg(10, 10, 'x'), cookies.officer, 'image/png')).status).toBe(415);
    expect((await upload(new TextEncoder().encode('<svg/>'), cookies.officer, 'image/svg+xml')).status).toBe(415);
    expect((await upload(new TextEncoder().encode('not an image at all'), cookies.officer, 'image/jpeg')).status).toBe(
      415,
    );
    const huge = new Uint8Array(15 * 1024 * 1024 + 1);
    huge.set(png(10, 10));
    expect((await upload(huge, cookies.officer)).status).toBe(413);
    const bytes = png(10, 10, 'mismatch');
    const mismatch = await upload(bytes, cookies.officer, 'image/png', sha(png(10, 10, 'other')));
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.issues[0].message).toMatch(/does not hash to its name/);
    const bomb = await upload(png(100_000, 100_000, 'bomb'), cookies.officer);
    expect(bomb.status).toBe(422);
    expect(bomb.json.issues[0].message).toMatch(/pixel limit/);
    expect(
      (
        await call(ctx().app, '/api/attachments/NOT-A-HASH', {
          method: 'PUT',
          raw: Buffer.from(bytes),
          contentType: 'image/png',
          cookie: cookies.officer,
        })
      ).status,
    ).toBe(400);
  });

  it('answers 409 attachments-missing for a record naming a file not held, then accepts it once uploaded; the file is readable by who may read the record', async () => {
    const { app, cookies } = ctx();
    const bytes = png(800, 600, 'evidence');
    const hash = sha(bytes);
    const body = visitBody();
    const firstItem = Object.keys(body.answers)[0]!;
    body.answers[firstItem] = {
      ...body.answers[firstItem]!,
      attachments: [{ sha256: hash, type: 'image/png', bytes: bytes.byteLength, caption: 'Broken call bell, room 12' }],
    };
    const put = () => call(app, `/api/submissions/${body.id}`, { method: 'PUT', body, cookie: cookies.officer });

    const missing = await put();
    expect(missing.status).toBe(409);
    expect(missing.json).toMatchObject({ error: 'attachments-missing', missing: [hash] });
    expect((await upload(bytes, cookies.officer)).status).toBe(201);
    expect((await put()).status).toBe(201);

    const read = async (cookie: string) =>
      (await app.request(`/api/attachments/${hash}`, { headers: { cookie } })).status;
    expect(await read(cookies.officer)).toBe(200); // the uploader
    expect(await read(cookies.manager)).toBe(200); // manages the submitter's team
    expect(await read(cookies.qa)).toBe(200);
    expect(await read(cookies.officer2)).toBe(404); // another team's officer
    expect(await read(cookies.manager2)).toBe(404);
    expect((await app.request(`/api/attachments/${hash}`)).status).toBe(401);
  });

  it('refuses a record naming a file by its hash alone (409, then 404 on reading it), the same whether or not the server holds the file', async () => {
    const { cookies, db } = ctx();
    const photo = await heldAndNamed('claimed', cookies.officer);
    const notHeld = sha(png(640, 480, 'never uploaded by anyone'));

    // Officer2 (team South) knows only the hash of officer's photo, e.g. from an answers export.
    const claim = visitNaming([photo.hash]);
    const claimed = await putRecord(claim, cookies.officer2);
    expect(claimed.status).toBe(409);
    expect(claimed.json).toEqual({
      error: 'attachments-missing',
      message: 'Some files this record names have not been uploaded yet; upload them, then send the record again',
      missing: [photo.hash],
    });
    expect(await countRows(db, claim.id)).toBe(0);
    const unknown = await read(notHeld, cookies.officer2);
    expect(unknown.status).toBe(404);
    expect(await read(photo.hash, cookies.officer2)).toEqual(unknown); // as if there were no such file
    expect((await read(photo.hash, cookies.manager2)).status).toBe(404); // officer2's manager gains nothing either

    // A file the server does not hold gets the very same answer: 409/201 tells nobody what is held.
    const guess = visitNaming([notHeld]);
    const guessed = await putRecord(guess, cookies.officer2);
    expect(guessed.status).toBe(claimed.status);
    expect(guessed.json).toEqual({ ...claimed.json, missing: [notHeld] });

    // The same for a signature, and for both in one record: every file without a right is listed.
    const signature: Signature = {
      sha256: photo.hash,
      type: 'image/png',
      bytes: 100,
      role: 'provider-manager',
      name: 'Ann Hughes',
      signedAt: '2026-03-01T15:00:00+00:00',
    };
    const signed = await putRecord(visitBody({ signatures: [signature] }), cookies.officer2);
    expect(signed.status).toBe(409);
    expect(signed.json.missing).toEqual([photo.hash]);
    const both = await putRecord(visitNaming([notHeld, photo.hash]), cookies.officer2);
    expect(both.json.missing).toEqual([photo.hash, notHeld].sort());

    // The uploader and whoever may read the naming record still read it.
    expect((await read(photo.hash, cookies.officer)).status).toBe(200);
    expect((await read(photo.hash, cookies.manager)).status).toBe(200);
    expect((await read(photo.hash, cookies.qa)).status).toBe(200);
  });

  it('takes possession as the right: once the bytes are uploaded the same record is accepted and its file readable', async () => {
    const { cookies } = ctx();
    const photo = await heldAndNamed('possessed', cookies.officer);
    const record = visitNaming([photo.hash]);
    expect((await putRecord(record, cookies.officer2)).status).toBe(409);
    const again = await upload(photo.bytes, cookies.officer2);
    expect(again.status).toBe(200); // already held: not stored again, but the upload is recorded
    expect((await putRecord(record, cookies.officer2)).status).toBe(201);
    expect((await read(photo.hash, cookies.officer2)).status).toBe(200);
    expect((await read(photo.hash, cookies.manager2)).status).toBe(200); // now manages a record naming it
  });

  it('accepts a later revision naming its earlier revision’s files without a new upload; to anyone else the record is 403', async () => {
    const { cookies } = ctx();
    const photo = await heldAndNamed('amended', cookies.officer);
    const amendment = {
      ...photo.record,
      revision: 2,
      baseRevision: 1,
      details: { ...photo.record.details, spokeWith: 'Deputy manager' },
    };
    // Not 409: someone else's record is refused before its files, so the answer says nothing of them.
    const foreign = await putRecord(amendment, cookies.officer2);
    expect(foreign.status).toBe(403);
    expect(foreign.json.error).toBe('not-your-record');
    const amended = await putRecord(amendment, cookies.officer);
    expect(amended.status).toBe(201);
    expect(amended.json).toMatchObject({ revision: 2, created: true });
    expect((await read(photo.hash, cookies.manager)).status).toBe(200);
  });

  it('lets an earlier revision of the same record, and only of that one, stand in for an upload', async () => {
    // Straight against the rule's query, since over HTTP the submitter's own upload would also
    // let the file through: here the file is named by revision 1 and uploaded by nobody.
    const { db, cookies, users } = ctx();
    const record = visitBody();
    expect((await putRecord(record, cookies.officer)).status).toBe(201);
    const hash = sha(png(10, 10, 'named, never uploaded'));
    await db.query(
      `INSERT INTO attachments (sha256, type, bytes, width, height, stored_at) VALUES ($1, 'image/png', 100, 10, 10, now())`,
      [hash],
    );
    await db.query('INSERT INTO submission_attachments (submission_id, revision, sha256) VALUES ($1, 1, $2)', [
      record.id,
      hash,
    ]);
    const without = (id: string, revision: number, userId: string) =>
      attachmentsWithoutRight(db, { id, revision, hashes: [hash] }, userId);
    expect(await without(record.id, 2, users.officer.id)).toEqual([]);
    expect(await without(record.id, 1, users.officer.id)).toEqual([hash]); // not an earlier revision
    expect(await without(record.id, 2, users.officer2.id)).toEqual([hash]); // not their record
    expect(await without(randomUUID(), 2, users.officer.id)).toEqual([hash]); // not this record

    // A row like this one, with no upload by the record's submitter behind it, is what the old
    // rule wrote for a hash claimed without its bytes: it opens the file to nobody.
    expect(await mayReadAttachment(db, users.qa, hash)).toBe(false);
    expect(await mayReadAttachment(db, users.officer, hash)).toBe(false);
  });

  it('keeps a file named under the old rule (by its hash alone) closed to the claimant and their manager', async () => {
    const { db, cookies } = ctx();
    const photo = await heldAndNamed('claimed before the rule', cookies.officer);
    const claim = visitBody();
    expect((await putRecord(claim, cookies.officer2)).status).toBe(201);
    // What a 201 to the hash-claim used to leave behind.
    await db.query('INSERT INTO submission_attachments (submission_id, revision, sha256) VALUES ($1, 1, $2)', [
      claim.id,
      photo.hash,
    ]);
    expect((await read(photo.hash, cookies.officer2)).status).toBe(404);
    expect((await read(photo.hash, cookies.manager2)).status).toBe(404);
    expect((await read(photo.hash, cookies.officer)).status).toBe(200);
  });
}
