/**
 * E-mail notifications, received by a real SMTP server on a local port: the
 * person's language, the expected date, the council's message, the
 * satisfaction question at resolution, RFC 8058 one-click unsubscribe
 * headers, exactly one message per change, and a temporary refusal retried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotificationsOnce, startNotificationWorker } from '../../server/notify/worker';
import { databases } from './helpers/databases';
import { createEvent } from './helpers/events';
import { startMailSink, type MailSink } from './helpers/mail';
import { TestServer } from './helpers/server';

const PUBLIC_URL = 'https://civic.example';

describe.each(databases)('e-mail notifications on $name', (target) => {
  let s: TestServer;
  let mail: MailSink;
  let agent: string;
  const run = () => runNotificationsOnce(s.liveDeps, { worker: 'mail-test' });
  const emailOnly = (language: 'fr' | 'en' | 'ar') =>
    createEvent({
      request: {
        language,
        contact: {
          name: 'Ada Obi',
          phone: '+234 801 234 5678',
          email: 'ada@example.org',
          consent_updates: true,
          consent_channels: ['email'],
        },
      },
    });
  const act = async (tracking: string, path: string, body: unknown) => {
    const res = await s.post(`/api/staff/requests/${tracking}/${path}`, body, { cookie: agent });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    mail = await startMailSink();
    s = await TestServer.start(target, {
      notify: { smtpUrl: mail.url, publicUrl: PUBLIC_URL, mailFrom: 'Civic Desk <updates@civic.example>' },
    });
    agent = (await s.staffSession('agent')).cookie;
  });
  afterAll(async () => {
    await s.close();
    await mail.close();
  });

  it('tells the person in French that the request is acknowledged, with the date and the message, once', async () => {
    const r = await s.submit(emailOnly('fr'));
    const before = mail.received.length;
    await act(r.tracking, 'acknowledge', { message: 'Une équipe passera mardi.' });
    expect(await run()).toMatchObject({ claimed: 1, delivered: 1, retried: 0, failed: 0 });
    expect(await run()).toMatchObject({ claimed: 0, delivered: 0 });
    const got = mail.received.slice(before);
    expect(got).toHaveLength(1);
    const m = got[0]!;
    expect(m.to).toEqual(['ada@example.org']);
    expect(m.headers.get('subject')).toBe(`Nous avons reçu votre demande ${r.tracking}`);
    expect(m.headers.get('content-language')).toBe('fr');
    const due = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${r.due}T12:00:00Z`),
    );
    expect(m.text).toContain(`Nous agirons au plus tard le ${due}.`);
    expect(m.text).toContain('Une équipe passera mardi.');
    expect(m.text).toContain(`${PUBLIC_URL}/track?number=${r.tracking}`);
    expect(m.html).toContain('<html lang="fr" dir="ltr">');
    expect(m.html).toContain('Une équipe passera mardi.');
    const unsubscribe = m.headers.get('list-unsubscribe') ?? '';
    expect(unsubscribe).toMatch(new RegExp(`^<${PUBLIC_URL}/stop/${r.tracking}/[A-Za-z0-9_-]{22}>`));
    expect(m.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(m.text).toContain(unsubscribe.slice(1, unsubscribe.indexOf('>')));
  });

  it('asks "Is it fixed? How satisfied are you?" when resolved, in Arabic right to left', async () => {
    const r = await s.submit(emailOnly('ar'));
    const before = mail.received.length;
    await act(r.tracking, 'status', { to: 'resolved', message: 'تم ردم الحفرة' });
    await run();
    const m = mail.received.slice(before);
    expect(m).toHaveLength(1);
    expect(m[0]!.headers.get('subject')).toBe(`تم حل طلبك ${r.tracking}`);
    expect(m[0]!.text).toContain('هل أُصلحت المشكلة؟ ما رأيك في خدمتنا؟');
    expect(m[0]!.text).toContain('تم ردم الحفرة');
    expect(m[0]!.html).toContain('<html lang="ar" dir="rtl">');
  });

  it('stops every message for the request with the one-click link; opening it alone stops nothing', async () => {
    const r = await s.submit(emailOnly('fr'));
    const other = await s.submit(emailOnly('en'));
    const before = mail.received.length;
    await act(r.tracking, 'acknowledge', {});
    await run();
    const header = mail.received.slice(before)[0]?.headers.get('list-unsubscribe') ?? '';
    const stopUrl = new URL(header.slice(1, header.indexOf('>')));

    const page = await s.get(stopUrl.pathname);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Arrêter tous les messages sur la demande ${r.tracking} ?`);
    expect(html).toContain('<button type="submit">Arrêter les messages</button>');
    // Opening the page (as a mail scanner does) changed nothing: the next change is still told.
    await act(r.tracking, 'status', { to: 'in_progress', message: 'Travaux lundi' });
    const queued = await s.db.query<{ state: string }>(
      `SELECT n.state FROM notifications n JOIN requests q ON q.id = n.request_id WHERE q.tracking = $1 ORDER BY n.id`,
      [r.tracking],
    );
    expect(queued.map((q) => q.state)).toEqual(['delivered', 'pending']);

    // The mail program's RFC 8058 one-click POST.
    const stop = await s.request('POST', stopUrl.pathname, 'List-Unsubscribe=One-Click', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(stop.status).toBe(200);
    expect(await stop.text()).toContain(`Vous ne recevrez plus de messages sur la demande ${r.tracking}.`);
    await act(r.tracking, 'status', { to: 'resolved' });
    await act(other.tracking, 'acknowledge', {});
    const sent = mail.received.length;
    await run();
    // Only the other request's message went; this one's waiting message was cancelled and no new one written.
    expect(mail.received.slice(sent).map((m) => m.headers.get('subject'))).toEqual([
      `We have your request ${other.tracking}`,
    ]);
    const after = await s.db.query<{ state: string; last_error: string | null }>(
      `SELECT n.state, n.last_error FROM notifications n JOIN requests q ON q.id = n.request_id
       WHERE q.tracking = $1 ORDER BY n.id`,
      [r.tracking],
    );
    expect(after).toEqual([
      { state: 'delivered', last_error: null },
      { state: 'cancelled', last_error: 'stopped by the person' },
    ]);
    // The in-app history still shows every change.
    const pub = (await (
      await s.get(`/api/requests/${r.tracking}`, { headers: { 'X-Access-Token': r.token } })
    ).json()) as { status: string };
    expect(pub.status).toBe('resolved');
  });

  it('refuses a stop link with a wrong key, and another request’s key', async () => {
    const a = await s.submit(emailOnly('en'));
    const b = await s.submit(emailOnly('en'));
    const before = mail.received.length;
    await act(b.tracking, 'acknowledge', {});
    await run();
    const header = mail.received.slice(before)[0]?.headers.get('list-unsubscribe') ?? '';
    const key = header.slice(header.lastIndexOf('/') + 1, header.indexOf('>'));
    for (const path of [
      `/stop/${a.tracking}/${key}`,
      `/stop/${a.tracking}/${'A'.repeat(22)}`,
      `/stop/${a.tracking}/x`,
    ]) {
      const res = await s.request('POST', path, 'List-Unsubscribe=One-Click', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('This link does not work.');
    }
    const [row] = await s.db.query<{ stopped: Date | null }>(
      'SELECT notify_stopped_at AS stopped FROM requests WHERE tracking = $1',
      [a.tracking],
    );
    expect(row?.stopped).toBeNull();
  });

  it('retries a temporary refusal later and fails a permanent one, keeping the last error', async () => {
    const r = await s.submit(emailOnly('en'));
    const before = mail.received.length;
    mail.refuseNext(1, 451);
    await act(r.tracking, 'acknowledge', {});
    expect(await run()).toMatchObject({ claimed: 1, retried: 1, delivered: 0 });
    const [waiting] = await s.db.query<{
      state: string;
      attempts: number;
      last_error: string;
      next_attempt_at: Date;
    }>(
      `SELECT state, attempts, last_error, next_attempt_at FROM notifications n
       JOIN requests q ON q.id = n.request_id WHERE q.tracking = $1`,
      [r.tracking],
    );
    expect(waiting).toMatchObject({ state: 'retry', attempts: 1 });
    expect(waiting?.last_error).toContain('451');
    // Not before its time…
    expect(await run()).toMatchObject({ claimed: 0 });
    // …and sent once it comes.
    s.setNow(new Date((waiting?.next_attempt_at.getTime() ?? 0) + 1000));
    expect(await run()).toMatchObject({ claimed: 1, delivered: 1 });
    s.setNow(undefined);
    expect(mail.received.slice(before)).toHaveLength(1);

    const p = await s.submit(emailOnly('en'));
    mail.refuseNext(1, 550);
    await act(p.tracking, 'acknowledge', {});
    expect(await run()).toMatchObject({ claimed: 1, failed: 1 });
    const [failed] = await s.db.query<{ state: string; last_error: string }>(
      `SELECT state, last_error FROM notifications n JOIN requests q ON q.id = n.request_id WHERE q.tracking = $1`,
      [p.tracking],
    );
    expect(failed?.state).toBe('failed');
    expect(failed?.last_error).toContain('550');
  });

  it('sends from the worker loop the server starts, and stops when asked', async () => {
    const worker = startNotificationWorker(s.liveDeps, { intervalMs: 20 });
    const r = await s.submit(emailOnly('en'));
    await act(r.tracking, 'acknowledge', {});
    await expect
      .poll(() => mail.received.filter((m) => m.headers.get('subject')?.endsWith(r.tracking)).length, {
        timeout: 20_000,
      })
      .toBe(1);
    await worker.stop();
    const later = await s.submit(emailOnly('en'));
    await act(later.tracking, 'acknowledge', {});
    const [row] = await s.db.query<{ state: string }>(
      'SELECT n.state FROM notifications n JOIN requests q ON q.id = n.request_id WHERE q.tracking = $1',
      [later.tracking],
    );
    // Nobody is sending any more: the row waits for the next worker.
    expect(row?.state).toBe('pending');
    await runNotificationsOnce(s.liveDeps);
  });
});
