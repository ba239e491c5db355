/** Server settings from the environment, with the defaults `npm start` uses. */
import path from 'node:path';
import type { FailureLimit } from './auth/rate-limit';
import { SUBMIT_LIMIT } from './auth/submit-limit';
import type { NotifyConfig } from './notify/settings';

export interface Config {
  readonly port: number;
  readonly dataDir: string;
  /** A real PostgreSQL server; when absent the embedded PGlite in dataDir is used. */
  readonly databaseUrl: string | undefined;
  /** Folder with the built app (vite build output). */
  readonly appDir: string;
  /** Secret that citizens' access tokens derive from; generated and kept in the database when absent. */
  readonly tokenSecret: string | undefined;
  /** Trust X-Forwarded-For/-Proto: set only behind a reverse proxy you run. */
  readonly trustProxy: boolean;
  /** E-mail, SMS and web push (README: Configuration). */
  readonly notify: NotifyConfig;
  /** New requests per client address without a session (SUBMIT_LIMIT=max/minutes, or off); null: no limit. */
  readonly submitLimit: FailureLimit | null;
  /** How often the notification worker looks for due messages; 0 turns it off in this process. */
  readonly notifyPollMs: number;
  /** Days after a request finished that its contact details are removed (CONTACT_RETENTION_DAYS, default 90). */
  readonly contactRetentionDays: number;
}

function publicUrlOf(value: string | undefined, port: number): string {
  const url = new URL(value || `http://localhost:${port}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('PUBLIC_URL must be http(s)');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    appDir: path.resolve(env.APP_DIR ?? 'dist'),
    tokenSecret: env.TOKEN_SECRET || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    notify: {
      publicUrl: publicUrlOf(env.PUBLIC_URL, port),
      smtpUrl: env.SMTP_URL || undefined,
      mailFrom: env.MAIL_FROM || undefined,
      smsWebhookUrl: env.SMS_WEBHOOK_URL || undefined,
      vapidSubject: env.VAPID_SUBJECT || undefined,
      pushAllowPrivate: env.PUSH_ALLOW_PRIVATE === '1' || env.PUSH_ALLOW_PRIVATE === 'true',
    },
    notifyPollMs: pollMs(env.NOTIFY_POLL_MS),
    contactRetentionDays: retentionDays(env.CONTACT_RETENTION_DAYS),
    submitLimit: submitLimitOf(env.SUBMIT_LIMIT),
  };
}

/** "100/60": 100 new requests per address in 60 minutes; "off": none; unset: the default. */
function submitLimitOf(value: string | undefined): FailureLimit | null {
  if (value === undefined || value === '') return SUBMIT_LIMIT;
  if (value === 'off') return null;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const max = Number(m?.[1]);
  const windowMinutes = Number(m?.[2]);
  if (!m || max < 1 || windowMinutes < 1 || windowMinutes > 1440)
    throw new Error(`SUBMIT_LIMIT must be max/minutes (at most 1440 minutes) or off, got ${value}`);
  return { max, windowMinutes };
}

function pollMs(value: string | undefined): number {
  const ms = Number(value ?? 2000);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`NOTIFY_POLL_MS must be a whole number, got ${value}`);
  return ms;
}

function retentionDays(value: string | undefined): number {
  const days = Number(value || 90);
  if (!Number.isInteger(days) || days < 0 || days > 36_500)
    throw new Error(`CONTACT_RETENTION_DAYS must be a whole number of days, got ${value}`);
  return days;
}
