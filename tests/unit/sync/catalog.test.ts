import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getJurisdiction, getService } from '../../../src/db/catalog';
import { db } from '../../../src/db/database';
import { refreshCatalog } from '../../../src/sync/catalog';
import { streetlightService } from '../../fixtures/service';
import { jurisdiction, resetDb } from '../db/setup';
import { TestApi } from './test-server';

let api: TestApi;

beforeEach(async () => {
  api = await new TestApi().start();
  api.catalog = { jurisdiction, services: [streetlightService] };
  await resetDb();
});
afterEach(() => api.stop());

describe('refreshCatalog', () => {
  it('stores a valid catalog, then asks with its ETag and keeps it on 304', async () => {
    expect(await refreshCatalog('en', { baseUrl: api.url })).toBe('updated');
    expect(await getService('streetlight')).toEqual(streetlightService);
    expect(await getJurisdiction()).toEqual(jurisdiction);
    expect((await db.meta.get('catalogEtags'))?.value).toEqual({ en: '"v1"' });
    expect(await refreshCatalog('en', { baseUrl: api.url })).toBe('unchanged');
  });

  it('refuses an invalid catalog and keeps the stored one', async () => {
    await refreshCatalog('en', { baseUrl: api.url });
    api.catalogEtag = '"v2"';
    api.catalog = { jurisdiction, services: [] };
    expect(await refreshCatalog('en', { baseUrl: api.url })).toBe('invalid');
    expect(await getService('streetlight')).toBeDefined();
  });

  it('offline: the stored catalog stays', async () => {
    await refreshCatalog('en', { baseUrl: api.url });
    expect(await refreshCatalog('en', { baseUrl: 'http://127.0.0.1:1' })).toBe('offline');
    expect(await getService('streetlight')).toBeDefined();
  });

  it('a device with no services ignores its old ETag', async () => {
    await refreshCatalog('en', { baseUrl: api.url });
    await db.services.clear();
    expect(await refreshCatalog('en', { baseUrl: api.url })).toBe('updated');
  });
});
