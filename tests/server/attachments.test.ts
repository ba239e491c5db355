/**
 * Photo uploads: idempotent, hash-checked, type sniffed from the bytes, whole,
 * size- and pixel-limited (hostile files refused); served to staff only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/core/ids';
import { databases } from './helpers/databases';
import { attachmentEvent, createEvent, PHOTOS, sha256 } from './helpers/events';
import { TestServer } from './helpers/server';
import { makeBombPng, makePng } from '../e2e/fixtures/png';

describe.each(databases)('attachments on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  const put = (eventId: string, hash: string, bytes: Uint8Array) =>
    s.request('PUT', `/api/attachments/${eventId}/${hash}`, new Uint8Array(bytes), {
      headers: { 'Content-Type': 'application/octet-stream' },
    });

  it.each([
    ['jpeg', PHOTOS.jpeg, 'image/jpeg'],
    ['png', PHOTOS.png, 'image/png'],
    ['webp', PHOTOS.webp, 'image/webp'],
  ] as const)('stores a %s once: 201, then 200 for the same bytes', async (_n, bytes, type) => {
    const id = uuidv7();
    const first = await put(id, sha256(bytes), bytes);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sha256: sha256(bytes), type, size: bytes.length });
    expect((await put(id, sha256(bytes), bytes)).status).toBe(200);
  });

  it('refuses other types by their bytes, whatever the client says', async () => {
    const res = await s.request('PUT', `/api/attachments/${uuidv7()}/${sha256(PHOTOS.gif)}`, PHOTOS.gif, {
      headers: { 'Content-Type': 'image/jpeg' },
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'unsupported_type' });
  });

  it('refuses bytes that do not match the hash, and empty bodies', async () => {
    const res = await put(uuidv7(), sha256(PHOTOS.png), PHOTOS.jpeg);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'hash_mismatch' });
    expect((await put(uuidv7(), sha256(new Uint8Array()), new Uint8Array())).status).toBe(422);
  });

  it('refuses more than 5 MB with 413', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PHOTOS.jpeg);
    const res = await put(uuidv7(), sha256(big), big);
    expect(res.status).toBe(413);
  });

  it('answers malformed paths with 404', async () => {
    expect((await put('not-a-uuid', sha256(PHOTOS.jpeg), PHOTOS.jpeg)).status).toBe(404);
    expect((await put(uuidv7(), 'ABC', PHOTOS.jpeg)).status).toBe(404);
  });

  it('takes photos under a request event id before or after it is applied, not under other events', async () => {
    const e = createEvent({
      request: { photos: [{ sha256: sha256(PHOTOS.png), type: 'image/png', size: PHOTOS.png.length }] },
    });
    const r = await s.submit(e);
    expect((await put(e.id, sha256(PHOTOS.png), PHOTOS.png)).status).toBeLessThan(300);
    // A photo added later goes up under the same request event id, then attachment_added links it.
    const later = Uint8Array.from([...PHOTOS.jpeg, 1]);
    expect((await put(e.id, sha256(later), later)).status).toBe(201);
    const feedback = {
      id: uuidv7(),
      at: new Date().toISOString(),
      type: 'feedback',
      tracking: r.tracking,
      token: r.token,
      rating: 3,
    };
    await s.sync([feedback]);
    const res = await put(feedback.id, sha256(later), later);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'not_a_photo_event' });
  });

  it('accepts attachment_added once the bytes are there, and asks for them (not stored) before', async () => {
    const created = createEvent();
    const receipt = await s.submit(created);
    const bytes = Uint8Array.from([...PHOTOS.webp, 7]);
    const event = attachmentEvent(created.id, bytes, 'image/webp');
    expect(await s.sync([event])).toEqual([
      { id: event.id, outcome: 'rejected', reason: 'unknown_photo', fields: ['photo'] },
    ]);
    expect((await put(created.id, sha256(bytes), bytes)).status).toBe(201);
    const [r] = await s.sync([event]);
    expect(r).toMatchObject({ outcome: 'accepted', receipt: { tracking: receipt.tracking } });
    const unknown = attachmentEvent(uuidv7(), bytes, 'image/webp');
    expect((await s.sync([unknown]))[0]).toMatchObject({ outcome: 'rejected', reason: 'unknown_request' });
    const wrongType = attachmentEvent(created.id, bytes, 'image/png');
    expect((await s.sync([wrongType]))[0]).toMatchObject({ outcome: 'rejected', reason: 'invalid' });
  });

  it('serves photos to staff only, with the sniffed type and a sandbox', async () => {
    await put(uuidv7(), sha256(PHOTOS.jpeg), PHOTOS.jpeg);
    const url = `/api/attachments/${sha256(PHOTOS.jpeg)}`;
    expect((await s.get(url)).status).toBe(401);
    const { cookie } = await s.staffSession('agent');
    const res = await s.get(url, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res.headers.get('Content-Security-Policy')).toContain('sandbox');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PHOTOS.jpeg);
    expect((await s.get(`/api/attachments/${'0'.repeat(64)}`, { cookie })).status).toBe(404);
  });

  it.each([
    [
      'text renamed .jpg',
      new TextEncoder().encode('This is a letter, not a photo.'),
      415,
      'unsupported_type',
    ],
    [
      'an HTML page renamed .png',
      new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      415,
      'unsupported_type',
    ],
    ['a PNG cut off halfway', makePng(3, 64, 64).subarray(0, 200), 422, 'truncated'],
    ['a JPEG without its end', PHOTOS.jpeg.subarray(0, PHOTOS.jpeg.length - 2), 422, 'truncated'],
    ['a 12,000 × 12,000 PNG bomb', makeBombPng(12_000, 12_000), 413, 'too_many_pixels'],
  ] as const)('refuses %s and stores nothing', async (_n, bytes, status, error) => {
    const before = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM files');
    const res = await put(uuidv7(), sha256(bytes), bytes);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error });
    expect(await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM files')).toEqual(before);
  });
});
