// Fuzzing at scale (fast-check) over every endpoint: Open311 (reads in every
// format, posts as form, multipart, JSON, XML), sync, photos, auth, kiosk,
// officer, staff (signed in, so the handlers behind the session are reached),
// push, the public scorecard and the stop link. First a run of hostile input
// that may pass; then a run of input that each carries a certain refusal,
// with the database fingerprinted before and after. No answer may be a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, type Ignored } from './helpers/db-dump';
import { databases } from './helpers/databases';
import { attachmentEvent, createEvent, TINY_PNG } from './helpers/events';
import { enrolKiosk } from './helpers/kiosk';
import { TestServer } from './helpers/server';
import { attachmentInput, jsonInput, readInput, type FuzzInput, type Phase } from './fuzz/inputs';
import type { FuzzContext, Who } from './fuzz/json-routes';
import { open311PostInput, stopPostInput } from './fuzz/open311-inputs';
import { newApiKey } from './open311-helpers';

const ANY_RUNS = Number(process.env.FUZZ_ANY ?? 2_000);
const INVALID_RUNS = Number(process.env.FUZZ_INVALID ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CHUNK = 25;

/**
 * What a refused call may still change, by design:
 * - login_failures: every failed sign-in and failed request look-up is
 *   counted there, that is the rate limit (auth/rate-limit.ts);
 * - kiosks.last_seen_at: any call carrying a live kiosk's credential marks
 *   it seen, refused or not (kiosks/credential.ts), so the desk can tell
 *   the device still reaches the server;
 * - contact_views: reading a request's page at the desk is a view of its
 *   contact details, and each such view is recorded (requests/contact-log.ts).
 */
const CHANGES_ON_REFUSAL: Ignored = { login_failures: ['*'], kiosks: ['last_seen_at'], contact_views: ['*'] };

function inputs(x: FuzzContext, phase: Phase): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
    { weight: 45, arbitrary: jsonInput(x, phase) },
    { weight: 35, arbitrary: readInput(x) },
    { weight: 10, arbitrary: open311PostInput(x, phase) },
    { weight: 6, arbitrary: attachmentInput(x) },
    { weight: 4, arbitrary: stopPostInput(x) },
  );
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Milliseconds per kind of call (FUZZ_PROFILE=1 prints the costliest): to keep the run near a minute. */
const spent = new Map<string, number>();

describe.each(databases)('fuzz on $name', (target) => {
  let s: TestServer;
  let x: FuzzContext;
  const cookies = new Map<Who, string | undefined>();

  beforeAll(async () => {
    s = await TestServer.start(target);
    let officerId = '';
    for (const role of ['agent', 'officer', 'manager', 'admin'] as const) {
      const { user, cookie } = await s.staffSession(role);
      cookies.set(role, cookie);
      if (role === 'officer') officerId = user.id;
    }
    cookies.set('forged', `civic_session=${'A'.repeat(43)}`);
    cookies.set('kiosk', (await enrolKiosk(s)).cookie);
    const admin = cookies.get('admin');
    const create = createEvent();
    const made = await s.submit(create);
    const photo = attachmentEvent(create.id, TINY_PNG, 'image/png');
    const put = await s.request('PUT', `/api/attachments/${create.id}/${photo.photo.sha256}`, TINY_PNG);
    expect(put.status).toBeLessThan(300);
    expect((await s.sync([photo]))[0]?.outcome).toBe('accepted');
    const other = await s.submit();
    await s.post(`/api/staff/requests/${other.tracking}/assign`, { user_id: officerId }, { cookie: admin });
    const template = await s.post(
      '/api/staff/templates',
      { service_code: null, status: 'resolved', name: 'Fixed', texts: { en: 'Fixed.' } },
      { cookie: admin },
    );
    const kiosk = await s.post(
      '/api/staff/kiosks',
      {
        name: 'Desk',
        settings: { idle_warning_s: 60, idle_reset_s: 90, default_language: 'en', services: null },
      },
      { cookie: admin },
    );
    x = {
      tracking: made.tracking,
      token: made.token,
      officerTracking: other.tracking,
      officerId,
      templateId: ((await template.json()) as { template: { id: string } }).template.id,
      kioskId: ((await kiosk.json()) as { kiosk: { id: string } }).kiosk.id,
      sha256: photo.photo.sha256,
      apiKey: await newApiKey(s.db, 'fuzz'),
    };
  });
  afterAll(() => s.close());

  /** Sends `runs` generated calls, CHUNK at a time; answers the 5xx and the writes that were not refused. */
  async function run(phase: Phase, runs: number): Promise<{ fives: string[]; passed: string[] }> {
    const fives: string[] = [];
    const passed: string[] = [];
    const arb = inputs(x, phase);
    for (let i = 0; i * CHUNK < runs; i++) {
      const batch = fc.sample(arb, { numRuns: Math.min(CHUNK, runs - i * CHUNK), seed: SEED + i });
      await Promise.all(
        batch.map(async (input) => {
          const t0 = performance.now();
          const cookie = cookies.get(input.who);
          const headers = { ...input.headers, ...(cookie ? { Cookie: cookie } : {}) };
          const res = await s.app.request(input.path, {
            method: input.method,
            headers,
            ...(input.body !== undefined ? { body: input.body } : {}),
          });
          await res.arrayBuffer();
          const key = input.label.replace(/ (any|invalid)$/, '');
          spent.set(key, (spent.get(key) ?? 0) + performance.now() - t0);
          const what = `${res.status} ${input.label} as ${input.who}: ${input.path.slice(0, 120)}`;
          if (res.status >= 500) fives.push(what);
          else if (!READS.has(input.method) && res.status < 400) passed.push(what);
        }),
      );
    }
    return { fives, passed };
  }

  it('never answers 5xx to hostile input, and refused input leaves the database unchanged', async () => {
    const started = Date.now();
    const any = await run('any', ANY_RUNS);
    const before = await fingerprint(s.db, CHANGES_ON_REFUSAL);
    const invalid = await run('invalid', INVALID_RUNS);
    const after = await fingerprint(s.db, CHANGES_ON_REFUSAL);
    const changed = Object.keys(before).filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));
    const total = ANY_RUNS + INVALID_RUNS;
    const fives = any.fives.length + invalid.fives.length;
    console.log(
      `fuzz on ${target.name}: ${total} inputs (${ANY_RUNS} any, ${INVALID_RUNS} only invalid, seed ${SEED}), ` +
        `${any.passed.length} writes accepted in the first run, ${fives} 5xx, database ${changed.length === 0 ? 'unchanged' : `changed in ${changed.join(', ')}`}, ` +
        `${Math.round((Date.now() - started) / 1000)} s`,
    );
    if (process.env.FUZZ_PROFILE)
      console.log(
        [...spent]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, ms]) => `${Math.round(ms)} ms ${k}`),
      );
    expect([...any.fives, ...invalid.fives].slice(0, 10)).toEqual([]);
    expect(invalid.passed.slice(0, 10)).toEqual([]);
    expect(changed).toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    // The fingerprint sees a change that was not refused: one more request.
    await s.submit();
    const later = await fingerprint(s.db, CHANGES_ON_REFUSAL);
    expect(later['requests']?.rows).toBe((after['requests']?.rows ?? 0) + 1);
    expect(later['request_events']?.md5).not.toBe(after['request_events']?.md5);
  }, 600_000);
});
