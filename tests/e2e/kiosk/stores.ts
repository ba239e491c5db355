/**
 * Everything a page's origin can keep, read back as text: every IndexedDB
 * database and object store (Blobs read as text too), localStorage,
 * sessionStorage, every Cache Storage entry (URL and body), and the DOM.
 * The kiosk specs search it for what a person typed.
 */
import type { Page } from '@playwright/test';

export interface Stores {
  readonly indexedDb: Record<string, string>;
  readonly localStorage: string;
  readonly sessionStorage: string;
  readonly cacheStorage: string;
  readonly dom: string;
}

export async function readEveryStore(page: Page): Promise<Stores> {
  return page.evaluate(async () => {
    const asText = async (value: unknown): Promise<string> => {
      if (value instanceof Blob) return value.text();
      if (Array.isArray(value)) return (await Promise.all(value.map(asText))).join('\n');
      if (value && typeof value === 'object') {
        const parts = await Promise.all(
          Object.entries(value).map(async ([k, v]) => `${k}=${await asText(v)}`),
        );
        return parts.join('\n');
      }
      return String(value);
    };
    const indexedDb: Record<string, string> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(new Error(String(req.error)));
        });
        indexedDb[`${info.name}/${store}`] = await asText(rows);
      }
      db.close();
    }
    const storage = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => {
        const key = s.key(i) ?? '';
        return `${key}=${s.getItem(key) ?? ''}`;
      }).join('\n');
    let cacheStorage = '';
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        cacheStorage += `${name} ${request.url}\n${response ? await response.text() : ''}\n`;
      }
    }
    return {
      indexedDb,
      localStorage: storage(localStorage),
      sessionStorage: storage(sessionStorage),
      cacheStorage,
      dom: document.documentElement.outerHTML,
    };
  });
}

/** The places (store names) where any of `needles` appears. */
export function whereFound(stores: Stores, needles: readonly string[]): string[] {
  const places: [string, string][] = [
    ...Object.entries(stores.indexedDb).map(([k, v]): [string, string] => [`IndexedDB ${k}`, v]),
    ['localStorage', stores.localStorage],
    ['sessionStorage', stores.sessionStorage],
    ['Cache Storage', stores.cacheStorage],
    ['DOM', stores.dom],
  ];
  return places.filter(([, text]) => needles.some((n) => text.includes(n))).map(([where]) => where);
}
