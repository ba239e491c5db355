/**
 * What the load run measures: every HTTP call's latency and status by kind
 * (sync, changes, services, requests, staff-queue, staff-action), printed as
 * count, calls per second, p50 and p99 latency, and the non-2xx answers by
 * status (a call that got no answer at all counts as status 0).
 */
export interface KindStats {
  readonly ms: number[];
  readonly statuses: Map<number, number>;
}

export class Recorder {
  readonly kinds = new Map<string, KindStats>();
  private readonly t0 = performance.now();

  record(kind: string, ms: number, status: number): void {
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { ms: [], statuses: new Map() }));
    k.ms.push(ms);
    k.statuses.set(status, (k.statuses.get(status) ?? 0) + 1);
  }

  /** Times one call; the status is what `fn` answers (0 when it throws: no answer). */
  async time<T>(kind: string, fn: () => Promise<{ status: number; value: T }>): Promise<T | undefined> {
    const start = performance.now();
    try {
      const { status, value } = await fn();
      this.record(kind, performance.now() - start, status);
      return status >= 200 && status < 300 ? value : undefined;
    } catch {
      this.record(kind, performance.now() - start, 0);
      return undefined;
    }
  }

  elapsedS(): number {
    return (performance.now() - this.t0) / 1000;
  }

  errors(): number {
    let n = 0;
    for (const k of this.kinds.values())
      for (const [status, count] of k.statuses) if (status < 200 || status >= 300) n += count;
    return n;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function printStats(r: Recorder, seconds: number): void {
  console.log('  kind           calls   per s     p50 ms    p99 ms   errors (non-2xx by status)');
  for (const [kind, k] of [...r.kinds].sort()) {
    const sorted = [...k.ms].sort((a, b) => a - b);
    const bad = [...k.statuses].filter(([s]) => s < 200 || s >= 300);
    const errors = bad.length === 0 ? 'none' : bad.map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(
      `  ${kind.padEnd(13)} ${String(k.ms.length).padStart(6)} ${(k.ms.length / seconds).toFixed(1).padStart(7)}` +
        ` ${percentile(sorted, 50).toFixed(0).padStart(10)} ${percentile(sorted, 99).toFixed(0).padStart(9)}   ${errors}`,
    );
  }
}
