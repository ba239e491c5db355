/**
 * Starts Civic Desk: one process serving the app and the API. Opens the
 * database (PGlite in DATA_DIR, or DATABASE_URL), migrates, seeds the demo
 * catalog on first start, then listens and runs the notification and
 * media_url workers, the contact retention sweep and the figures' folding; on SIGINT/SIGTERM stops
 * them, then closes the database.
 */
import { createApp } from './app';
import { startStorage } from './bootstrap';
import { readConfig } from './config';
import { listen } from './http/listen';
import { startFigureFold } from './metrics/fold';
import { startMediaWorker } from './media-jobs/worker';
import { startNotificationWorker } from './notify/worker';
import { startRetentionSweep } from './requests/retention';

const config = readConfig();
const started = await startStorage(config);
const { db } = started.deps;
console.log(
  db.kind === 'pglite'
    ? `Database: PGlite in ${config.dataDir}, started in ${Math.round(started.openMs)} ms`
    : 'Database: PostgreSQL (DATABASE_URL)',
);
if (started.migrations.length > 0) console.log(`Applied migrations: ${started.migrations.join(', ')}`);
if (started.seeded) console.log('Seeded the demo catalog');

const app = createApp({ appDir: config.appDir, deps: started.deps, e2e: process.env.E2E === '1' });
if (process.env.E2E === '1') console.log('E2E=1: test hooks at /api/e2e');
const server = listen(app.fetch, config.port, (info) => {
  console.log(`Civic Desk is running at http://localhost:${info.port}`);
});
const mediaWorker = startMediaWorker(started.deps);
const fold = startFigureFold(started.deps);
const retention = startRetentionSweep(started.deps, config.contactRetentionDays);
console.log(`Contact details removed ${config.contactRetentionDays} days after a request finished`);

const notifier =
  config.notifyPollMs > 0
    ? startNotificationWorker(started.deps, { intervalMs: config.notifyPollMs })
    : undefined;
const { notify } = started.deps;
console.log(
  `Notifications: e-mail ${notify.smtpUrl ? 'on' : 'off (SMTP_URL)'}, SMS ${notify.smsWebhookUrl ? 'on' : 'off (SMS_WEBHOOK_URL)'}, web push on; links to ${notify.publicUrl}`,
);

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  Promise.all([notifier?.stop(), mediaWorker.stop(), retention.stop(), fold.stop()])
    .then(() => db.close())
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('closing the database failed:', err);
        process.exit(1);
      },
    );
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
