/**
 * Where photo bytes live. Content-addressed by SHA-256, so a write is
 * idempotent and two requests with the same photo share one file. The local
 * store keeps them in DATA_DIR/files/<sha256>; an object store implements the
 * same three methods at scale (see server/README.md).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  has(sha256: string): Promise<boolean>;
  /** Stores the bytes under their hash; storing the same hash again is a no-op. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  get(sha256: string): Promise<Uint8Array | undefined>;
}

const HASH_RE = /^[0-9a-f]{64}$/;

function checkHash(sha256: string): string {
  // The hash becomes a file name: nothing but 64 hex digits may reach the file system.
  if (!HASH_RE.test(sha256)) throw new Error('invalid sha256');
  return sha256;
}

export function localFileStore(dir: string): FileStore {
  const fileOf = (sha256: string) => path.join(dir, checkHash(sha256));
  return {
    async has(sha256) {
      try {
        return (await stat(fileOf(sha256))).isFile();
      } catch {
        return false;
      }
    },
    async put(sha256, bytes) {
      const target = fileOf(sha256);
      await mkdir(dir, { recursive: true });
      // Write aside, flush, then rename: a reader never sees half a photo, and a
      // crash mid-write leaves only a temporary file. The name is unique per
      // write: two devices uploading the same photo in the same millisecond
      // shared one (pid.time) and the second rename found it gone (a 500).
      const tmp = `${target}.${randomUUID()}.tmp`;
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(sha256) {
      try {
        return await readFile(fileOf(sha256));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}
