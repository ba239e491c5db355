import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/core/catalog';
import { getJurisdiction, getService, liveServices, saveCatalog } from '../../../src/db/catalog';
import { db } from '../../../src/db/database';
import { streetlightService } from '../../fixtures/service';
import { jurisdiction, resetDb } from './setup';

beforeEach(resetDb);

const pothole: Service = {
  ...streetlightService,
  service_code: 'pothole',
  service_name: 'Pothole',
  icon: 'pothole',
};

function firstServices(): Promise<Service[]> {
  return new Promise((resolve, reject) => {
    const sub = liveServices().subscribe({
      next: (s) => {
        sub.unsubscribe();
        resolve(s);
      },
      error: reject,
    });
  });
}

describe('catalog on the device', () => {
  it('keeps the server order and the jurisdiction', async () => {
    await saveCatalog({ jurisdiction, services: [pothole, streetlightService] }, 'en');
    expect((await firstServices()).map((s) => s.service_code)).toEqual(['pothole', 'streetlight']);
    expect(await getJurisdiction()).toEqual(jurisdiction);
    expect(await getService('streetlight')).toEqual(streetlightService);
  });

  it('replaces the whole catalog: a withdrawn service disappears', async () => {
    await saveCatalog({ jurisdiction, services: [pothole, streetlightService] }, 'en');
    await saveCatalog({ jurisdiction, services: [streetlightService] }, 'en');
    expect(await getService('pothole')).toBeUndefined();
  });

  it('skips a damaged service instead of crashing the list', async () => {
    await saveCatalog({ jurisdiction, services: [streetlightService] }, 'en');
    await db.services.put({ service_code: 'bad', service: { service_code: 'bad' } as Service, position: 1 });
    expect((await firstServices()).map((s) => s.service_code)).toEqual(['streetlight']);
    expect(await getService('bad')).toBeUndefined();
  });
});
