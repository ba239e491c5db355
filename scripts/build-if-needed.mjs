// Builds the app and the server when any source is newer than the last build,
// so `npm start` and the e2e tests always run what is in the tree.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(paths) {
  let latest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) walk(path.join(p, e));
    } else if (s.mtimeMs > latest) latest = s.mtimeMs;
  };
  paths.forEach(walk);
  return latest;
}

function builtAt(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

const common = ['package.json', 'package-lock.json', 'src/core'];
if (
  newest([
    'src',
    'service-worker',
    'public',
    'index.html',
    'vite.config.ts',
    'scripts/shared-dexie.ts',
    'scripts/compress-dist.mjs',
    ...common,
  ]) > builtAt('dist/sw.js')
) {
  execSync('npx vite build', { stdio: 'inherit' });
  execSync('node scripts/compress-dist.mjs dist', { stdio: 'inherit' });
}
if (newest(['server', ...common]) > builtAt('dist-server/main.js')) {
  execSync('node scripts/build-server.mjs', { stdio: 'inherit' });
}
