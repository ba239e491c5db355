// Makes sure a Chromium exists for the e2e tests. Installs Debian's chromium
// when running as root with apt; otherwise stops with one clear line.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

if (!findChromium()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package…");
    execSync('apt-get update && apt-get install -y --no-install-recommends chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!findChromium()) {
    console.error(
      'No Chromium for the browser tests: install it with "npx playwright install chromium" or your system\'s chromium package (Debian: apt-get install chromium).',
    );
    process.exit(1);
  }
}
