/**
 * A draft begun on an older version of a service, on the device's own code
 * (src/db, src/forms, src/sync over a real IndexedDB from fake-indexeddb)
 * against the real server: the manager removes a question the person had
 * answered and adds a required one; the device's next sync fetches the new
 * form (the ETag changed), the draft still checks clean and sends, and the
 * server keeps the removed answer in the description.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/core/catalog';
import { getService } from '../../src/db/catalog';
import { db } from '../../src/db/database';
import { createDraft, saveDraft } from '../../src/db/drafts';
import { getRequest } from '../../src/db/requests';
import { submitDraft } from '../../src/db/submit';
import { checkAnswers } from '../../src/forms/answers';
import { refreshCatalog } from '../../src/sync/catalog';
import { flush } from '../../src/sync/flush';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

describe.each(databases)('a draft begun on an older version of its service on $name', (target) => {
  let s: TestServer;
  let manager = '';
  const deps = () => ({
    baseUrl: 'http://civic.test',
    fetch: (u: string, i?: RequestInit) => Promise.resolve(s.app.request(u, i)),
  });
  beforeAll(async () => {
    s = await TestServer.start(target);
    manager = (await s.staffSession('manager')).cookie;
    await db.delete();
    await db.open();
  });
  afterAll(() => s.close());

  it('still sends after the question it answered was removed and a required one added', async () => {
    expect(await refreshCatalog('en', deps())).toBe('updated');
    const draft = await createDraft('pothole');
    expect(draft.service_version).toBe(1);
    const values = {
      attributes: { size: 'large', location: 'road', depth: '12' },
      description: 'By the market gate',
      location: { address_string: 'Market Road 4' },
      contact: { name: '', phone: '', email: '', consent_updates: false },
    };
    await saveDraft(draft.id, values, 'check');

    // Meanwhile the manager removes "size" and adds a required "lane".
    const v1 = (
      (await (await s.get('/api/staff/catalog/pothole', { cookie: manager })).json()) as { service: Service }
    ).service;
    const lane = {
      variable: true,
      code: 'lane',
      datatype: 'string' as const,
      required: true,
      datatype_description: null,
      order: 9,
      description: 'Which lane?',
    };
    const changed = { ...v1, attributes: [...v1.attributes.filter((a) => a.code !== 'size'), lane] };
    const saved = await s.request(
      'PUT',
      '/api/staff/catalog/pothole',
      JSON.stringify({ service: changed, base_version: 1 }),
      {
        cookie: manager,
        headers: { 'Content-Type': 'application/json' },
      },
    );
    expect(saved.status).toBe(200);

    // The device's next sync brings version 2 (the old ETag no longer matches).
    expect(await refreshCatalog('en', deps())).toBe('updated');
    const v2 = await getService('pothole');
    expect(v2?.version).toBe(2);
    if (!v2) throw new Error('no pothole on the device');
    // The form does not ask the old draft for the new question, and keeps the removed answer.
    expect(checkAnswers(v2, values, 'en', [], draft.service_version)).toEqual([]);
    // A draft begun on version 2 is asked it.
    expect(checkAnswers(v2, values, 'en', [], 2).map((e) => e.field)).toContain('attributes.lane');

    const submitted = await submitDraft(draft.id, 'web', { language: 'en' });
    expect(submitted.ok).toBe(true);
    const event = (await db.outbox.get(draft.id))?.event;
    expect(event).toMatchObject({
      request: { service_version: 1, attributes: { size: 'large', depth: 12 } },
    });

    const summary = await flush({ deps: deps() });
    expect(summary).toMatchObject({ sent: 1, rejected: 0 });
    const tracking = (await getRequest(draft.id))?.tracking ?? '';
    expect(tracking).toMatch(/^CD-/);
    const detail = (await (await s.get(`/api/staff/requests/${tracking}`, { cookie: manager })).json()) as {
      description: string;
    };
    const size = v1.attributes.find((a) => a.code === 'size');
    const large = size?.values?.find((v) => v.key === 'large')?.name;
    expect(detail.description).toBe(`By the market gate\n\n${size?.description}: ${large}`);
  });
});
