/**
 * Starts the built server (dist-server/main.js) on a port of its own with a
 * fresh data folder, for benchmarks that drive a browser against it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BuiltServer {
  readonly url: string;
  close(): Promise<void>;
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 480; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

export async function startBuiltServer(
  prefix: string,
  port = 22000 + (process.pid % 9000),
): Promise<BuiltServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    child.kill();
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url);
  } catch (e) {
    await close();
    throw e;
  }
  return { url, close };
}
