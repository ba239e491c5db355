/**
 * Which Open311 resource a path names, and in which format. Parsed by hand
 * rather than by route patterns because real clients are loose with paths:
 * FixMyStreet appends 'requests.xml' to the configured endpoint as a string,
 * so an endpoint configured without a trailing slash gives
 * '/open311/v2requests.xml', and with one too many gives '/open311/v2//requests.xml'.
 */
import { notFound } from './errors';

export type Format = 'json' | 'xml';

export type Resource =
  | { kind: 'discovery' }
  | { kind: 'services' }
  | { kind: 'service'; code: string }
  | { kind: 'requests' }
  | { kind: 'request'; id: string }
  | { kind: 'token'; token: string }
  | { kind: 'updates' };

export interface Target {
  readonly resource: Resource;
  readonly format: Format;
}

/** The mount point; '/v2' may follow with or without a slash. */
export const OPEN311_BASE = '/open311';

/** The format an error is answered in when the path itself is beyond understanding. */
export function guessFormat(path: string): Format {
  return /\.json$/i.test(path) ? 'json' : 'xml';
}

/** Service codes, tracking numbers and tokens: none has anything but these characters. */
const SEGMENT_RE = /^[A-Za-z0-9_ -]{1,100}$/;

function decode(segment: string): string {
  let text: string | undefined;
  try {
    text = decodeURIComponent(segment);
  } catch {
    text = undefined;
  }
  // Checked here so that no odd byte (NUL above all) ever reaches a database query.
  if (text === undefined || !SEGMENT_RE.test(text)) throw notFound('no such Open311 resource');
  return text;
}

/**
 * `path` is the full request path. XML is the default format because the
 * spec makes it the one every server must speak.
 */
export function parseTarget(path: string): Target {
  const afterBase = path.startsWith(OPEN311_BASE) ? path.slice(OPEN311_BASE.length) : path;
  // 'v2' may be followed by '/', by nothing, or (glued) directly by the resource name.
  let rest = afterBase
    .replace(/^\/+/, '')
    .replace(/^v2/i, '')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/|\/$/g, '');
  let format: Format = 'xml';
  const ext = /\.([A-Za-z0-9]+)$/.exec(rest);
  if (ext) {
    const e = (ext[1] ?? '').toLowerCase();
    if (e !== 'json' && e !== 'xml') throw notFound(`format .${e} is not offered; use .xml or .json`);
    format = e;
    rest = rest.slice(0, -ext[0].length);
  }
  const segs = rest === '' ? [] : rest.split('/').map(decode);
  const [head, arg, extra] = segs;
  if (extra === undefined) {
    if (head === undefined || head === 'discovery') {
      if (arg === undefined) return { resource: { kind: 'discovery' }, format };
    } else if (head === 'services') {
      return { resource: arg === undefined ? { kind: 'services' } : { kind: 'service', code: arg }, format };
    } else if (head === 'requests') {
      return { resource: arg === undefined ? { kind: 'requests' } : { kind: 'request', id: arg }, format };
    } else if (head === 'tokens' && arg !== undefined) {
      return { resource: { kind: 'token', token: arg }, format };
    } else if (head === 'servicerequestupdates' && arg === undefined) {
      return { resource: { kind: 'updates' }, format };
    }
  }
  throw notFound(`no such Open311 resource: /${segs.join('/')}`);
}
