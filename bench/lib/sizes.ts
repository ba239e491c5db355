/**
 * Byte counts of the built app, shared by the size budgets (tests/e2e/budget.spec.ts)
 * and the benchmark that prints them (bench/bundle-size.ts).
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(import.meta.dirname, '../../dist');

export function brotliBytes(file: string): number {
  const data = readFileSync(file);
  return brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** URLs the service worker precaches, read from the manifest injected into dist/sw.js. */
export function precacheUrls(dist = DIST): string[] {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1] ?? '').filter(Boolean);
}

export function fileForUrl(url: string, dist = DIST): string {
  const pathname = new URL(url, 'http://x/').pathname;
  return path.join(dist, decodeURIComponent(pathname));
}

export function sumBrotli(urls: readonly string[], dist = DIST): number {
  return urls.reduce((sum, u) => sum + brotliBytes(fileForUrl(u, dist)), 0);
}

/** Every JavaScript chunk in dist/assets with its brotli size, largest first. */
export function chunkSizes(dist = DIST): { file: string; brotli: number }[] {
  const dir = path.join(dist, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: f, brotli: brotliBytes(path.join(dir, f)) }))
    .sort((a, b) => b.brotli - a.brotli);
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
