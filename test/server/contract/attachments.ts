// PUT/GET /api/attachments/{sha256} and the attachments-missing rule of PUT /api/submissions
// (docs/sync-contract.md, issue 5): types checked by magic bytes, size and pixel limits, the hash checked,
// idempotent storage, and files readable only by their uploader or whoever may read a record
// that names them.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { call, visitBody } from '../helpers';
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

export function attachmentsContract(ctx: () => Ctx) {
  const upload = (bytes: Uint8Array, cookie: string, type = 'image/png', name = sha(bytes)) =>
    call(ctx().app, `/api/attachments/${name}`, { method: 'PUT', raw: Buffer.from(bytes), contentType: type, cookie });

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
}
