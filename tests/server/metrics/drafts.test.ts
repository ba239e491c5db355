/** Abandoned drafts: devices' anonymous counts through POST /api/sync, then the figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/core/ids';
import { draftFigures } from '../../../server/metrics/drafts';
import { databases } from '../helpers/databases';
import { TestServer } from '../helpers/server';
import { scope } from './fixture';

type Count = {
  service_code: string;
  language: string;
  kind: 'started' | 'abandoned';
  step?: number;
  n: number;
};
const report = (at: string, counts: Count[]) => ({ id: uuidv7(), at, type: 'draft_report', counts });

describe.each(databases)('draft reports on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
    s.setNow(new Date('2026-05-02T10:00:00Z'));
  });
  afterAll(() => s.close());

  it('counts each report once, by service, step and language, in the local day', async () => {
    const april = report('2026-04-20T10:00:00Z', [
      { service_code: 'pothole', language: 'en', kind: 'started', n: 10 },
      { service_code: 'pothole', language: 'en', kind: 'abandoned', step: 1, n: 3 },
      { service_code: 'pothole', language: 'fr', kind: 'abandoned', step: 2, n: 1 },
      { service_code: 'streetlight-out', language: 'fr', kind: 'started', n: 2 },
    ]);
    // 23:30 UTC on 30 April is 00:30 on 1 May in Lagos: not April.
    const may = report('2026-04-30T23:30:00Z', [
      { service_code: 'pothole', language: 'en', kind: 'started', n: 7 },
    ]);
    const results = await s.sync([april, may]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect((await s.sync([april]))[0]?.outcome).toBe('accepted'); // a replay: same answer, not counted again
    const f = await draftFigures(s.db, scope(), { from: '2026-04-01', to: '2026-05-01' });
    expect(f).toMatchObject({ started: 12, abandoned: 4 });
    expect(f.rate).toBeCloseTo(1 / 3, 10);
    expect(f.by_service).toEqual([
      { service_code: 'pothole', started: 10, abandoned: 4, rate: 0.4 },
      { service_code: 'streetlight-out', started: 2, abandoned: 0, rate: 0 },
    ]);
    expect(f.by_step).toEqual([
      { step: 1, abandoned: 3 },
      { step: 2, abandoned: 1 },
    ]);
    expect(f.by_language).toEqual([
      { language: 'en', started: 10, abandoned: 3 },
      { language: 'fr', started: 2, abandoned: 1 },
    ]);
    expect((await draftFigures(s.db, scope(), { from: '2026-05-01', to: '2026-06-01' })).started).toBe(7);
    expect(
      (await draftFigures(s.db, scope({ group: 'waste' }), { from: '2026-04-01', to: '2026-05-01' })).started,
    ).toBe(0);
  });

  it('refuses an unknown service and anything beyond the counts', async () => {
    const [unknown] = await s.sync([
      report('2026-04-20T10:00:00Z', [{ service_code: 'no-such', language: 'en', kind: 'started', n: 1 }]),
    ]);
    expect(unknown).toMatchObject({ outcome: 'rejected', reason: 'unknown_service', fields: ['no-such'] });
    const withId = {
      ...report('2026-04-20T10:00:00Z', [{ service_code: 'pothole', language: 'en', kind: 'started', n: 1 }]),
      device_id: 'abc',
    };
    const refused = { outcome: 'rejected', reason: 'invalid' };
    expect((await s.sync([withId]))[0]).toMatchObject(refused);
    const withAnswers = report('2026-04-20T10:00:00Z', [
      { service_code: 'pothole', language: 'en', kind: 'started', n: 1, answers: { size: 'large' } } as Count,
    ]);
    expect((await s.sync([withAnswers]))[0]).toMatchObject(refused);
    const f = await draftFigures(s.db, scope(), { from: '2026-04-01', to: '2026-05-01' });
    expect(f.started).toBe(12); // as before: nothing refused was counted
  });
});
