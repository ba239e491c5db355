/**
 * A whole load scenario on one target: the fake SMTP and SMS servers, the staff
 * account, `processes` real server processes sharing the target (each with its
 * notification worker), the load, the wait for every notification, the servers
 * stopped, and the integrity counts. Used by bench/load.ts and by the short form
 * in tests/server/load-two-processes.test.ts.
 */
import { startEdgeServer } from '../../tests/server/helpers/edge-http';
import { startMailSink } from '../../tests/server/helpers/mail';
import { checkIntegrity, waitForNotifications, type Delivery, type Integrity } from './check';
import { signIn } from './http';
import { runLoad, type LoadOptions, type LoadResult } from './run';
import { addStaff, startServer, STAFF, type RunningServer, type Target } from './servers';
import { printStats } from './stats';

export interface ScenarioResult {
  readonly load: LoadResult;
  readonly delivery: Delivery;
  readonly integrity: Integrity;
}

export async function runScenario(
  target: Target,
  processes: number,
  load: LoadOptions,
  basePort: number,
): Promise<ScenarioResult> {
  const edge = await startEdgeServer();
  const mail = await startMailSink();
  const servers: RunningServer[] = [];
  try {
    addStaff(target);
    for (let i = 0; i < processes; i++)
      servers.push(
        await startServer(target, basePort + i, {
          SMTP_URL: mail.url,
          SMS_WEBHOOK_URL: `${edge.origin}/sms`,
          NOTIFY_POLL_MS: '300',
          PUBLIC_URL: 'http://localhost:8080',
          APP_DIR: target.dataDir, // no app to serve: the API is what is measured
        }),
      );
    const result = await runLoad(servers, load);
    const cookie = await signIn(servers[0]?.url ?? '', STAFF.email, STAFF.password);
    const delivery = await waitForNotifications(servers[0]?.url ?? '', cookie, 120_000);
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    const integrity = await checkIntegrity(target, result.receipts, mail, edge);
    return { load: result, delivery, integrity };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await edge.close();
    await mail.close();
  }
}

export function printScenario(title: string, r: ScenarioResult): void {
  const { load, delivery, integrity: i } = r;
  const events = load.receipts.size;
  console.log(`\n${title}`);
  console.log(
    `  ${events} of ${load.sent} events stored in ${load.seconds.toFixed(1)} s: ` +
      `${(events / load.seconds).toFixed(0)} events/s, ${load.recorder.errors()} calls not 2xx`,
  );
  printStats(load.recorder, load.seconds);
  console.log(
    `  retried batches: ${load.retried}; staff acknowledged ${load.acknowledged}, resolved ${load.resolved}`,
  );
  console.log(
    `  by event id: stored ${i.stored}, duplicated ${i.duplicates}, lost ${i.lost + load.unanswered}, ` +
      `tracking differs ${i.wrongTracking + load.conflicts}`,
  );
  console.log(
    `  notifications: ${i.notificationRows} rows, ${i.delivered} delivered ` +
      `(${i.receivedMail} e-mails, ${i.receivedSms} SMS received), rows twice ${i.notificationDuplicates}, ` +
      `received twice ${i.receivedTwice}; all sent ${delivery.waitedS.toFixed(1)} s after the load`,
  );
}
