// The catalog through Open311: discovery, the service list and service
// definitions, as mapping functions and over HTTP in JSON and XML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageOf, serviceDefinition, serviceListItem } from '../../server/open311/services';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';
import { JURISDICTION, demoService, errorsOf, json, xml } from './open311-helpers';
import { child, children, textOf } from './open311-xml';

type Rec = Record<string, unknown>;
const streetlight = demoService('streetlight-out');

describe('services mapped to Open311', () => {
  it('lists a service in Open311 fields only, keywords as one string', () => {
    expect(serviceListItem(streetlight, 'en')).toEqual({
      service_code: 'streetlight-out',
      service_name: streetlight.service_name,
      description: streetlight.description,
      metadata: true,
      type: 'realtime',
      keywords: 'streetlight, lamp, light, dark street, lamp post',
      group: 'Streets and lighting',
    });
    expect(serviceListItem(streetlight, languageOf('fr_FR')).service_name).toBe('Lampadaire en panne');
    expect(languageOf('xx')).toBe('en');
  });

  it('defines attributes in order, with values only for lists', () => {
    const def = serviceDefinition(streetlight, 'en');
    const attrs = def['attributes'] as Record<string, unknown>[];
    expect(attrs.map((a) => a['code'])).toEqual(['safety', 'lamp_count', 'problem', 'nearby', 'noticed']);
    expect(attrs[0]).toMatchObject({ variable: false, datatype: 'text', required: false });
    expect(attrs[1]).not.toHaveProperty('values');
    expect(attrs[2]?.['values']).toContainEqual({ key: 'dark', name: expect.any(String) as string });
  });
});

describe.each(databases)('Open311 catalog on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  it('serves discovery in both formats', async () => {
    const doc = await json<Rec>(await s.get('/open311/v2/discovery.json'));
    expect(doc['endpoints']).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://localhost/open311/v2',
        formats: ['text/xml', 'application/json'],
      }),
    ]);
    const x = await xml(await s.get('/open311/discovery.xml'));
    const endpoint = child(child(x, 'endpoints'), 'endpoint');
    expect(children(child(endpoint, 'formats'), 'format').map((f) => f.text)).toEqual([
      'text/xml',
      'application/json',
    ]);
  });

  it('lists services and defines one, translated on request', async () => {
    const list = await json(await s.get('/open311/v2/services.json'));
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(list[0] ?? {})).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    const x = await xml(await s.get(`/open311/v2/services.xml?jurisdiction_id=${JURISDICTION}&locale=fr`));
    const light = children(x, 'service').find((n) => textOf(n, 'service_code') === 'streetlight-out');
    expect(light && textOf(light, 'service_name')).toBe('Lampadaire en panne');
    const def = await json<Rec>(await s.get('/open311/v2/services/streetlight-out.json'));
    expect(def['service_code']).toBe('streetlight-out');
    const dx = await xml(await s.get('/open311/v2/services/streetlight-out.xml'));
    const problem = children(child(dx, 'attributes'), 'attribute').find(
      (a) => textOf(a, 'code') === 'problem',
    );
    expect(problem && children(child(problem, 'values'), 'value').map((v) => textOf(v, 'key'))).toContain(
      'dark',
    );
  });

  it('answers 404 for an unknown service, in XML too', async () => {
    expect(await errorsOf(await s.get('/open311/v2/services/moon-landing.json'), 404)).toEqual([
      'service_code moon-landing was not found',
    ]);
    const res = await s.get('/open311/v2/services/moon-landing.xml');
    expect(res.status).toBe(404);
    expect(textOf(child(await xml(res), 'error'), 'code')).toBe('404');
  });
});
