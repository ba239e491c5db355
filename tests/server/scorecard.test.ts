/** GET /api/public/scorecard: figures worked out by hand, the minimum-n rule, and no personal data at all. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRequestRows } from '../../server/demo/rows';
import type { Scorecard } from '../../server/metrics/scorecard';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';
import { FIXTURE } from './metrics/fixture';

// Personal details on every request; none may reach the public.
const PERSONAL = (i: number) => ({
  contact_name: `Secret Person${i}`,
  contact_email: `secret${i}@private.example`,
  contact_phone: `+234 809 555 01${String(i).padStart(2, '0')}`,
  description: `Private description number ${i}`,
  address_string: `${i} Hidden Lane`,
  lat: 7.123456 + i / 1e6,
  long: 3.654321 + i / 1e6,
});

describe.each(databases)('public scorecard on $name', (target) => {
  let s: TestServer;
  let card: Scorecard;
  let raw: string;
  const rows = [
    ...FIXTURE,
    // H: Mon 13 April, resolved Tue 14 (1 working day, on time), rated 2.
    {
      ...FIXTURE[0],
      tracking: 'CD-FIXH0001',
      submitted_at: '2026-04-13T10:00:00Z',
      acknowledged_at: null,
      resolved_at: '2026-04-14T10:00:00Z',
      status: 'resolved',
      rating: 2,
      fixed: null,
    },
    // Two streetlights with ratings: too few for their own figures.
    ...[5, 4].map((rating, i) => ({
      ...FIXTURE[0],
      tracking: `CD-FIXS000${i}`,
      service_code: 'streetlight-out',
      rating,
      rating_comment: `A comment only the council may read ${i}`,
    })),
  ].map((r, i) => ({ ...r, ...PERSONAL(i) }));

  beforeAll(async () => {
    s = await TestServer.start(target);
    await insertRequestRows(s.db, rows as Parameters<typeof insertRequestRows>[1]);
    s.setNow(new Date('2026-04-20T12:00:00Z'));
    const res = await s.get('/api/public/scorecard');
    expect(res.status).toBe(200);
    raw = await res.text();
    card = JSON.parse(raw) as Scorecard;
  });
  afterAll(() => s.close());

  it('gives a service its received, on-time share, median days and satisfaction', () => {
    expect(card.period).toEqual({ from: '2025-05-01', to: '2026-04-21', today: '2026-04-20' });
    const pothole = card.services.find((x) => x.code === 'pothole');
    // Resolved A, B, C, G, H + D open past its level = 6 decided; on time A, B, G, H.
    // Working days to resolve 1 (G), 1 (H), 5, 5, 7: median 5. Ratings 5, 3, 1, 4, 2: 3.
    expect(pothole?.figures).toEqual({
      received: 8,
      decided: 6,
      on_time_share: 4 / 6,
      resolved: 5,
      median_days: 5,
      answers: 5,
      satisfaction: 3,
    });
    expect(pothole?.names.fr).toBeTruthy();
    const april = pothole?.trend.find((t) => t.month === '2026-04-01');
    expect(april?.figures.received).toBe(7);
    expect(pothole?.trend.find((t) => t.month === '2026-03-01')?.figures.received).toBe(1);
    expect(pothole?.trend).toHaveLength(12);
  });

  it('says "not enough" (null) below 5 answers or requests, and the council adds every service', () => {
    const light = card.services.find((x) => x.code === 'streetlight-out');
    expect(light?.figures).toMatchObject({ received: 2, answers: 2, satisfaction: null, median_days: null });
    expect(card.council.figures).toMatchObject({ received: 10, answers: 7 });
    expect(card.council.figures.satisfaction).toBeCloseTo((15 + 9) / 7, 10);
    const streets = card.groups.find((g) => g.code === 'streets');
    expect(streets?.figures.received).toBe(10);
    expect(card.groups.find((g) => g.code === 'waste')?.figures).toMatchObject({
      received: 0,
      on_time_share: null,
    });
    // In March only G: one request is no league-table figure.
    expect(card.council.trend.find((t) => t.month === '2026-03-01')?.figures.satisfaction).toBeNull();
  });

  it('contains no name, contact, description, comment, address, place or tracking number', () => {
    for (const r of rows) {
      for (const value of [
        r.contact_name,
        r.contact_email,
        r.contact_phone,
        r.description,
        r.address_string,
        r.tracking,
      ])
        expect(raw).not.toContain(value);
      expect(raw).not.toContain(String(r.lat).slice(0, 7));
      expect(raw).not.toContain(String(r.long).slice(0, 7));
    }
    expect(raw).not.toContain('comment only the council');
    expect(raw).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no request or event id
  });

  it('needs no sign-in and may be cached for a few minutes', async () => {
    const res = await s.get('/api/public/scorecard');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300');
  });
});
