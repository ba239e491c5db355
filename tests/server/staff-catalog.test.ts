/**
 * The catalog kept by managers (/api/staff/catalog): a save is a new version
 * with who and when, the served catalog's ETag changes so devices fetch it
 * again, a bad definition is refused naming the field and changes nothing,
 * agents and officers are refused, a service switched off leaves the catalog
 * and Open311 while its requests stay readable, and a request made on an older
 * version still goes in: answers to removed questions land in the description,
 * new required questions do not block it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/core/catalog';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';

interface One {
  service: Service;
  active: boolean;
  versions: { version: number; active: boolean; created_at: string; created_by: string | null }[];
}

describe.each(databases)('the catalog kept by managers on $name', (target) => {
  let s: TestServer;
  let manager = '';
  let managerName = '';
  const send = (method: string, url: string, body: unknown, cookie = manager) =>
    s.request(method, url, JSON.stringify(body), {
      cookie,
      headers: { 'Content-Type': 'application/json' },
    });
  const one = async (code: string): Promise<One> =>
    (await (await s.get(`/api/staff/catalog/${code}`, { cookie: manager })).json()) as One;
  /** A service of this test's own, made from the pothole's definition. */
  const addCopy = async (code: string): Promise<Service> => {
    const { service } = await one('pothole');
    const res = await send('POST', '/api/staff/catalog', { service: { ...service, service_code: code } });
    expect(res.status).toBe(201);
    return ((await res.json()) as One).service;
  };
  const save = (service: Service, base: number, cookie = manager) =>
    send('PUT', `/api/staff/catalog/${service.service_code}`, { service, base_version: base }, cookie);
  const catalogCodes = async () =>
    ((await (await s.get('/api/catalog?lang=en')).json()) as { services: Service[] }).services.map(
      (x) => x.service_code,
    );

  beforeAll(async () => {
    s = await TestServer.start(target);
    const m = await s.staffSession('manager');
    manager = m.cookie;
    managerName = m.user.name ?? m.user.email;
  });
  afterAll(() => s.close());

  it('saves a manager’s change as version 2, and the catalog’s ETag changes so devices fetch it', async () => {
    const before = await s.get('/api/catalog?lang=fr');
    const etag = before.headers.get('ETag') ?? '';
    const { service } = await one('pothole');
    expect(service.version).toBe(1);
    const fr = service.i18n.fr;
    if (!fr) throw new Error('the demo pothole has French');
    const changed = {
      ...service,
      service_name: 'Hole in the road',
      i18n: { ...service.i18n, fr: { ...fr, service_name: 'Trou dans la route' } },
    };
    const res = await save(changed, 1);
    expect(res.status).toBe(200);
    expect(((await res.json()) as One).service.version).toBe(2);

    const after = await s.get('/api/catalog?lang=fr', { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    const pothole = ((await after.json()) as { services: Service[] }).services.find(
      (x) => x.service_code === 'pothole',
    );
    expect(pothole).toMatchObject({
      version: 2,
      service_name: 'Hole in the road',
      i18n: { fr: { service_name: 'Trou dans la route' } },
    });
    // The new ETag answers 304 again: the device's next sync costs a few bytes.
    const again = await s.get('/api/catalog?lang=fr', {
      headers: { 'If-None-Match': after.headers.get('ETag') ?? '' },
    });
    expect(again.status).toBe(304);

    const history = (await one('pothole')).versions;
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ created_by: managerName, active: true });
    expect(history[1]?.created_by).toBeNull();
    // Saving on the version someone else already moved past is refused, not overwritten.
    const stale = await save({ ...changed, service_name: 'Pothole again' }, 1);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'version_conflict', version: 2 });
  });

  it('refuses an invalid definition naming the field, and changes nothing', async () => {
    const service = await addCopy('catalog-invalid');
    const etag = (await s.get('/api/catalog?lang=en')).headers.get('ETag');
    const [first, ...rest] = service.attributes;
    if (!first) throw new Error('pothole has questions');
    const cases: [unknown, string][] = [
      [{ ...service, service_name: '' }, 'service_name'],
      [{ ...service, service_level_days: 0 }, 'service_level_days'],
      [{ ...service, attributes: [{ ...first, values: [] }, ...rest] }, 'attributes.0.values'],
      [{ ...service, attributes: [first, { ...first }] }, 'attributes.1.code'],
      [{ ...service, attributes: [{ ...first, datatype: 'boolean' }] }, 'attributes.0.datatype'],
      [{ ...service, i18n: { ...service.i18n, fr: { service_name: 'x' } } }, 'i18n.fr.description'],
    ];
    for (const [definition, field] of cases) {
      const res = await send('PUT', '/api/staff/catalog/catalog-invalid', {
        service: definition,
        base_version: 1,
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; fields: string[] };
      expect(body.error).toBe('invalid');
      expect(body.fields).toContain(field);
    }
    const renamed = await send('PUT', '/api/staff/catalog/catalog-invalid', {
      service: { ...service, service_code: 'catalog-renamed' },
      base_version: 1,
    });
    expect(await renamed.json()).toMatchObject({ error: 'invalid', fields: ['service_code'] });
    expect((await one('catalog-invalid')).service).toEqual(service);
    expect((await one('catalog-invalid')).versions).toHaveLength(1);
    expect((await s.get('/api/catalog?lang=en')).headers.get('ETag')).toBe(etag);
    // A code already in the catalog cannot be added again.
    const taken = await send('POST', '/api/staff/catalog', { service });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: 'code_taken', fields: ['service_code'] });
  });

  it('refuses agents and officers (403) and anyone not signed in (401)', async () => {
    const { service } = await one('streetlight-out');
    for (const role of ['agent', 'officer'] as const) {
      const { cookie } = await s.staffSession(role);
      expect((await s.get('/api/staff/catalog', { cookie })).status).toBe(403);
      expect((await save({ ...service, service_name: 'Dark' }, 1, cookie)).status).toBe(403);
      expect(
        (
          await send(
            'POST',
            '/api/staff/catalog/streetlight-out/active',
            { active: false, base_version: 1 },
            cookie,
          )
        ).status,
      ).toBe(403);
    }
    expect((await s.get('/api/staff/catalog')).status).toBe(401);
    expect((await one('streetlight-out')).service).toEqual(service);
  });

  it('takes a service switched off out of the catalog and Open311, and keeps its requests readable', async () => {
    const { service_name: name } = await addCopy('catalog-off');
    const receipt = await s.submit(createEvent({ request: { service_code: 'catalog-off' } }));
    const off = await send('POST', '/api/staff/catalog/catalog-off/active', {
      active: false,
      base_version: 1,
    });
    expect(await off.json()).toMatchObject({ active: false, service: { version: 2 } });
    expect(await catalogCodes()).not.toContain('catalog-off');
    const open311 = (await (await s.get('/open311/v2/services.json')).json()) as { service_code: string }[];
    expect(open311.map((x) => x.service_code)).not.toContain('catalog-off');
    expect(open311.map((x) => x.service_code)).toContain('pothole');
    expect((await s.get('/open311/v2/services/catalog-off.json')).status).toBe(404);
    // Its requests: the person's look-up, the desk, Open311's request record.
    const look = await s.get(`/api/requests/${receipt.tracking}`, {
      headers: { 'X-Access-Token': receipt.token },
    });
    expect(look.status).toBe(200);
    expect(await look.json()).toMatchObject({ service_code: 'catalog-off', service_name: name });
    expect((await s.get(`/api/staff/requests/${receipt.tracking}`, { cookie: manager })).status).toBe(200);
    const record = (await (await s.get(`/open311/v2/requests/${receipt.tracking}.json`)).json()) as {
      service_name: string;
    }[];
    expect(record[0]?.service_name).toBe(name);
    // New requests for it are refused; the list at the desk still shows it, off.
    const [refused] = await s.sync([createEvent({ request: { service_code: 'catalog-off' } })]);
    expect(refused).toMatchObject({ outcome: 'rejected', reason: 'unknown_service' });
    const desk = (await (await s.get('/api/staff/catalog', { cookie: manager })).json()) as {
      services: { service_code: string; active: boolean; version: number }[];
    };
    expect(desk.services.find((x) => x.service_code === 'catalog-off')).toMatchObject({
      active: false,
      version: 2,
    });
    // On again: back in the catalog.
    await send('POST', '/api/staff/catalog/catalog-off/active', { active: true, base_version: 2 });
    expect(await catalogCodes()).toContain('catalog-off');
  });

  it('accepts a request made on version 1 after a question was removed, its answer in the description', async () => {
    const v1 = await addCopy('catalog-removed');
    // The French form asked "size"; the manager removes that question.
    await save({ ...v1, attributes: v1.attributes.filter((a) => a.code !== 'size') }, 1);
    const event = createEvent({
      request: {
        service_code: 'catalog-removed',
        service_version: 1,
        language: 'fr',
        attributes: { size: 'large', location: 'road', depth: 12 },
        description: 'Près du marché',
      },
    });
    const receipt = await s.submit(event);
    const detail = (await (
      await s.get(`/api/staff/requests/${receipt.tracking}`, { cookie: manager })
    ).json()) as {
      description: string;
      attributes: Record<string, unknown>;
    };
    const size = v1.attributes.find((a) => a.code === 'size');
    const fr = v1.i18n.fr?.attributes['size'];
    expect(size && fr).toBeTruthy();
    expect(detail.description).toBe(`Près du marché\n\n${fr?.description}: ${fr?.values?.['large']}`);
    expect(detail.attributes).toEqual({ location: 'road', depth: 12 });
    const [row] = await s.db.query<{ service_version: number }>(
      'SELECT service_version FROM requests WHERE tracking = $1',
      [receipt.tracking],
    );
    expect(row?.service_version).toBe(1);
    // Made on the current version, the same answer is a question the form does not have.
    const [now] = await s.sync([createEvent({ request: { ...event.request, service_version: 2 } })]);
    expect(now).toMatchObject({ outcome: 'rejected' });
  });

  it('does not let a new required question block a draft begun on the version before it', async () => {
    const v1 = await addCopy('catalog-required');
    const [first] = v1.attributes;
    if (!first) throw new Error('pothole has questions');
    const question = {
      ...first,
      code: 'lane',
      datatype: 'string' as const,
      required: true,
      order: 9,
      values: undefined,
      description: 'Which lane?',
    };
    const { values: _v, ...added } = question;
    const res = await save({ ...v1, attributes: [...v1.attributes, added] }, 1);
    const v2 = ((await res.json()) as One).service;
    expect(v2.attributes.find((a) => a.code === 'lane')).toMatchObject({ required: true, required_since: 2 });
    const old = createEvent({ request: { service_code: 'catalog-required', service_version: 1 } });
    expect((await s.sync([old]))[0]?.outcome).toBe('accepted');
    // A form of version 2 was asked it, so there it is required.
    const current = createEvent({ request: { service_code: 'catalog-required', service_version: 2 } });
    expect((await s.sync([current]))[0]).toMatchObject({ outcome: 'rejected', reason: 'missing_attribute' });
    // A third version keeps "required since 2".
    const v3 = ((await (await save({ ...v2, service_name: 'Pothole (lanes)' }, 2)).json()) as One).service;
    expect(v3.attributes.find((a) => a.code === 'lane')?.required_since).toBe(2);
  });
});
