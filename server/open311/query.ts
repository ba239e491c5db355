/**
 * Query parameters of the Open311 GET methods, checked with zod: comma
 * lists, W3C datetimes with a time zone, the 90-day window and its default.
 * Unknown parameters are refused with a 400 that names them, so a typo such
 * as `stauts=open` is not silently ignored.
 */
import { z } from 'zod';
import { badRequest } from './errors';
import { parseW3cDatetime } from './datetime';

export const DAY_MS = 86_400_000;
/** The spec's limit on a date window, also its default span. */
export const MAX_WINDOW_DAYS = 90;
/** The spec's default query limit. */
export const MAX_RESULTS = 1000;
const MAX_IDS = 200;

/** Parameters every method accepts: FixMyStreet sends both on every call. */
const common = {
  jurisdiction_id: z.string().max(200).optional(),
  api_key: z.string().max(200).optional(),
  locale: z.string().max(35).optional(),
};

const commaList = (max: number, itemMax: number) =>
  z
    .string()
    .max(max * (itemMax + 1))
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .pipe(z.array(z.string().max(itemMax)).max(max));

const datetime = z.string().transform((s, ctx) => {
  const d = parseW3cDatetime(s);
  if (!d) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a W3C datetime with a time zone, e.g. 2010-01-01T00:00:00Z',
    });
    return z.NEVER;
  }
  return d;
});

const flag = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', '']))
  .transform((s) => s === 'true' || s === '1');

/** A positive whole number written plainly (no sign, exponent or leading zeros). */
const count = (max: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/, { error: `must be a whole number from 1 to ${max}` })
    .transform(Number)
    .pipe(z.number().max(max, { error: `must be a whole number from 1 to ${max}` }));

/** Pages a client can walk through a busy window; the spec caps one answer at 1,000 requests. */
export const MAX_PAGE = 1_000_000;

export const simpleQuerySchema = z.strictObject({ ...common });

export const requestsQuerySchema = z.strictObject({
  ...common,
  service_request_id: commaList(MAX_IDS, 64).optional(),
  service_code: commaList(100, 64).optional(),
  start_date: datetime.optional(),
  end_date: datetime.optional(),
  status: commaList(2, 10)
    .pipe(z.array(z.enum(['open', 'closed'], { error: 'must be open, closed or both' })))
    .optional(),
  extensions: flag.optional(),
  page: count(MAX_PAGE).optional(),
  page_size: count(MAX_RESULTS).optional(),
});
export type RequestsQuery = z.output<typeof requestsQuerySchema>;

export const updatesQuerySchema = z.strictObject({
  ...common,
  start_date: datetime.optional(),
  end_date: datetime.optional(),
  service_request_id: commaList(MAX_IDS, 64).optional(),
});
export type UpdatesQuery = z.output<typeof updatesQuerySchema>;

/**
 * Repeated parameters join into one comma list, as the spec allows for
 * service_code and status ("can be declared multiple times").
 */
export function flattenQuery(all: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.join(',')]));
}

/** Parses with `schema`, or throws a 400 listing every problem by parameter name. */
export function parseQuery<T extends z.ZodType>(schema: T, all: Record<string, string[]>): z.output<T> {
  const flat = flattenQuery(all);
  // PostgreSQL text cannot hold NUL; no parameter of ours can need one.
  const withNul = Object.entries(flat).find(([k, v]) => k.includes('\0') || v.includes('\0'));
  if (withNul) throw badRequest(`${withNul[0].replace(/\0/g, '')} contains a NUL character`);
  const r = schema.safeParse(flat);
  if (r.success) return r.data;
  throw badRequest(
    r.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => `${k} is not a parameter of this method`)
        : [`${String(i.path[0] ?? 'query')} ${i.message}`],
    ),
  );
}

export interface Window {
  readonly start: Date;
  readonly end: Date;
}

/**
 * The window of requested_datetime to search. With neither date: the last 90
 * days. With one date: 90 days from it (or up to it). With both: as given,
 * refused when backwards or longer than 90 days.
 */
export function resolveWindow(start: Date | undefined, end: Date | undefined, now: Date): Window {
  const span = MAX_WINDOW_DAYS * DAY_MS;
  if (start && end) {
    if (end.getTime() < start.getTime()) throw badRequest('end_date is before start_date');
    if (end.getTime() - start.getTime() > span)
      throw badRequest(`start_date and end_date may not span more than ${MAX_WINDOW_DAYS} days`);
    return clamp({ start, end });
  }
  if (start) return clamp({ start, end: new Date(start.getTime() + span) });
  if (end) return clamp({ start: new Date(end.getTime() - span), end });
  return { start: new Date(now.getTime() - span), end: now };
}

/** Years outside 1970–9999 have no stored requests, and years past 9999 no ISO spelling for the database. */
const FLOOR = Date.UTC(1970, 0, 1);
const CEILING = Date.UTC(9999, 11, 31, 23, 59, 59);

function clamp(w: Window): Window {
  const at = (d: Date) => new Date(Math.min(Math.max(d.getTime(), FLOOR), CEILING));
  return { start: at(w.start), end: at(w.end) };
}
