/**
 * A real server of its own for a kiosk spec file: a fresh data folder where
 * the administration CLI registers a kiosk (with the spec's idle times) and a
 * manager, then `node dist-server/main.js` on a port of its own. PGlite lets
 * one process open a folder, so the CLI runs before the server starts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const MANAGER = { email: 'kiosk-manager@city.example', password: 'a long password for kiosk tests' };

export interface KioskServer {
  readonly origin: string;
  /** The one-time enrolment link `kiosk add` printed. */
  readonly link: string;
  stop(): Promise<void>;
}

function civic(dataDir: string, port: number, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('node', ['dist-server/cli.js', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), ...env },
    encoding: 'utf8',
  });
}

async function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

export async function startKioskServer(settings: { warning: number; reset: number }): Promise<KioskServer> {
  execFileSync('node', ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'civic-kiosk-e2e-'));
  const port = 20000 + ((process.pid * 7 + 1234) % 20000);
  const origin = `http://localhost:${port}`;
  const added = civic(dataDir, port, [
    'kiosk',
    'add',
    '--name',
    'Ikeja service centre',
    '--idle-warning',
    String(settings.warning),
    '--idle-reset',
    String(settings.reset),
    '--url',
    origin,
  ]);
  const link = /^(http\S+\/kiosk\/enrol#\S+)$/m.exec(added)?.[1];
  if (!link) throw new Error(`no enrolment link in: ${added}`);
  civic(dataDir, port, ['user', 'add', '--email', MANAGER.email, '--role', 'manager'], {
    CIVIC_PASSWORD: MANAGER.password,
  });
  const child = spawn('node', ['dist-server/main.js'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(origin, child);
  return {
    origin,
    link,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
