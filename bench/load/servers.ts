/**
 * Real server processes for the load run: the built server (dist-server/main.js,
 * built first with scripts/build-server.mjs, as `npm start` runs it; or the
 * sources through tsx) on a
 * PostgreSQL database of the run's own (created, and dropped afterwards) or on
 * PGlite in a fresh data folder. A staff account is added with the real CLI
 * before any server starts (PGlite lets one process at a time open its folder):
 * an admin, who may act on requests and read the notification counts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const STAFF = { email: 'load-admin@city.example', password: 'load test password 1234' };

export interface Target {
  readonly name: string;
  /** The run's own database on the PostgreSQL server, or undefined for PGlite. */
  readonly databaseUrl: string | undefined;
  /** Photos (and PGlite's data) of every process started on this target. */
  readonly dataDir: string;
  dispose(): Promise<void>;
}

/**
 * How a server or CLI process is started: the built bundle (the benchmark, as `npm start`
 * runs it), or the sources through tsx (the test, which must not rebuild dist-server under
 * the browser tests running beside it).
 */
let runner: 'built' | 'tsx' = 'built';
export function useSources(): void {
  runner = 'tsx';
}
const entry = (name: 'main' | 'cli'): string[] =>
  runner === 'built' ? [`dist-server/${name}.js`] : ['--import', 'tsx', `server/${name}.ts`];

export function buildServer(): void {
  const r = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the server failed');
}

/** A database named `name` on the server of `adminUrl`, made afresh (role needs CREATEDB). */
export async function postgresTarget(adminUrl: string, name: string): Promise<Target> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'civic-load-'));
  return {
    name: 'PostgreSQL',
    databaseUrl: url.toString(),
    dataDir,
    async dispose() {
      // The servers have stopped, but their backends (or an autovacuum worker, which
      // FORCE may not end for a role without pg_signal_backend) can linger a moment:
      // try again, and leave the database to the next run's DROP if it stays busy.
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${name}`);
          break;
        } catch (err) {
          if (attempt >= 20) {
            console.warn(`could not drop ${name}: ${(err as Error).message}`);
            break;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function pgliteTarget(): Target {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'civic-load-'));
  return {
    name: 'PGlite',
    databaseUrl: undefined,
    dataDir,
    dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

function envOf(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The load is thousands of citizens, all from this one address: no per-address limit on new requests.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: target.dataDir, SUBMIT_LIMIT: 'off', ...extra };
  delete env.DATABASE_URL;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  return env;
}

/** Adds the staff account (this also creates, migrates and seeds the database). */
export function addStaff(target: Target): void {
  const r = spawnSync(
    process.execPath,
    [...entry('cli'), 'user', 'add', '--email', STAFF.email, '--role', 'admin', '--name', 'Load Admin'],
    { cwd: ROOT, env: envOf(target, { CIVIC_PASSWORD: STAFF.password }), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`civic user add failed: ${r.stderr}`);
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

export async function startServer(
  target: Target,
  port: number,
  env: Record<string, string>,
): Promise<RunningServer> {
  const child = spawn(process.execPath, entry('main'), {
    cwd: ROOT,
    env: envOf(target, { PORT: String(port), ...env }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilUp(url, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}
