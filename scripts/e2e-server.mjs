// The server the browser tests run against: first the staff accounts of
// tests/e2e/fixtures/staff-accounts.json, made with the real CLI (as an
// administrator would, `npm run civic -- user add`), then the server itself.
// The CLI runs before the server because PGlite lets one process at a time
// open the data folder.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = JSON.parse(readFileSync(path.join(root, 'tests/e2e/fixtures/staff-accounts.json'), 'utf8'));
const env = { ...process.env, CIVIC_PASSWORD: fixture.password };

for (const a of fixture.accounts) {
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'dist-server/cli.js'),
      'user',
      'add',
      '--email',
      a.email,
      '--role',
      a.role,
      '--name',
      a.name,
    ],
    { env, encoding: 'utf8' },
  );
  // A reused data folder already has them: "exists already" is fine.
  if (r.status !== 0 && !/exists already/.test(r.stderr)) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
}

const server = spawn(process.execPath, [path.join(root, 'dist-server/main.js')], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
