/**
 * One generated HTTP call (fast-check), in two flavours: `any` (hostile
 * values that may or may not pass, to reach deep into handlers) and
 * `invalid` (the same, plus at least one refusal that is certain: the
 * database must come out of a run of these unchanged).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { uuidv7 } from '../../../src/core/ids';
import { JSON_ROUTES, type FuzzContext, type JsonRoute, type Poison, type Who } from './json-routes';
import { READ_ROUTES } from './read-routes';
import {
  brokenJson,
  deepText,
  headerText,
  hostileJson,
  hostileText,
  unstorable,
  urlText,
  withDuplicateKey,
} from './values';

export type Phase = 'any' | 'invalid';

export interface FuzzInput {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly who: Who;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array<ArrayBuffer> | FormData;
}

const NOT_JSON = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json-patch+json',
  'text/json',
  'application/jsonx',
];
const JSON_TYPE = { 'Content-Type': 'application/json' };
const enc = new TextEncoder();

/** Leaves of a plain JSON value as key paths. */
function leaves(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [at];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return entries.length === 0 ? [at] : entries.flatMap(([k, x]) => leaves(x, [...at, k]));
}

type Op = readonly [number, unknown, 'set' | 'delete' | 'extra'];
const ops = fc.array(fc.tuple(fc.nat(), hostileJson, fc.constantFrom('set', 'set', 'delete', 'extra')), {
  maxLength: 3,
}) as fc.Arbitrary<Op[]>;

/** The template with some leaves replaced or removed and some keys added. */
function mutate(template: unknown, changes: readonly Op[], extraKey: string): unknown {
  const root = structuredClone(template) as Record<string, unknown>;
  const paths = leaves(root).filter((p) => p.length > 0);
  for (const [n, value, kind] of changes) {
    const p = paths[n % Math.max(1, paths.length)];
    if (kind === 'extra' || !p) {
      root[extraKey] = value;
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = p[p.length - 1] as string | number;
    if (kind === 'set') parent[last] = value;
    else delete parent[last];
  }
  return root;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function poisoned(poison: Poison, body: unknown): fc.Arbitrary<Pick<FuzzInput, 'headers' | 'body'>> {
  const text = JSON.stringify(body) ?? 'null';
  switch (poison) {
    case 'type':
      return fc
        .constantFrom(...NOT_JSON, '')
        .map((t) => ({ headers: t ? { 'Content-Type': t } : {}, body: text }));
    case 'origin':
      return fc
        .constantFrom<Record<string, string>>(
          { Origin: 'https://evil.example' },
          { Origin: 'null' },
          { Origin: 'http://localhost.evil.example' },
          { 'Sec-Fetch-Site': 'cross-site' },
        )
        .map((h) => ({ headers: { ...JSON_TYPE, ...h }, body: text }));
    case 'json':
      return brokenJson(text).map((b) => ({ headers: JSON_TYPE, body: b }));
    case 'top':
      return fc
        .constantFrom(
          '[]',
          '"x"',
          '1e999',
          'null',
          'true',
          JSON.stringify([body]),
          '['.repeat(100_000) + ']'.repeat(100_000),
        )
        .map((b) => ({ headers: JSON_TYPE, body: b }));
    case 'text':
      return fc.tuple(unstorable, hostileJson).map(([k, v]) => ({
        headers: JSON_TYPE,
        body: JSON.stringify({ ...(body as object), [k]: v }),
      }));
    case 'big':
      return fc.constant({
        headers: JSON_TYPE,
        body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 1), body }),
      });
    case 'noid':
      return fc
        .oneof(
          hostileText.filter((t) => !UUID.test(t)),
          fc.constant(undefined),
          fc.integer(),
        )
        .map((id) => {
          const events = (body as { events?: unknown }).events;
          const list: unknown[] = Array.isArray(events) ? (events as unknown[]) : [];
          return { headers: JSON_TYPE, body: JSON.stringify({ events: [...list, { ...createLike(), id }] }) };
        });
  }
}

function createLike(): Record<string, unknown> {
  return { at: new Date().toISOString(), type: 'create_request', channel: 'web', request: {} };
}

/** Poisons other than the rare oversized body, which costs a megabyte each time. */
function poisonOf(route: JsonRoute): fc.Arbitrary<Poison> {
  const common = route.poisons.filter((p) => p !== 'big');
  return route.poisons.includes('big')
    ? fc.oneof(
        { weight: 40, arbitrary: fc.constantFrom(...common) },
        { weight: 1, arbitrary: fc.constant('big' as const) },
      )
    : fc.constantFrom(...common);
}

