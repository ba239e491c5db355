/**
 * Prints the byte figures behind the size budgets: what the service worker
 * precaches, each JavaScript chunk, and the service worker itself (brotli,
 * quality 11). Builds the app first when the sources changed.
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import { DIST, brotliBytes, chunkSizes, kb, precacheUrls, sumBrotli } from './lib/sizes';

execSync('node scripts/build-if-needed.mjs', { stdio: 'ignore' });

const precache = precacheUrls();
console.log(`Precached: ${precache.length} files, ${kb(sumBrotli(precache))} brotli (budget 250 KB)`);
console.log(`Service worker (sw.js): ${kb(brotliBytes(path.join(DIST, 'sw.js')))} brotli`);
console.log('JavaScript chunks (brotli):');
for (const c of chunkSizes()) console.log(`  ${kb(c.brotli).padStart(9)}  ${c.file}`);
console.log(
  'The JavaScript needed to open home and a form is measured in a real browser by tests/e2e/budget.spec.ts.',
);
