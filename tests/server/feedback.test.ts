/** Feedback events: only with the request's token, and only once it is resolved or closed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { feedbackEvent, statusEvent } from './helpers/events';
import { TestServer } from './helpers/server';

describe.each(databases)('feedback on $name', (target) => {
  let s: TestServer;
  let agent: string;
  beforeAll(async () => {
    s = await TestServer.start(target);
    agent = (await s.staffSession('agent')).cookie;
  });
  afterAll(() => s.close());

  it('is refused before the request is resolved, with the wrong token, and for an unknown request', async () => {
    const r = await s.submit();
    const other = await s.submit();
    const results = await s.sync([
      feedbackEvent(r.tracking, r.token),
      feedbackEvent(r.tracking, other.token),
      feedbackEvent('CD-22222222', r.token),
    ]);
    expect(results.map((x) => (x.outcome === 'rejected' ? x.reason : x.outcome))).toEqual([
      'invalid_transition',
      'unknown_request',
      'unknown_request',
    ]);
  });

  it('is recorded once resolved, visible to staff but not in the public history', async () => {
    const r = await s.submit();
    await s.sync([statusEvent(r.tracking, 'resolved', 'Fixed')], { cookie: agent });
    const event = feedbackEvent(r.tracking, r.token, 5);
    const [result] = await s.sync([event]);
    expect(result).toMatchObject({
      outcome: 'accepted',
      receipt: { tracking: r.tracking, status: 'resolved' },
    });
    expect(result?.outcome === 'accepted' && result.receipt?.token).toBeFalsy();
    const staffView = (await (
      await s.get(`/api/staff/requests/${r.tracking}`, { cookie: agent })
    ).json()) as {
      feedback: { rating: number; comment: string };
    };
    expect(staffView.feedback).toMatchObject({ rating: 5, comment: 'Quick' });
    const pub = await s.get(`/api/requests/${r.tracking}`, { headers: { 'X-Access-Token': r.token } });
    expect(JSON.stringify(await pub.json())).not.toContain('Quick');
  });
});
