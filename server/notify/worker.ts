/**
 * The notification worker that runs inside each server process: claims due
 * rows (queue.ts), renders each in the person's language (render.ts), sends
 * it on its channel, and records delivered, retry (with backoff, for up to
 * 72 hours) or failed with the error. `runNotificationsOnce` is one pass, for
 * tests and the loop alike; `startNotificationWorker` loops until stopped.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { localizeService } from '../../src/core/catalog';
import { isLang, DEFAULT_LANG } from '../../src/core/lang';
import type { Status } from '../../src/core/status';
import { getAnyService } from '../catalog/store';
import type { Queryable } from '../db/types';
import { emailSender, type EmailSender } from './channels/email';
import { SendError } from './channels/errors';
import { GoneSubscriptionError, pushSender, type PushPayload, type PushTarget } from './channels/push';
import { smsSender, type SmsMessage } from './channels/sms';
import { absolute, requestPath, stopKey, stopPath } from './links';
import { claimDue, expireRows, retryDelayMs, settle, type ClaimedRow } from './queue';
import { renderNotification } from './render';
import type { NotifySettings } from './settings';

export interface Channels {
  readonly email: EmailSender;
  readonly sms: (m: SmsMessage) => Promise<void>;
  readonly push: (t: PushTarget, p: PushPayload) => Promise<void>;
}

export function makeChannels(settings: NotifySettings): Channels {
  return {
    email: emailSender(settings.smtpUrl, settings.mailFrom),
    sms: smsSender(settings.smsWebhookUrl),
    push: pushSender(settings),
  };
}

export interface WorkerDeps {
  readonly db: Queryable;
  readonly notify: NotifySettings;
  readonly secret: Buffer;
  readonly now: () => Date;
}

export interface RunOptions {
  /** Names this worker's claims; distinct per process (and per worker in tests). */
  readonly worker?: string;
  readonly limit?: number;
  readonly channels?: Channels;
}

export interface RunResult {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
}

interface RequestInfo {
  tracking: string;
  service_code: string;
  contact_email: string | null;
  contact_phone: string | null;
  notify_stopped_at: Date | null;
}

export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

async function serviceName(db: Queryable, code: string, lang: string): Promise<string> {
  const service = await getAnyService(db, code);
  return service ? localizeService(service, isLang(lang) ? lang : DEFAULT_LANG).service_name : code;
}

/** Sends one claimed row; throws SendError (or anything else, taken as temporary) when it did not go. */
async function deliver(deps: WorkerDeps, channels: Channels, row: ClaimedRow): Promise<'sent' | 'stopped'> {
  const [r] = await deps.db.query<RequestInfo>(
    'SELECT tracking, service_code, contact_email, contact_phone, notify_stopped_at FROM requests WHERE id = $1',
    [row.request_id],
  );
  if (!r) throw new SendError('request not found', true);
  if (r.notify_stopped_at) return 'stopped';
  const { publicUrl } = deps.notify;
  const path = requestPath(r.tracking);
  const stopUrl = absolute(publicUrl, stopPath(r.tracking, stopKey(deps.secret, row.request_id)));
  const m = renderNotification({
    kind: row.kind,
    language: row.language,
    tracking: r.tracking,
    service: await serviceName(deps.db, r.service_code, row.language),
    status: row.data.status as Status | null,
    message: row.data.message,
    duplicateOf: row.data.duplicate_of,
    due: row.data.due,
    requestUrl: absolute(publicUrl, path),
    requestPath: path,
    stopUrl,
  });
  switch (row.channel) {
    case 'email':
      if (!r.contact_email) throw new SendError('no e-mail address on the request', true);
      await channels.email.send({ to: r.contact_email, ...m, language: m.lang, unsubscribeUrl: stopUrl });
      return 'sent';
    case 'sms':
      if (!r.contact_phone) throw new SendError('no phone number on the request', true);
      await channels.sms({ to: r.contact_phone, text: m.sms, language: m.lang, request: r.tracking });
      return 'sent';
    case 'push': {
      const [sub] = await deps.db.query<PushTarget>(
        'SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE id = $1',
        [row.subscription_id],
      );
      if (!sub) throw new SendError('the device removed its push subscription', true);
      try {
        await channels.push(sub, m.push);
      } catch (err) {
        if (err instanceof GoneSubscriptionError)
          await deps.db.query('DELETE FROM push_subscriptions WHERE id = $1', [row.subscription_id]);
        throw err;
      }
      return 'sent';
    }
  }
}

export async function runNotificationsOnce(deps: WorkerDeps, options: RunOptions = {}): Promise<RunResult> {
  const worker = options.worker ?? workerName();
  const channels = options.channels ?? makeChannels(deps.notify);
  const result: RunResult = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  try {
    await expireRows(deps.db, deps.now());
    const rows = await claimDue(deps.db, worker, deps.now(), options.limit ?? 20);
    result.claimed = rows.length;
    for (const row of rows) {
      try {
        const outcome = await deliver(deps, channels, row);
        if (outcome === 'stopped') {
          // Stopped between the claim and the send: the stop won, nothing went.
          await settle(deps.db, row, worker, deps.now(), {
            state: 'cancelled',
            error: 'stopped by the person',
          });
        } else {
          await settle(deps.db, row, worker, deps.now(), { state: 'delivered' });
          result.delivered++;
        }
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        const nextAt = new Date(deps.now().getTime() + retryDelayMs(row.attempts));
        const permanent = err instanceof SendError && err.permanent;
        if (permanent || nextAt >= row.give_up_at) {
          await settle(deps.db, row, worker, deps.now(), { state: 'failed', error });
          result.failed++;
        } else {
          await settle(deps.db, row, worker, deps.now(), { state: 'retry', error, nextAt });
          result.retried++;
        }
      }
    }
  } finally {
    if (!options.channels) channels.email.close();
  }
  return result;
}

export interface NotificationWorker {
  /** Look for due rows now instead of at the next tick (after a change commits). */
  wake(): void;
  /** Stops the loop and waits for the pass in progress to finish. */
  stop(): Promise<void>;
}

export function startNotificationWorker(
  deps: WorkerDeps,
  options: { intervalMs: number; onError?: (err: unknown) => void },
): NotificationWorker {
  const worker = workerName();
  const channels = makeChannels(deps.notify);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const pass = async () => {
    do {
      again = false;
      try {
        const r = await runNotificationsOnce(deps, { worker, channels, limit: 20 });
        // A full batch means more may be due: go on without waiting for the tick.
        if (r.claimed === 20) again = true;
      } catch (err) {
        (options.onError ?? ((e) => console.error('notifications:', e)))(err);
      }
    } while (again && !stopped);
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    wake() {
      if (timer) clearTimeout(timer);
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      channels.email.close();
    },
  };
}
