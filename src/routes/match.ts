/**
 * Path matching for the router, as plain functions: which route an address
 * opens and with which parameters, the query string as an object, and whether
 * a link points at the page on screen. No DOM and no Solid, so every rule is
 * unit-tested directly.
 *
 * Patterns: `/services/:code` (a parameter), `/drafts/:id/:step?` (an optional
 * one), `*404` or `/files/*rest` (the rest of the address; the name after `*`
 * is the parameter). Fixed segments match whatever their case, a trailing
 * slash is ignored, and parameters arrive decoded.
 */

export type Params = Record<string, string | undefined>;
export type SearchParams = Record<string, string | string[]>;

export interface RouteMatch<R> {
  readonly route: R;
  readonly params: Params;
}

/** The path of an address, without its query string or hash. */
export function pathOf(address: string): string {
  const end = address.search(/[?#]/);
  return end === -1 ? address : address.slice(0, end);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // a malformed escape such as %E0%A4%A: no route can want it
  }
}

/** The decoded segments of a path; undefined when one is malformed or empty (`/a//b`). */
function segmentsOf(path: string): string[] | undefined {
  const raw = pathOf(path).replace(/^\//, '');
  if (raw === '') return [];
  const parts = raw.split('/');
  if (parts.length > 1 && parts.at(-1) === '') parts.pop(); // a trailing slash
  const segments: string[] = [];
  for (const part of parts) {
    const segment = part === '' ? undefined : decode(part);
    if (segment === undefined) return undefined;
    segments.push(segment);
  }
  return segments;
}

// How specific a match is, so a route never loses to a vaguer one listed
// before it: a fixed segment beats a parameter, which beats the catch-all.
const FIXED = 3;
const PARAM = 2;
const REST = -1;

/** The score of `parts` matching `segments`, filling `params`; undefined when they do not match. */
function matchParts(
  parts: readonly string[],
  segments: readonly string[],
  params: Params,
): number | undefined {
  const [part, ...restParts] = parts;
  const [segment, ...restSegments] = segments;
  if (part === undefined) return segment === undefined ? 0 : undefined;
  if (part.startsWith('*')) {
    if (restParts.length > 0) throw new Error(`"${part}" must end its pattern`);
    if (part.length > 1) params[part.slice(1)] = segments.join('/');
    return REST;
  }
  if (part.startsWith(':')) {
    const optional = part.endsWith('?');
    // Taking the segment is tried first, so an earlier optional parameter wins over a later one.
    const score = segment === undefined ? undefined : matchParts(restParts, restSegments, params);
    if (score !== undefined) {
      params[part.slice(1, optional ? -1 : undefined)] = segment;
      return score + PARAM;
    }
    return optional ? matchParts(restParts, segments, params) : undefined;
  }
  if (segment?.toLowerCase() !== part.toLowerCase()) return undefined;
  const score = matchParts(restParts, restSegments, params);
  return score === undefined ? undefined : score + FIXED;
}

function matchPattern(
  pattern: string,
  segments: readonly string[],
): { params: Params; score: number } | undefined {
  const params: Params = {};
  const score = matchParts(pattern.split('/').filter(Boolean), segments, params);
  return score === undefined ? undefined : { params, score };
}

/**
 * The route an address opens: the most specific pattern that matches, the
 * earliest listed among equals. The query string and hash play no part.
 */
export function matchRoute<R extends { readonly path: string }>(
  routes: readonly R[],
  address: string,
): RouteMatch<R> | undefined {
  const segments = segmentsOf(address);
  let best: (RouteMatch<R> & { score: number }) | undefined;
  for (const route of routes) {
    // A path no route can read (`/a//b`, a broken escape) still reaches the catch-all: "not found".
    const m = segments
      ? matchPattern(route.path, segments)
      : route.path.startsWith('*')
        ? matchPattern(route.path, [])
        : undefined;
    if (m && (!best || m.score > best.score)) best = { route, ...m };
  }
  return best && { route: best.route, params: best.params };
}

/** The query string as an object; a key given more than once keeps every value, in order. */
export function parseSearch(search: string): SearchParams {
  const query: SearchParams = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const had = query[key];
    query[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return query;
}

function comparable(path: string): string {
  const p = pathOf(path);
  return (decode(p) ?? p).toLowerCase().replace(/\/+$/, '');
}

/** Whether a link's href is the page at `pathname` (what aria-current="page" marks), whatever the case, trailing slash or query. */
export function isCurrentPath(href: string, pathname: string): boolean {
  return comparable(href) === comparable(pathname);
}
