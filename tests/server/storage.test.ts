/** Storage: migrations and seeding are idempotent, tracking numbers are redrawn on a clash. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../server/catalog/seed';
import { migrate } from '../../server/db/migrate';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { TestServer } from './helpers/server';

describe.each(databases)('storage on $name', (target) => {
  let s: TestServer;
  const draws = ['CD-22222222', 'CD-22222222', 'CD-33333333'];
  beforeAll(async () => {
    // A tracking-number source that repeats itself, to force a collision.
    let i = 0;
    s = await TestServer.start(target, {
      newTracking: () => draws[Math.min(i++, draws.length - 1)] ?? 'CD-22222222',
    });
  });
  afterAll(() => s.close());

  it('applies each migration once, recorded in schema_migrations', async () => {
    expect(await migrate(s.db)).toEqual([]);
    const rows = await s.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toContain('0001_init.sql');
  });

  it('runs concurrent migrations safely', async () => {
    const results = await Promise.all([migrate(s.db), migrate(s.db), migrate(s.db)]);
    expect(results).toEqual([[], [], []]);
  });

  it('seeds the catalog once: a restart keeps it as it is', async () => {
    expect(await seedCatalog(s.db)).toBe(false);
    const [row] = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM services');
    expect(row?.n).toBeGreaterThanOrEqual(12);
  });

  it('draws a new tracking number when one is taken', async () => {
    const a = await s.submit(createEvent());
    const b = await s.submit(createEvent());
    expect([a.tracking, b.tracking]).toEqual(['CD-22222222', 'CD-33333333']);
  });

  it('keeps one server secret: tokens derive the same after a restart', async () => {
    const rows = await s.db.query<{ name: string }>('SELECT name FROM server_secrets ORDER BY name');
    // One token secret, and one VAPID key pair for web push.
    expect(rows.map((r) => r.name)).toEqual(['token_hmac', 'vapid_keys']);
  });
});
