/**
 * Device-made identifiers: UUIDv7 (RFC 9562) for sync events and drafts, so
 * ids sort by creation time and need no server round trip. Also the shared
 * source of secure random bytes (Web Crypto, present in pages, service
 * workers and Node 20).
 */

/** Fills a new array of `length` random bytes. Injectable for deterministic tests. */
export type RandomBytes = (length: number) => Uint8Array;

export const secureRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

const MAX_MS = 2 ** 48 - 1;
/** 12 bits of rand_a + the top 30 bits of rand_b. */
const COUNTER_BITS = 42;
const COUNTER_MAX = 2 ** COUNTER_BITS - 1;
/**
 * A clock that steps back by at most this much (NTP nudges) keeps the last
 * timestamp so ids stay ordered; a bigger jump is a deliberate clock change
 * and we follow it rather than stamp ids with a time far from reality.
 */
const MAX_CLOCK_REGRESSION_MS = 10_000;

const UUID_V7_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * A UUIDv7 generator with its own monotonic state. Within one millisecond
 * (RFC 9562 §6.2 method 1) a 42-bit counter in rand_a and the top of rand_b
 * is incremented; each new millisecond seeds it randomly with its top bit
 * clear, leaving at least 2^41 increments before it could overflow, and an
 * overflow borrows the next millisecond.
 */
export function createUuidV7Generator(random: RandomBytes = secureRandomBytes): (now?: number) => string {
  let lastMs = -1;
  let counter = 0;
  const seed = (): number => {
    const r = random(6);
    // 41 random bits: the lowest of r[0], then all 40 of r[1..5].
    let n = (r[0] ?? 0) & 0x01;
    for (let i = 1; i < 6; i++) n = n * 256 + (r[i] ?? 0);
    return n;
  };

  return (now = Date.now()) => {
    let ms = Math.floor(now);
    if (!(ms >= 0 && ms <= MAX_MS)) throw new RangeError(`timestamp out of range: ${now}`);
    if (ms > lastMs || ms < lastMs - MAX_CLOCK_REGRESSION_MS) {
      counter = seed();
    } else {
      ms = lastMs;
      counter++;
      if (counter > COUNTER_MAX) {
        ms = lastMs + 1;
        counter = seed();
      }
    }
    lastMs = ms;

    const bytes = new Uint8Array(16);
    for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
    const randA = Math.floor(counter / 2 ** 30); // 12 bits
    const low = counter % 2 ** 30; // 30 bits
    bytes[6] = 0x70 | (randA >> 8);
    bytes[7] = randA & 0xff;
    bytes[8] = 0x80 | (low >>> 24);
    bytes[9] = (low >>> 16) & 0xff;
    bytes[10] = (low >>> 8) & 0xff;
    bytes[11] = low & 0xff;
    bytes.set(random(4).subarray(0, 4), 12);
    return hex(bytes);
  };
}

/** A new UUIDv7, lower case; `now` (ms since 1970) defaults to Date.now(). */
export const uuidv7: (now?: number) => string = createUuidV7Generator();

/** Accepts any case, as RFC 9562 asks of readers. */
export function isUuidV7(s: unknown): s is string {
  return typeof s === 'string' && UUID_V7_RE.test(s);
}

/** The millisecond timestamp inside a UUIDv7; throws RangeError for anything else. */
export function uuidv7Time(s: string): number {
  if (!UUID_V7_RE.test(s)) throw new RangeError(`not a UUIDv7: ${s}`);
  return parseInt(s.slice(0, 8) + s.slice(9, 13), 16);
}
