/**
 * One copy of Dexie for the page and the service worker. Both need it (the
 * worker flushes the outbox on Background Sync with the same code as the
 * page), and bundled into each it crossed the wire twice on a first visit:
 * 27 KB brotli inside sw.js on top of the page's. Here both builds import it
 * from one hashed file, emitted by the page build under assets/ (so it is
 * immutable, precached, and found in the HTTP cache when the worker
 * installs). The file is Dexie's own ES2018 build, unchanged but for its
 * source-map comment. Build only: the dev server and the tests resolve
 * 'dexie' as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const source = readFileSync(
  createRequire(import.meta.url).resolve('dexie/dist/modern/dexie.min.mjs'),
  'utf8',
).replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);

/** Where both builds import Dexie from. */
export const DEXIE_FILE = `assets/dexie-${hash}.js`;

/** `emit`: the page build writes the file (and preloads it); the worker's build only points at it. */
export function sharedDexie(options: { emit: boolean }): Plugin {
  const pointer: Plugin = {
    name: 'civic-shared-dexie',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === 'dexie' ? { id: `/${DEXIE_FILE}`, external: true } : undefined;
    },
  };
  if (!options.emit) return pointer;
  return {
    ...pointer,
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: DEXIE_FILE, source });
    },
    // Fetched beside the app's first chunk instead of after it (one round trip fewer on 2G).
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'modulepreload', href: `/${DEXIE_FILE}` }, injectTo: 'head' },
    ],
  };
}
