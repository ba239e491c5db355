/**
 * Where the server's data files live on disk (migrations, the demo catalog).
 * The same code runs from source (tsx, vitest: server/…) and bundled
 * (dist-server/main.js), so the project root is found by walking up from this
 * module to the folder that holds server/migrations.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'server', 'migrations'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find server/migrations above ${fileURLToPath(import.meta.url)}`);
}

let root: string | undefined;

export function projectRoot(): string {
  root ??= findProjectRoot();
  return root;
}

export function migrationsDir(): string {
  return path.join(projectRoot(), 'server', 'migrations');
}

export function demoCatalogPath(): string {
  return path.join(projectRoot(), 'server', 'catalog', 'demo-catalog.json');
}
