/**
 * The PGlite backup of docs/backups.md, done as written: a server on a data
 * folder takes requests with photos and a manager account; it stops, the
 * folder (database and photo store) is copied, the copy is restored into a
 * fresh folder, a server starts on it, and every request and every photo
 * reads back, the photos hash-checked. PGlite only: PostgreSQL's backup is
 * pg_dump, which the docs describe.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createUser } from '../../server/auth/users';
import { depsFor, prepareDb } from '../../server/bootstrap';
import { openDb } from '../../server/db/open';
import { syncResponseSchema } from '../../src/core/events';
import { createEvent, PHOTOS, sha256 } from './helpers/events';

const MANAGER = { email: 'backup-manager@city.example', password: 'a long backup test password' };
const folders: string[] = [];

async function folder(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `civic-backup-${name}-`));
  folders.push(dir);
  return dir;
}

/** A server on a data folder, the way `npm start` opens it (PGlite in DATA_DIR/pgdata, photos in DATA_DIR/files). */
async function serverOn(dataDir: string) {
  const db = await openDb({ dataDir, databaseUrl: undefined });
  await prepareDb(db);
  const app = createApp({ deps: await depsFor(db, { dataDir, submitLimit: null }) });
  const call = (method: string, url: string, body?: BodyInit, headers: Record<string, string> = {}) =>
    Promise.resolve(app.request(url, { method, headers, ...(body !== undefined ? { body } : {}) }));
  return { db, call, close: () => db.close() };
}

describe('backup and restore of a PGlite data folder', () => {
  afterAll(async () => {
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
  });

  it('restores every request and photo into a fresh folder', async () => {
    const live = await folder('live');
    const server = await serverOn(live);
    await createUser(server.db, { email: MANAGER.email, role: 'manager', password: MANAGER.password });
    const made: { tracking: string; description: string; photos: string[] }[] = [];
    const bytesOf = new Map<string, Uint8Array>();
    for (let i = 0; i < 6; i++) {
      const photos = Array.from({ length: i % 3 }, (_, n) => Uint8Array.from([...PHOTOS.png, i, n]));
      const refs = photos.map((b) => ({ sha256: sha256(b), type: 'image/png' as const, size: b.length }));
      const description = `Backup test request ${i}: hole by house ${i}`;
      const event = createEvent({ request: { description, ...(refs.length ? { photos: refs } : {}) } });
      const res = await server.call('POST', '/api/sync', JSON.stringify({ events: [event] }), {
        'Content-Type': 'application/json',
      });
      const [result] = syncResponseSchema.parse(await res.json()).results;
      if (result?.outcome !== 'accepted' || !result.receipt) throw new Error(JSON.stringify(result));
      for (const b of photos) {
        const put = await server.call('PUT', `/api/attachments/${event.id}/${sha256(b)}`, new Uint8Array(b), {
          'Content-Type': 'application/octet-stream',
        });
        expect(put.status).toBe(201);
        bytesOf.set(sha256(b), b);
      }
      made.push({ tracking: result.receipt.tracking, description, photos: refs.map((r) => r.sha256) });
    }
    await server.close();

    // The backup: the stopped server's whole data folder. The restore: that copy into a new folder.
    const backup = await folder('copy');
    await cp(live, backup, { recursive: true });
    await rm(live, { recursive: true, force: true });
    const restored = await folder('restored');
    await cp(backup, restored, { recursive: true });

    const again = await serverOn(restored);
    try {
      const login = await again.call('POST', '/api/auth/login', JSON.stringify(MANAGER), {
        'Content-Type': 'application/json',
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
      let photosRead = 0;
      for (const r of made) {
        const res = await again.call('GET', `/api/staff/requests/${r.tracking}`, undefined, {
          Cookie: cookie,
        });
        expect(res.status).toBe(200);
        expect(JSON.stringify(await res.json())).toContain(r.description);
        for (const hash of r.photos) {
          const photo = await again.call('GET', `/api/attachments/${hash}`, undefined, { Cookie: cookie });
          expect(photo.status).toBe(200);
          const bytes = new Uint8Array(await photo.arrayBuffer());
          expect(sha256(bytes)).toBe(hash);
          expect(bytes).toEqual(bytesOf.get(hash));
          photosRead++;
        }
      }
      expect(photosRead).toBe(6);
    } finally {
      await again.close();
    }
    // Two fresh folders migrated and seeded from nothing: slower than the suite's snapshot.
  }, 240_000);
});
