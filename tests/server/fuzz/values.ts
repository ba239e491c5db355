/**
 * The hostile values the server fuzz draws from (fast-check): text that
 * attacks (SQL and HTML injection, template syntax, path traversal), text
 * PostgreSQL cannot store (NUL, lone surrogates), huge and odd numbers,
 * wrong types, deep nesting; raw bodies that are not JSON at all (invalid
 * UTF-8 bytes, truncation, duplicate keys); and what may go in a URL or a
 * header (percent-escapes that decode to nothing valid).
 */
import fc from 'fast-check';

export const INJECTIONS = [
  "'; DROP TABLE requests; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(0) --',
  '$$; DELETE FROM users; $$',
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "javascript:alert('x')",
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  '\u202e\u0627\u200f',
  '😀👍🏽‍',
  '\uffff\ufffe',
  '',
  ' ',
  'null',
  '%00',
  '\\u0000',
] as const;

/** Text with a character PostgreSQL refuses somewhere inside. */
export const unstorable = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\udbff\u0000', 'x\ud83d', '\udc00y'),
    fc.string({ maxLength: 8 }),
  )
  .map(([a, bad, b]) => a + bad + b);

export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: unstorable },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5000), 'é'.repeat(20_000), '9'.repeat(400)) },
);

export const hugeNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 18446744073709551616, -0, 0.1, 5e-324),
  fc.double(),
  fc.integer(),
);

/** A nesting deep enough to hurt recursive code; deeper ones (deepText) JSON.stringify itself cannot write. */
export const deepNest = fc.integer({ min: 200, max: 2_000 }).map((depth) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

/** Any JSON value of the wrong kind for where it goes. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 3, arbitrary: hugeNumber },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      [],
      {},
      [null],
      JSON.parse('{"__proto__":{"role":"admin"}}') as unknown,
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepNest },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 120 }) },
);

/** Text for a URL: encoded hostile text or percent-escapes that decode to no valid UTF-8. */
export const urlText = fc.oneof(
  hostileText.filter((t) => !/[\ud800-\udfff]/.test(t)).map((t) => encodeURIComponent(t)),
  fc.constantFrom('%', '%zz', '%ff%fe', '%c0%af', '%ed%a0%80', '%00', '%2e%2e%2f', '..%2f..%2f', '%E2%82'),
  fc.stringMatching(/^[0-9]{1,40}$/),
);

/** A header value the fetch API can carry (Latin-1, no control characters). */
export const headerText = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    '<script>',
    'a'.repeat(8000),
    '%00',
    '\u00ff\u00fe',
    '=?utf-8?b?AAAA?=',
    ',,,,',
  ),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
);

const INVALID_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0x00],
];

/** Bytes that no JSON parser accepts: the text cut short, stray bytes outside strings, trailing junk. */
export function brokenJson(text: string): fc.Arbitrary<Uint8Array<ArrayBuffer>> {
  const enc = new TextEncoder();
  return fc.oneof(
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((n) => enc.encode(text.slice(0, n))),
    fc.constantFrom(...INVALID_UTF8).map((bad) => new Uint8Array([...bad, ...enc.encode(text)])),
    fc.constantFrom(',', '}', ']', ' x', '\u0000').map((junk) => enc.encode(text + junk)),
    fc
      // Not '\ufeff\ufeff{}': the body's reader drops byte-order marks and reads {} —
      // lenient, but not a refusal, and a route whose fields are all optional takes it.
      .constantFrom("{'a': 1}", '{"a":1,}', 'NaN', '{"a": undefined}', '[1,2')
      .map((t) => enc.encode(t)),
  );
}

/** The same key twice in one object (JSON.parse keeps the last): both values hostile. */
export function withDuplicateKey(json: string, key: string, first: unknown): string {
  if (!json.startsWith('{')) return json;
  return `{${JSON.stringify(key)}:${JSON.stringify(first) ?? 'null'},${json.slice(1)}`;
}

/** JSON text nested far deeper than any value the test could stringify: `{"key":[[[…]]]}`. */
export function deepText(key: string, depth: number): string {
  return `{${JSON.stringify(key)}:${'['.repeat(depth)}${']'.repeat(depth)}}`;
}
