/**
 * The catalog on the wire, with the device's own code (src/sync/catalog.ts,
 * a real IndexedDB from fake-indexeddb) talking to the real server app: one
 * language per answer, a 304 for an unchanged one, another language fetched
 * only when asked for; and compression of API and Open311 answers.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/core/catalog';
import { catalogEtag, getService } from '../../src/db/catalog';
import { db } from '../../src/db/database';
import { refreshCatalog } from '../../src/sync/catalog';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

interface Answer {
  services: Service[];
}

describe.each(databases)('the catalog on the wire on $name', (target) => {
  let s: TestServer;
  /** What the device's fetch reaches: the real Hono app, no network in between. */
  const deps = () => ({
    baseUrl: 'http://civic.test',
    fetch: (u: string, i?: RequestInit) => Promise.resolve(s.app.request(u, i)),
  });
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('answers one language: the services’ own texts and the translations into it, nothing else', async () => {
    const fr = (await (await s.get('/api/catalog?lang=fr')).json()) as Answer;
    expect(fr.services.length).toBeGreaterThanOrEqual(12);
    for (const service of fr.services) expect(Object.keys(service.i18n)).toEqual(['fr']);
    const en = (await (await s.get('/api/catalog?lang=en')).json()) as Answer;
    for (const service of en.services) expect(service.i18n).toEqual({});
    // Apps installed before this change ask without a language and still get them all.
    const all = (await (await s.get('/api/catalog')).json()) as Answer;
    expect(Object.keys(all.services[0]?.i18n ?? {}).length).toBeGreaterThan(1);
    expect((await s.get('/api/catalog?lang=xx')).status).toBe(400);
  });

  it('gives each language its own ETag and answers an unchanged one with a bare 304', async () => {
    const fr = await s.get('/api/catalog?lang=fr');
    const es = await s.get('/api/catalog?lang=es');
    const etag = fr.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    expect(es.headers.get('ETag')).not.toBe(etag);
    const again = await s.get('/api/catalog?lang=fr', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    // The browser keeps the headers it stored with the 200: repeating them would cost ~1 KB a visit.
    expect(again.headers.get('Content-Security-Policy')).toBeNull();
    expect(await again.text()).toBe('');
  });

  it('the device stores its language, revalidates it with a 304, and fetches another only when picked', async () => {
    expect(await refreshCatalog('fr', deps())).toBe('updated');
    const pothole = await getService('pothole');
    expect(Object.keys(pothole?.i18n ?? {})).toEqual(['fr']);
    expect(pothole?.service_name).toBe('Pothole');
    expect(await refreshCatalog('fr', deps())).toBe('unchanged');

    expect(await refreshCatalog('es', deps())).toBe('updated');
    // Both languages stay on the device, each with the ETag of the answer it came from.
    expect(Object.keys((await getService('pothole'))?.i18n ?? {}).sort()).toEqual(['es', 'fr']);
    expect(await catalogEtag('fr')).toBeDefined();
    expect(await refreshCatalog('fr', deps())).toBe('unchanged');
    expect(await refreshCatalog('es', deps())).toBe('unchanged');
  });

  it('compresses API and Open311 answers by Accept-Encoding, and says it varies', async () => {
    for (const url of ['/api/catalog?lang=fr', '/open311/v2/services.json', '/open311/v2/services.xml']) {
      const plain = await s.get(url);
      const gzip = await s.get(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(gzip.headers.get('Content-Encoding'), url).toBe('gzip');
      expect(gzip.headers.get('Vary'), url).toMatch(/Accept-Encoding/);
      expect(plain.headers.get('Content-Encoding'), url).toBeNull();
      const zipped = new Uint8Array(await gzip.arrayBuffer());
      const unzipped = await new Response(
        new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip')),
      ).text();
      expect(unzipped, url).toBe(await plain.text());
      expect(zipped.length, url).toBeLessThan(unzipped.length / 3);
    }
  });

  it('leaves small answers alone', async () => {
    const health = await s.get('/api/health', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(health.headers.get('Content-Encoding')).toBeNull();
  });
});
