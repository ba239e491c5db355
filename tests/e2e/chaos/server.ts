/**
 * The chaos run's own server process: a fresh data folder, a manager made by
 * the CLI before the first start, then `node dist-server/main.js` on a fixed
 * port. kill() is SIGKILL (no shutdown hook runs: PGlite's folder lock and
 * half-written pages stay as a crash leaves them); restart() starts a new
 * process on the same port and data folder, as a supervisor would.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from '../fixtures/own-server';

export const MANAGER = { email: 'chaos-manager@city.example', password: 'a long password for chaos runs' };

export class ChaosServer {
  private child: ChildProcess | undefined;
  /** How many times the process was killed and started again. */
  restarts = 0;

  private constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  static async start(): Promise<ChaosServer> {
    execFileSync('node', ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
    const server = new ChaosServer(mkdtempSync(path.join(tmpdir(), 'civic-chaos-')), await freePort());
    execFileSync(
      'node',
      ['dist-server/cli.js', 'user', 'add', '--email', MANAGER.email, '--role', 'manager'],
      {
        env: { ...server.env(), CIVIC_PASSWORD: MANAGER.password },
        encoding: 'utf8',
      },
    );
    await server.spawn();
    return server;
  }

  private env(): NodeJS.ProcessEnv {
    // Never a shared PostgreSQL (CI sets DATABASE_URL for the server tests): PGlite in our own folder.
    // Many people's requests from this one address: no per-address limit on new requests.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      SUBMIT_LIMIT: 'off',
    };
    delete env.DATABASE_URL;
    delete env.E2E;
    return env;
  }

  private async spawn(): Promise<void> {
    const child = spawn('node', ['dist-server/main.js'], {
      env: this.env(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.child = child;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${this.origin}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start');
  }

  /** SIGKILL: the process gets no chance to finish a write or release its folder lock. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** A new process on the same port and data folder; resolves once it answers /api/health. */
  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
    this.restarts++;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
