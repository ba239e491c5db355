/**
 * Once per vitest run: a PGlite database migrated and seeded, dumped to a
 * snapshot file. Each server test file loads it (about 2 s) instead of
 * creating and migrating a fresh database (about 10 s).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDb } from '../../../server/bootstrap';
import { openPglite } from '../../../server/db/pglite';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'civic-pglite-'));
  const file = path.join(dir, 'snapshot.tar');
  const db = await openPglite();
  try {
    await prepareDb(db);
    await writeFile(file, new Uint8Array(await (await db.dump()).arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide('pgliteSnapshot', file);
  return () => rm(dir, { recursive: true, force: true });
}
