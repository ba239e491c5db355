/**
 * SMS and web push, received by a local HTTP server that plays the council's
 * SMS gateway and a browser push service. The push payload is decrypted with
 * the subscription's own keys (RFC 8291) and the VAPID signature checked, so
 * the test proves what a real browser would show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushPayloadSchema } from '../../src/core/push';
import { runNotificationsOnce } from '../../server/notify/worker';
import { databases } from './helpers/databases';
import { startEdgeServer, type EdgeServer } from './helpers/edge-http';
import { createEvent } from './helpers/events';
import { checkVapid, makeSubscriber } from './helpers/push-keys';
import { TestServer } from './helpers/server';

const PUBLIC_URL = 'https://civic.example';

interface SmsCall {
  to: string;
  text: string;
  language: string;
  request: string;
}

describe.each(databases)('SMS and web push on $name', (target) => {
  let s: TestServer;
  let edge: EdgeServer;
  let agent: string;
  let endpoints = 0;
  const run = () => runNotificationsOnce(s.liveDeps, { worker: 'edge-test' });
  const smsOnly = (language: 'sw' | 'yo' | 'ha' | 'en') =>
    createEvent({
      request: {
        language,
        contact: { phone: '+255 712 345 678', consent_updates: true, consent_channels: ['sms'] },
      },
    });
  const act = async (tracking: string, path: string, body: unknown) => {
    const res = await s.post(`/api/staff/requests/${tracking}/${path}`, body, { cookie: agent });
    expect(res.status).toBe(200);
  };
  const subscribe = async (r: { tracking: string; token: string }, language: string) => {
    const subscriber = makeSubscriber();
    const endpoint = `${edge.origin}/push/device-${++endpoints}`;
    const res = await s.post('/api/push/subscriptions', {
      tracking: r.tracking,
      token: r.token,
      language,
      subscription: { endpoint, expirationTime: null, keys: subscriber.keys },
    });
    expect(res.status).toBe(201);
    return { subscriber, path: new URL(endpoint).pathname };
  };

  beforeAll(async () => {
    edge = await startEdgeServer();
    s = await TestServer.start(target, {
      notify: { smsWebhookUrl: `${edge.origin}/sms`, publicUrl: PUBLIC_URL, pushAllowPrivate: true },
    });
    agent = (await s.staffSession('agent')).cookie;
  });
  afterAll(async () => {
    await s.close();
    await edge.close();
  });

  it('sends a short SMS in Swahili with the tracking number, a link and how to stop', async () => {
    const r = await s.submit(smsOnly('sw'));
    await act(r.tracking, 'acknowledge', { message: 'Timu itafika Jumanne.' });
    expect(await run()).toMatchObject({ claimed: 1, delivered: 1 });
    const calls = edge.callsTo('/sms').filter((c) => c.body.toString().includes(r.tracking));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['content-type']).toContain('application/json');
    const sms = JSON.parse(calls[0]!.body.toString()) as SmsCall;
    expect(sms).toMatchObject({ to: '+255 712 345 678', language: 'sw', request: r.tracking });
    expect(sms.text).toContain(`${r.tracking} limepokelewa. Tarajia hatua kufikia`);
    expect(sms.text).toContain('"Timu itafika Jumanne."');
    expect(sms.text).toContain(`${PUBLIC_URL}/track?number=${r.tracking}`);
    expect(sms.text).toMatch(new RegExp(`Kusimamisha: ${PUBLIC_URL}/stop/${r.tracking}/[A-Za-z0-9_-]{22}`));
    expect(sms.text.length).toBeLessThan(400);
  });

  it('asks the satisfaction question by SMS too when resolved, and points a duplicate to the original', async () => {
    const original = await s.submit(smsOnly('en'));
    const r = await s.submit(smsOnly('ha'));
    const dup = await s.submit(smsOnly('yo'));
    await act(r.tracking, 'status', { to: 'resolved' });
    await act(dup.tracking, 'duplicate', { of: original.tracking });
    await run();
    const textFor = (tracking: string) =>
      edge
        .callsTo('/sms')
        .map((c) => JSON.parse(c.body.toString()) as SmsCall)
        .filter((c) => c.request === tracking)
        .map((c) => c.text);
    expect(textFor(r.tracking)).toHaveLength(1);
    expect(textFor(r.tracking)[0]).toContain(
      `An warware ${r.tracking}. An gyara? Yaya kuka gamsu? Ku faɗa mana:`,
    );
    expect(textFor(dup.tracking)).toEqual([
      expect.stringContaining(`Wọ́n ti sọ nípa ${dup.tracking} tẹ́lẹ̀ gẹ́gẹ́ bí ${original.tracking}.`),
    ]);
  });

  it('pushes an encrypted, VAPID-signed notification the subscribed device can read', async () => {
    const r = await s.submit(createEvent({ request: { language: 'pt', contact: undefined } }));
    const { subscriber, path } = await subscribe(r, 'pt');
    await act(r.tracking, 'status', { to: 'in_progress', message: 'A equipa chega amanhã.' });
    expect(await run()).toMatchObject({ claimed: 1, delivered: 1 });
    const calls = edge.callsTo(path);
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(call.headers['ttl'])).toBeGreaterThan(0);
    const key = (await (await s.get('/api/push/key')).json()) as { publicKey: string };
    expect(checkVapid(call.headers['authorization'], edge.origin).publicKey).toBe(key.publicKey);
    const payload = pushPayloadSchema.parse(JSON.parse(subscriber.decrypt(call.body)));
    expect(payload).toEqual({
      title: `Novidades sobre o seu pedido ${r.tracking}`,
      body: 'O seu pedido (Buraco na estrada) está agora: Em curso. A equipa chega amanhã.',
      url: `/track?number=${r.tracking}`,
      lang: 'pt',
      tracking: r.tracking,
    });
  });

  it('drops a subscription the push service says is gone, and retries one that is busy', async () => {
    const r = await s.submit(createEvent({ request: { language: 'en', contact: undefined } }));
    const gone = await subscribe(r, 'en');
    const busy = await subscribe(r, 'en');
    edge.answerNext(gone.path, 410);
    edge.answerNext(busy.path, 503);
    await act(r.tracking, 'acknowledge', {});
    expect(await run()).toMatchObject({ claimed: 2, failed: 1, retried: 1 });
    const subs = await s.db.query<{ endpoint: string }>(
      'SELECT endpoint FROM push_subscriptions s JOIN requests q ON q.id = s.request_id WHERE q.tracking = $1',
      [r.tracking],
    );
    expect(subs.map((x) => new URL(x.endpoint).pathname)).toEqual([busy.path]);
    s.setNow(new Date(Date.now() + 60_000));
    expect(await run()).toMatchObject({ claimed: 1, delivered: 1 });
    s.setNow(undefined);
    expect(edge.callsTo(busy.path)).toHaveLength(2);
    expect(edge.callsTo(gone.path)).toHaveLength(1);
  });

  it('refuses push registration without the right token, and removes a subscription on request', async () => {
    const r = await s.submit(createEvent({ request: { contact: undefined } }));
    const other = await s.submit(createEvent({ request: { contact: undefined } }));
    const subscriber = makeSubscriber();
    const subscription = { endpoint: `${edge.origin}/push/x`, keys: subscriber.keys };
    const wrong = await s.post('/api/push/subscriptions', {
      tracking: r.tracking,
      token: other.token,
      language: 'en',
      subscription,
    });
    expect(wrong.status).toBe(404);
    const bad = await s.post('/api/push/subscriptions', {
      tracking: r.tracking,
      token: r.token,
      language: 'en',
      subscription: { ...subscription, keys: { p256dh: 'short', auth: subscriber.keys.auth } },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid', fields: ['subscription.keys.p256dh'] });
    const ok = await s.post('/api/push/subscriptions', {
      tracking: r.tracking,
      token: r.token,
      language: 'en',
      subscription,
    });
    expect(ok.status).toBe(201);
    const again = await s.post('/api/push/subscriptions', {
      tracking: r.tracking,
      token: r.token,
      language: 'fr',
      subscription,
    });
    expect(again.status).toBe(200);
    const removed = await s.request(
      'DELETE',
      '/api/push/subscriptions',
      JSON.stringify({ tracking: r.tracking, token: r.token, endpoint: subscription.endpoint }),
      { headers: { 'Content-Type': 'application/json' } },
    );
    expect(await removed.json()).toEqual({ removed: true });
    await act(r.tracking, 'acknowledge', {});
    const rows = await s.db.query(
      'SELECT 1 FROM notifications n JOIN requests q ON q.id = n.request_id WHERE q.tracking = $1',
      [r.tracking],
    );
    expect(rows).toHaveLength(0);
  });
});
