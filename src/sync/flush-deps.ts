/**
 * What the flush needs from its surroundings, injectable so the same code
 * runs in the page, in the service worker and in Node tests (against a real
 * local server): fetch, where the API is, the clock and randomness.
 */

export interface FlushDeps {
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** Origin of the API, e.g. http://127.0.0.1:8181; '' resolves against the running page or worker. */
  readonly baseUrl: string;
  readonly now: () => number;
  /** Uniform in [0, 1), for backoff jitter. */
  readonly random: () => number;
}

function ownOrigin(): string {
  // Pages and workers have `location`; Node tests do not and pass baseUrl.
  return (globalThis as { location?: { origin?: string } }).location?.origin ?? '';
}

export function flushDeps(overrides: Partial<FlushDeps> = {}): FlushDeps {
  return {
    // Wrapped: a bare reference to fetch called as a method throws "Illegal invocation".
    fetch: (input, init) => globalThis.fetch(input, init),
    baseUrl: ownOrigin(),
    now: () => Date.now(),
    random: () => Math.random(),
    ...overrides,
  };
}

export function apiUrl(deps: FlushDeps, path: string): string {
  return `${deps.baseUrl}${path}`;
}