function jsonInput(x: FuzzContext, phase: Phase): fc.Arbitrary<FuzzInput> {
  return fc.constantFrom(...JSON_ROUTES).chain((route) =>
    fc
      .record({
        who: fc.constantFrom(...route.who),
        changes: ops,
        extraKey: hostileText,
        dupe: fc.option(hostileJson),
      })
      .chain(({ who, changes, extraKey, dupe }) => {
        const body = mutate(route.body(x), changes, extraKey);
        const call = (h: Pick<FuzzInput, 'headers' | 'body'>): FuzzInput => ({
          label: `${route.method} ${route.path(x)} ${phase}`,
          method: route.method,
          path: route.path(x),
          who,
          ...h,
        });
        if (phase === 'invalid')
          return poisonOf(route)
            .chain((p) => poisoned(p, body))
            .map(call);
        const text = JSON.stringify(body) ?? 'null';
        const key = Object.keys(body as object)[0] ?? 'a';
        return fc
          .oneof(
            {
              weight: 6,
              arbitrary: fc.constant({
                headers: JSON_TYPE,
                body: dupe === null ? text : withDuplicateKey(text, key, dupe),
              }),
            },
            { weight: 1, arbitrary: poisonOf(route).chain((p) => poisoned(p, body)) },
            {
              weight: 1,
              arbitrary: fc
                .integer({ min: 5_000, max: 100_000 })
                .map((n) => ({ headers: JSON_TYPE, body: deepText(key, n) })),
            },
          )
          .map(call);
      }),
  );
}

const READ_HEADERS = [
  'X-Access-Token',
  'X-Civic-Tokens',
  'Accept-Language',
  'X-Forwarded-For',
  'If-None-Match',
  'Accept',
];

function readInput(x: FuzzContext): fc.Arbitrary<FuzzInput> {
  return fc.constantFrom(...READ_ROUTES).chain((route) =>
    fc
      .record({
        who: fc.constantFrom(...route.who),
        v: fc.oneof(fc.constant(''), urlText),
        query: fc.array(fc.tuple(fc.constantFrom(...route.params, 'unknown', 'q[]'), urlText), {
          maxLength: 4,
        }),
        headers: fc.dictionary(fc.constantFrom(...READ_HEADERS), headerText, { maxKeys: 3 }),
        method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS'),
      })
      .map(({ who, v, query, headers, method }) => {
        const qs = query.map(([k, val]) => `${encodeURIComponent(k)}=${val}`).join('&');
        const path = route.path(x, v) + (qs ? `?${qs}` : '');
        return { label: `${method} ${route.path(x, '{v}')}`, method, path, who, headers };
      }),
  );
}

const NOT_IMAGES = [
  '%PDF-1.7\n',
  'GIF89a',
  '<svg xmlns="http://www.w3.org/2000/svg">',
  'MZ\u0090',
  '\u0000\u0000\u0000',
];

/** Photo bytes refused for sure: not an image by their bytes, or not the bytes the hash names. */
function attachmentInput(x: FuzzContext): fc.Arbitrary<FuzzInput> {
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const bytes = fc.oneof(
    fc
      .tuple(fc.constantFrom(...NOT_IMAGES), fc.uint8Array({ maxLength: 200 }))
      .map(([h, t]) => new Uint8Array([...enc.encode(h), ...t])),
    fc.uint8Array({ maxLength: 300 }),
  );
  return fc
    .record({
      b: bytes,
      right: fc.boolean(),
      eventId: fc.oneof(fc.constant(uuidv7()), urlText),
      who: fc.constantFrom<Who>('anonymous', 'kiosk'),
    })
    .map(({ b, right, eventId, who }) => {
      const isImageLike = b[0] === 0xff || b[0] === 0x89 || b[0] === 0x52; // JPEG, PNG, RIFF: give those a wrong hash
      const hash = right && !isImageLike ? sha(b) : x.sha256;
      return {
        label: 'PUT /api/attachments/{event}/{sha}',
        method: 'PUT',
        path: `/api/attachments/${eventId}/${hash}`,
        who,
        headers: { 'Content-Type': 'image/jpeg' },
        body: b,
      };
    });
}

export { jsonInput, readInput, attachmentInput };
