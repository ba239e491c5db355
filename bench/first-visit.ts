/**
 * Prints the bytes on the wire of a first visit until the app works offline
 * (page, sw.js and everything it precaches, catalog, locale), per file and in
 * all, in English and in French, and of opening the app again with nothing
 * changed; then the catalog's bytes per language, compressed and not. Real Chromium through a byte-counting proxy in front of the built
 * server (bench/lib/wire-proxy.ts). Budgets: tests/e2e/budget.spec.ts.
 * Run it under the browser lock: flock /tmp/civic-browser.lock npx tsx bench/first-visit.ts
 */
import { execSync } from 'node:child_process';
import http from 'node:http';
import { chromium } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { findChromium } from '../scripts/find-chromium.mjs';
import { LANGUAGE_CODES } from '../src/core/lang';
import { startBuiltServer } from './lib/app-server';
import { breakdown, firstVisit, reopen, type VisitBytes } from './lib/visits';
import { startWireProxy } from './lib/wire-proxy';
import { kb } from './lib/sizes';

const found = (findChromium as () => { path: string; own: boolean } | undefined)();
if (!found) {
  console.log('First visit: skipped, no Chromium found.');
  process.exit(0);
}

execSync('node scripts/build-if-needed.mjs', { stdio: 'ignore' });
const server = await startBuiltServer('civic-fv-');
const proxy = await startWireProxy(server.url);
const browser = await chromium.launch({
  ...(found.own ? {} : { executablePath: found.path }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});

function print(title: string, visit: VisitBytes, budget: string): void {
  console.log(`${title}: ${kb(visit.received)} received (${budget}), ${kb(visit.sent)} sent`);
  for (const line of breakdown(visit)) console.log(`  ${line}`);
}

/** Body bytes of GET url as sent (gzip when `gzip`), read raw: fetch() would decompress. */
function bodyBytes(url: string, gzip: boolean): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const headers = gzip ? { 'Accept-Encoding': 'gzip, deflate, br' } : {};
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? '-') }));
      })
      .on('error', reject);
  });
}

async function printCatalogSizes(): Promise<void> {
  console.log('Catalog (GET /api/catalog?lang=…), body bytes:');
  for (const lang of [...LANGUAGE_CODES, undefined]) {
    const url = `${server.url}/api/catalog${lang ? `?lang=${lang}` : ''}`;
    const [packed, plain] = [await bodyBytes(url, true), await bodyBytes(url, false)];
    const label = (lang ?? 'all (no lang)').padEnd(14);
    console.log(
      `  ${label} ${kb(packed.bytes).padStart(9)} ${packed.encoding}  (${kb(plain.bytes)} uncompressed)`,
    );
  }
}

try {
  // FIRST_VISIT_LOCALES=ar-EG,yo-NG measures others.
  for (const locale of (process.env['FIRST_VISIT_LOCALES'] ?? 'en-GB,fr-FR').split(',')) {
    const context = await browser.newContext({ locale });
    const first = await firstVisit(context, proxy);
    print(`First visit until offline, ${locale}`, first, 'budget 150 KB');
    const again = await reopen(context, proxy);
    print(`Open again, nothing changed, ${locale}`, again, 'budget 2 KB');
    await context.close();
  }
  await printCatalogSizes();
} finally {
  await browser.close();
  await proxy.close();
  await server.close();
}
