// The media_url queue itself: back-off, claims that never overlap (two
// workers at once, as two server processes would be), and the worker loop
// the server process runs, started and stopped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { claimDueJobs, enqueueMediaJobs, retryDelayMs } from '../../server/media-jobs/queue';
import { startMediaWorker } from '../../server/media-jobs/worker';
import { databases } from './helpers/databases';
import { TINY_PNG } from './helpers/events';
import { TestServer } from './helpers/server';

describe('media job back-off', () => {
  it('waits 1, 2, 4 … minutes between tries, at most two hours', () => {
    expect([1, 2, 3, 4, 8, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 120, 120]);
  });
});

describe.each(databases)('media jobs on $name', (target) => {
  let s: TestServer;
  let host: Server;
  let origin = '';
  beforeAll(async () => {
    s = await TestServer.start(target);
    host = createServer((_req, res) => res.writeHead(200).end(TINY_PNG));
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => host.close(() => resolve()));
    await s.close();
  });

  const requestId = async () => {
    const { tracking } = await s.submit();
    const [row] = await s.db.query<{ id: string }>('SELECT id FROM requests WHERE tracking = $1', [tracking]);
    return row?.id ?? '';
  };

  it('never gives one job to two workers claiming at the same moment', async () => {
    const now = new Date(Date.now() + 3600_000); // after every job other tests left due
    const id = await requestId();
    await enqueueMediaJobs(
      s.db,
      id,
      [1, 2, 3].map((n) => ({ url: `${origin}/${n}.png` })),
      now,
    );
    const [a, b] = await Promise.all([claimDueJobs(s.db, now, 2), claimDueJobs(s.db, now, 2)]);
    const ids = [...(a ?? []), ...(b ?? [])].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(3);
    // Leased: not due again until the lease ends.
    expect(await claimDueJobs(s.db, now, 10)).toEqual([]);
  });

  it('runs in the background until stopped', async () => {
    const id = await requestId();
    await enqueueMediaJobs(s.db, id, [{ url: `${origin}/photo.png` }], new Date());
    const worker = startMediaWorker({ ...s.deps, media: { allowPrivateAddresses: true } }, 50);
    try {
      await vi.waitFor(
        async () => {
          const [job] = await s.db.query<{ state: string }>(
            'SELECT state FROM media_jobs WHERE request_id = $1',
            [id],
          );
          expect(job?.state).toBe('attached');
        },
        { timeout: 10_000, interval: 50 },
      );
    } finally {
      await worker.stop();
    }
    const photos = await s.db.query('SELECT 1 FROM request_photos WHERE request_id = $1', [id]);
    expect(photos).toHaveLength(1);
  });
});
