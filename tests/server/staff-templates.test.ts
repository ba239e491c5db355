/** Response templates: managers and admins keep them, every staff member reads them; bodies checked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../server/auth/roles';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

interface Template {
  id: string;
  service_code: string | null;
  status: string;
  name: string;
  texts: Record<string, string>;
}

const ack = {
  service_code: null,
  status: 'acknowledged',
  name: 'Received',
  texts: { en: 'We have your request.', fr: 'Nous avons votre demande.', ha: '' },
};

describe.each(databases)('response templates on $name', (target) => {
  let s: TestServer;
  let manager: { user: StaffUser; cookie: string };
  let agent: { user: StaffUser; cookie: string };
  beforeAll(async () => {
    s = await TestServer.start(target);
    manager = await s.staffSession('manager');
    agent = await s.staffSession('agent');
  });
  afterAll(() => s.close());

  const create = async (body: unknown, cookie = manager.cookie) =>
    s.post('/api/staff/templates', body, { cookie });
  const list = async (query = '') =>
    (await (await s.get(`/api/staff/templates${query}`, { cookie: agent.cookie })).json()) as {
      templates: Template[];
      languages: string[];
      default_language: string;
    };

  it('keeps templates per status and service, with texts per language, blank ones left out', async () => {
    const res = await create(ack);
    expect(res.status).toBe(201);
    const { template } = (await res.json()) as { template: Template };
    expect(template.texts).toEqual({ en: 'We have your request.', fr: 'Nous avons votre demande.' });
    const pothole = await create({ ...ack, service_code: 'pothole', status: 'resolved', name: 'Filled' });
    expect(pothole.status).toBe(201);
    const all = await list();
    expect(all.default_language).toBe('en');
    expect(all.languages).toEqual(['en', 'fr', 'es', 'pt', 'ar', 'sw', 'yo', 'ha']);
    expect((await list('?status=resolved&service=pothole')).templates.map((t) => t.name)).toEqual(['Filled']);
    // Templates for any service show with every service's.
    expect((await list('?status=acknowledged&service=pothole')).templates.map((t) => t.name)).toEqual([
      'Received',
    ]);
    expect((await list('?status=resolved&service=fallen-tree')).templates).toEqual([]);
  });

  it('changes and deletes a template', async () => {
    const { template } = (await (await create(ack)).json()) as { template: Template };
    const changed = await s.request(
      'PUT',
      `/api/staff/templates/${template.id}`,
      JSON.stringify({ ...ack, name: 'Thanks', texts: { en: 'Thanks, we have it.' } }),
      { cookie: manager.cookie, headers: { 'Content-Type': 'application/json' } },
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      template: { name: 'Thanks', texts: { en: 'Thanks, we have it.' } },
    });
    const del = () =>
      s.request('DELETE', `/api/staff/templates/${template.id}`, undefined, {
        cookie: manager.cookie,
        headers: { 'Content-Type': 'application/json' },
      });
    expect((await del()).status).toBe(200);
    expect((await del()).status).toBe(404);
  });

  it('refuses a template without the default language, for an unknown service or status, or in an unknown language', async () => {
    const bad = [
      { ...ack, texts: { fr: 'Nous avons votre demande.' } },
      { ...ack, service_code: 'no-such-service' },
    ];
    for (const body of bad) {
      const res = await create(body);
      expect(res.status).toBe(422);
    }
    expect(await (await create(bad[0])).json()).toMatchObject({ fields: ['texts.en'] });
    for (const body of [
      { ...ack, status: 'submitted' },
      { ...ack, texts: { en: 'x', xx: 'y' } },
      { ...ack, name: '' },
      { ...ack, extra: true },
      { ...ack, texts: { en: 'x'.repeat(4001) } },
    ])
      expect((await create(body)).status).toBe(400);
  });

  it('lets agents read templates but not keep them', async () => {
    expect((await create(ack, agent.cookie)).status).toBe(403);
    expect((await s.get('/api/staff/templates')).status).toBe(401);
  });
});
