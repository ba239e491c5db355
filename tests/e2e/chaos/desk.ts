/**
 * The council's side during the run: a manager moves delivered requests on
 * (submitted → acknowledged → in progress) through the staff API while the
 * server is being killed, so the devices have statuses to pull. A change the
 * server may have made before dying unanswered is remembered as "either".
 */
import type { APIRequestContext } from '@playwright/test';
import type { NetworkChaos } from './faults';
import { pick, type Random } from './random';

const NEXT: Readonly<Record<string, string>> = { submitted: 'acknowledged', acknowledged: 'in_progress' };

export class Desk {
  /** Request event id → the statuses it may now have on the server. */
  readonly statuses = new Map<string, Set<string>>();
  changes = 0;
  private readonly current = new Map<string, string>();

  constructor(
    private readonly api: APIRequestContext,
    private readonly chaos: NetworkChaos,
    private readonly random: Random,
  ) {}

  /** Moves one delivered, not yet in-progress request a step on; false when there was none or the server failed. */
  async step(): Promise<boolean> {
    const ids = [...this.chaos.trackings.keys()].filter(
      (id) => (this.chaos.trackings.get(id)?.size ?? 0) === 1 && NEXT[this.current.get(id) ?? 'submitted'],
    );
    if (ids.length === 0) return false;
    const id = pick(this.random, ids.sort());
    const tracking = [...(this.chaos.trackings.get(id) ?? [])][0] ?? '';
    const from = this.current.get(id) ?? 'submitted';
    const to = NEXT[from] ?? '';
    let ok = false;
    try {
      const res = await this.api.post(`/api/staff/requests/${tracking}/status`, {
        data: { to, message: 'Chaos run: moving it on' },
        timeout: 10_000,
      });
      ok = res.ok();
      if (!ok && res.status() < 500)
        throw new Error(`status change ${from} → ${to}: ${res.status()} ${await res.text()}`);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('status change')) throw e;
      // The server died under the call: it may or may not have made the change.
    }
    if (ok) {
      this.current.set(id, to);
      this.statuses.set(id, new Set([to]));
      this.changes++;
    } else {
      // Unknown outcome: leave it alone from now on, accepting either.
      this.current.set(id, 'in_progress');
      this.statuses.set(id, new Set([...(this.statuses.get(id) ?? ['submitted']), to]));
    }
    return ok;
  }
}
