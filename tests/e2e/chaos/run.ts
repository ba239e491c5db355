/**
 * The chaos run itself, shared by the spec (short form) and bench/chaos.ts
 * (long form): devices file requests through the real app — a few through
 * the form, the rest as copies of a form-made request (device.ts) — while
 * the network and the server misbehave (faults.ts, server.ts), the desk moves
 * statuses on (desk.ts), one device updates its service worker mid-run and
 * another has two tabs open. Then it waits for every outbox to drain and
 * holds the server (ledger.ts) and every device's screen (screens.ts) to what
 * was filed.
 */
import type { Browser } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makePng } from '../fixtures/png';
import { NextVersionServer } from '../pages/next-version';
import { Desk } from './desk';
import { Device, type CopySpec } from './device';
import { NetworkChaos } from './faults';
import { managerApi, tally, type Tally } from './ledger';
import { between, mulberry32, pick, sleep, uuidv7, type Random } from './random';
import { checkScreens } from './screens';
import { ChaosServer } from './server';
import { updateWorker } from './update';

export interface ChaosOptions {
  readonly seed: number;
  readonly devices: number;
  /** Requests per device, all told. */
  readonly perDevice: number;
  /** Of those, filed through the form: the first offline, the rest while the chaos runs. */
  readonly byForm: number;
  /** How long faults are injected, from the moment the devices first go online. */
  readonly chaosMs: number;
  /** Give up waiting for the outboxes to drain after this long. */
  readonly drainTimeoutMs: number;
  readonly log: (line: string) => void;
}

export interface ChaosResult {
  readonly tally: Tally;
  readonly drainedMs: number;
  readonly screens: string[];
  /** Outbox entries and unsent requests left on the devices at the very end. */
  readonly left: number;
  readonly restarts: number;
  readonly updated: boolean;
  readonly line: string;
}

export const FAULT_RATE = 0.3;

export class ChaosStage {
  private constructor(
    readonly server: ChaosServer,
    readonly proxy: NextVersionServer,
  ) {}

  /** A server of the run's own, behind the proxy that can release a new service worker. */
  static async start(): Promise<ChaosStage> {
    const server = await ChaosServer.start();
    return new ChaosStage(server, await NextVersionServer.start(server.origin));
  }

  async stop(): Promise<void> {
    await this.proxy.close();
    await this.server.stop();
  }
}

function description(o: ChaosOptions, device: number, n: number): string {
  return `Chaos ${o.seed} device ${device} request ${n} end`;
}

function copies(o: ChaosOptions, random: Random, device: number): CopySpec[] {
  const out: CopySpec[] = [];
  for (let n = o.byForm + 1; n <= o.perDevice; n++) {
    const withPhoto = n % 3 === 0;
    out.push({
      id: uuidv7(random),
      attachmentId: uuidv7(random),
      description: description(o, device, n),
      attributes: {
        size: pick(random, ['small', 'medium', 'large']),
        location: pick(random, ['road', 'footpath', 'junction']),
      },
      ...(withPhoto
        ? { photo: { bytes: makePng(o.seed + device * 1000 + n, 64, 48), width: 64, height: 48 } }
        : {}),
    });
  }
  return out;
}

/** A device's own trouble during the chaos: the rest of its form requests, offline periods, maybe the update. */
async function deviceScript(
  o: ChaosOptions,
  device: Device,
  random: Random,
  photo: string,
  update: (() => Promise<void>) | undefined,
): Promise<void> {
  const offlines = between(random, 1, 3);
  const steps: (() => Promise<void>)[] = [];
  for (let n = 2; n <= o.byForm; n++) {
    // The two-tab device files from its second tab, while the first tab flushes too.
    const tab = device.tabs.length > 1 ? 1 : 0;
    steps.push(async () => {
      await device.fileByForm(tab, description(o, device.index, n), n % 2 === 0 ? photo : undefined);
    });
  }
  for (let i = 0; i < offlines; i++)
    steps.push(async () => {
      await device.context.setOffline(true);
      await sleep(between(random, 1_500, 5_000));
      await device.context.setOffline(false);
    });
  // Shuffle (seeded), then the update first if this device has it: it needs the network.
  steps.sort(() => random() - 0.5);
  if (update) steps.unshift(update);
  for (const step of steps) {
    await sleep(between(random, 0, o.chaosMs / (steps.length + 1)));
    await step();
  }
}

async function serverScript(o: ChaosOptions, stage: ChaosStage, chaos: NetworkChaos, random: Random) {
  for (const [from, to] of [
    [0.15, 0.35],
    [0.55, 0.75],
  ] as const) {
    await sleep(between(random, from * o.chaosMs, to * o.chaosMs) - (Date.now() - startedAt(o)));
    // Mid-flush: the moment a batch is handed to the server (or after 8 s of quiet).
    await Promise.race([chaos.nextBatchInFlight(), sleep(8_000)]);
    await sleep(between(random, 0, 30));
    await stage.server.kill();
    o.log(`chaos: server killed (SIGKILL) at ${seconds(Date.now() - startedAt(o))} s`);
    await sleep(between(random, 500, 2_000));
    await stage.server.restart();
    o.log(`chaos: server back at ${seconds(Date.now() - startedAt(o))} s`);
  }
}

async function deskScript(o: ChaosOptions, desk: Desk, random: Random, until: number): Promise<void> {
  while (Date.now() < until) {
    await sleep(between(random, 500, 2_500));
    await desk.step();
  }
}

