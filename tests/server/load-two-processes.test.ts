/**
 * The short form of bench/load.ts: real server processes (the sources through
 * tsx) with their notification workers, devices flushing citizen requests over
 * HTTP while staff acknowledge and resolve some. With DATABASE_URL: two
 * processes on one PostgreSQL database of the test's own, devices hitting
 * either and sending a share of their batches again to the other, or to both at
 * once. Without it: one process on PGlite (two processes cannot share a PGlite
 * folder). Either way, counted by event id: nothing stored twice, nothing
 * answered and lost, every receipt naming the stored tracking number, every
 * notification row written once and received once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from '../../bench/load/scenario';
import { pgliteTarget, postgresTarget, useSources, type Target } from '../../bench/load/servers';

const url = process.env.DATABASE_URL;
const processes = url ? 2 : 1;
/** Real processes on a shared 2-core machine: starting them takes most of it. */
const TIMEOUT_MS = 180_000;

describe(`${processes} server process(es) under load (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  let target: Target;
  let r: ScenarioResult;

  beforeAll(async () => {
    useSources();
    target = url ? await postgresTarget(url, `civic_load_test_${process.pid}`) : pgliteTarget();
    r = await runScenario(
      target,
      processes,
      {
        devices: 40,
        eventsPerDevice: 5,
        concurrency: 10,
        retryShare: url ? 0.4 : 0,
        open311Readers: 1,
        staffReaders: 1,
        staffActions: 10,
      },
      24000 + (process.pid % 5000),
    );
  }, TIMEOUT_MS);
  afterAll(async () => {
    await target.dispose();
  });

  it('stores every event once, under the tracking number its receipt named', () => {
    const { load, integrity } = r;
    console.log(
      `load short form: ${load.receipts.size}/${load.sent} events, ${load.retried} batches sent again, ` +
        `duplicated ${integrity.duplicates}, lost ${integrity.lost + load.unanswered}`,
    );
    expect(load.receipts.size).toBe(load.sent);
    expect(load.unanswered).toBe(0);
    expect(load.conflicts).toBe(0);
    expect(integrity.lost).toBe(0);
    expect(integrity.duplicates).toBe(0);
    expect(integrity.wrongTracking).toBe(0);
    expect(integrity.stored).toBe(load.sent);
    if (url) expect(load.retried).toBeGreaterThan(0);
  });

  it('writes and sends each notification once', () => {
    const { load, integrity } = r;
    expect(load.acknowledged).toBe(10);
    // One message per acknowledged and per resolved request: each device gave an e-mail or a phone.
    expect(integrity.notificationRows).toBe(load.acknowledged + load.resolved);
    expect(integrity.notificationDuplicates).toBe(0);
    expect(integrity.delivered).toBe(integrity.notificationRows);
    expect(integrity.receivedMail + integrity.receivedSms).toBe(integrity.delivered);
    expect(integrity.receivedTwice).toBe(0);
  });

  it('answers every call with a 2xx', () => {
    expect(r.load.recorder.errors()).toBe(0);
  });
});
