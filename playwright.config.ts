import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain ESM helper without types
import { findChromium } from './scripts/find-chromium.mjs';

const browser = (findChromium as () => { path: string; own: boolean } | undefined)();
// The config is evaluated again in each worker process: choose the port and the
// data folder once, in the first process, and hand them down through the environment.
// A port of our own (from the pid) keeps parallel runs on one machine apart.
process.env.E2E_PORT ??= String(20000 + (process.pid % 20000));
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'civic-e2e-'));
const port = Number(process.env.E2E_PORT);
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      ...(browser && !browser.own ? { executablePath: browser.path } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node scripts/build-if-needed.mjs && node scripts/e2e-server.mjs`,
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // Its own embedded database in a fresh folder, even when DATABASE_URL names a
    // PostgreSQL server for the server tests: a shared database kept the last
    // run's templates and requests, and the pages showed them twice.
    // Every spec's citizens send from this one address: room for the whole suite's new requests.
    env: { PORT: String(port), DATA_DIR: dataDir, E2E: '1', DATABASE_URL: '', SUBMIT_LIMIT: '2000/60' },
  },
});