const starts = new WeakMap<ChaosOptions, number>();
function startedAt(o: ChaosOptions): number {
  return starts.get(o) ?? Date.now();
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

async function pendingAll(devices: readonly Device[]): Promise<number[]> {
  const out: number[] = [];
  for (const d of devices) {
    const p = await d.pending();
    out.push(p.outbox + p.waiting);
  }
  return out;
}

/**
 * Waits for every outbox to empty. When nothing moved for 10 s, devices still
 * holding entries see their network drop and come back — what a person's
 * phone does all day, and the app's cue to send at once instead of waiting
 * out a long backoff.
 */
async function drain(o: ChaosOptions, devices: readonly Device[]): Promise<number> {
  const end = Date.now() + o.drainTimeoutMs;
  let last = -1;
  let still = Date.now();
  for (;;) {
    const left = await pendingAll(devices);
    const total = left.reduce((a, b) => a + b, 0);
    if (total === 0) return Date.now();
    if (Date.now() > end) throw new Error(`outboxes not drained: ${left.join(', ')} left (seed ${o.seed})`);
    if (total !== last) {
      o.log(`chaos: ${total} left to send (${left.join(', ')}) at ${seconds(Date.now() - startedAt(o))} s`);
      last = total;
      still = Date.now();
    } else if (Date.now() - still > 10_000) {
      o.log(`chaos: nothing moved for 10 s; the network drops and comes back on devices still holding some`);
      for (const [i, d] of devices.entries()) {
        if ((left[i] ?? 0) === 0) continue;
        await d.context.setOffline(true);
        await sleep(300);
        await d.context.setOffline(false);
      }
      still = Date.now();
    }
    await sleep(500);
  }
}

export async function runChaos(browser: Browser, stage: ChaosStage, o: ChaosOptions): Promise<ChaosResult> {
  const began = Date.now();
  const random = mulberry32(o.seed);
  const chaos = new NetworkChaos(o.seed);
  const folder = mkdtempSync(path.join(tmpdir(), 'civic-chaos-photo-'));
  const photo = path.join(folder, 'pothole.png');
  writeFileSync(photo, makePng(o.seed % 997));
  o.log(
    `chaos: seed ${o.seed}; ${o.devices} devices × ${o.perDevice} requests (${o.byForm} by the form each)`,
  );

  const devices: Device[] = [];
  for (let i = 0; i < o.devices; i++)
    devices.push(await Device.open(browser, stage.proxy.url, chaos, i, i === 0 ? 2 : 1));
  // Each device's first request is filed offline through the form; the copies follow it.
  for (const d of devices) {
    await d.context.setOffline(true);
    const template = await d.fileByForm(0, description(o, d.index, 1));
    await d.copyRequest(template.id, copies(o, random, d.index));
  }
  const submitted = devices.reduce((n, d) => n + d.items.length + o.byForm - 1, 0);
  o.log(
    `chaos: ${submitted} requests to deliver (devices ready in ${seconds(Date.now() - began)} s); faults on (${FAULT_RATE * 100}% of sync calls)`,
  );

  starts.set(o, Date.now());
  chaos.rate = FAULT_RATE;
  const desk = new Desk(await managerApi(stage.server.origin), chaos, mulberry32(o.seed + 1));
  let updated = false;
  const update = async () => {
    updated = await updateWorker(devices[1] ?? devices[0]!, stage.proxy);
    o.log(`chaos: service worker updated mid-run on device ${devices.length > 1 ? 1 : 0}: ${updated}`);
  };
  const scripts = devices.map(async (d, i) => {
    await sleep(between(random, 0, 2_000));
    await d.context.setOffline(false);
    await deviceScript(
      o,
      d,
      mulberry32(o.seed + 10 + i),
      photo,
      i === Math.min(1, devices.length - 1) ? update : undefined,
    );
  });
  await Promise.all([
    ...scripts,
    serverScript(o, stage, chaos, mulberry32(o.seed + 2)),
    deskScript(o, desk, mulberry32(o.seed + 3), startedAt(o) + o.chaosMs),
  ]);
  await sleep(Math.max(0, startedAt(o) + o.chaosMs - Date.now()));
  chaos.rate = 0;
  for (const d of devices) await d.context.setOffline(false);
  o.log(
    `chaos: faults off at ${seconds(Date.now() - startedAt(o))} s; ${chaos.faults} of ${chaos.calls} calls failed ${JSON.stringify(chaos.injected)}; desk made ${desk.changes} status changes`,
  );

  const drainedAt = await drain(o, devices);
  const drainedMs = drainedAt - startedAt(o);
  const all = devices.flatMap((d) => d.items);
  const result = await tally(await managerApi(stage.server.origin), all, chaos, desk.statuses);
  const screens: string[] = [];
  for (const d of devices) screens.push(...(await checkScreens(d, result.copies, 60_000)));
  const left = (await pendingAll(devices)).reduce((a, b) => a + b, 0);
  o.log(`chaos: server and screens checked in ${seconds(Date.now() - drainedAt)} s`);
  for (const d of devices) await d.close();
  const line = `chaos: submitted ${result.submitted}, delivered ${result.delivered}, lost ${result.lost}, duplicated ${result.duplicated}, drained in ${seconds(drainedMs)} s (seed ${o.seed})`;
  o.log(line);
  return { tally: result, drainedMs, screens, left, restarts: stage.server.restarts, updated, line };
}
