/**
 * The cohort figures from the monthly cells (migration 0017): whole months of
 * the period are read from figure_months and figure_month_days, the days of a
 * month only partly in it from request_facts, and whether an open request is
 * late today from the open requests (an index of their own). Medians and 90th
 * percentiles come from counts per working-day value, by the same arithmetic
 * as percentile_cont (the value at floor and ceil of p × (n − 1), linearly
 * between), so every figure is what cohort.ts's query over every request gives.
 *
 * The channel, language and area cells are kept for the whole council only:
 * a split by those with a service or group filter is not answered here
 * (`cellsAnswer` says which queries are).
 */
import type { Queryable } from '../db/types';
import { monthStart } from './period';
import { FINISHED_SQL, Params, RESOLVED_SQL, type Scope, type Segment } from './sql';

/** What a set of figures is grouped by; [] is the period's total. */
export type Dim = 'month' | 'service' | 'group' | 'channel' | 'language' | 'area';
const SEGMENT_DIMS: readonly Dim[] = ['channel', 'language', 'area'];

export type CellRow = Record<string, number | null> & {
  gset: number;
  month: string | null;
  service_code: string | null;
  group_code: string | null;
  seg: string | null;
};

export function cellsAnswer(scope: Scope, segment?: Segment): boolean {
  const filtered = Boolean(scope.service || scope.group || scope.groups);
  return !(filtered && segment && (SEGMENT_DIMS as readonly string[]).includes(segment));
}

/** [from, to) split into whole months and the days left at either end. */
export function splitRange(
  from: string,
  to: string,
): { whole: [string, string] | null; days: [string, string][] } {
  const wholeFrom = from === monthStart(from) ? from : monthStart(from, 1);
  const wholeTo = to === monthStart(to) ? to : monthStart(to);
  if (wholeFrom >= wholeTo) return { whole: null, days: [[from, to]] };
  const days = (
    [
      [from, wholeFrom],
      [wholeTo, to],
    ] as [string, string][]
  ).filter(([a, b]) => a < b);
  return { whole: [wholeFrom, wholeTo], days };
}

const CHANNELS = ['web', 'kiosk', 'in_person', 'api', 'phone', 'counter'] as const;
const RATINGS = [1, 2, 3, 4, 5] as const;

/** One request of request_facts `f` as a cell's counts (the columns of figure_months, as 0017's trigger adds them). */
const LIVE_COUNTS = [
  '1 AS received',
  ...CHANNELS.map((c) => `(f.channel = '${c}')::int AS ch_${c}`),
  '(f.ack_wd IS NOT NULL)::int AS ack_n',
  'coalesce(f.ack_d <= f.ack_due, false)::int AS ack_on_time',
  '(f.ack_d IS NOT NULL)::int AS ack_done',
  '(f.res_wd IS NOT NULL)::int AS res_n',
  `coalesce(f.status IN ${RESOLVED_SQL} AND f.res_d <= f.level_due, false)::int AS res_on_time`,
  `(f.status IN ${RESOLVED_SQL})::int AS resolved`,
  `(f.status NOT IN ${FINISHED_SQL})::int AS open`,
  '(f.rating IS NOT NULL)::int AS answers',
  'coalesce(f.rating, 0) AS rating_sum',
  ...RATINGS.map((n) => `coalesce(f.rating = ${n}, false)::int AS r${n}`),
  ...['yes', 'partly', 'no'].map((v) => `coalesce(f.fixed = '${v}', false)::int AS fixed_${v}`),
];
const COUNT_COLUMNS = LIVE_COUNTS.map((c) => c.split(' AS ')[1] ?? c);

/**
 * Figures for requests received in [from, to), once per set of dims. The rows
 * carry cohort.ts's column names (figures() reads them) and the set's index.
 */
export async function cellFigures(
  db: Queryable,
  scope: Scope,
  range: { from: string; to: string },
  sets: readonly (readonly Dim[])[],
): Promise<CellRow[]> {
  const p = new Params();
  const segment = sets.flat().find((d) => SEGMENT_DIMS.includes(d));
  const kind = segment ?? 'all';
  const filters: string[] = [];
  if (scope.service) filters.push(`s.service_code = ${p.add(scope.service)}`);
  if (scope.group) filters.push(`s.group_code = ${p.add(scope.group)}`);
  if (scope.groups) filters.push(`s.group_code = ANY(${p.add(scope.groups)}::text[])`);
  if (segment && filters.length) throw new Error('segment cells are kept for the whole council only');
  const and = filters.map((f) => ` AND ${f}`).join('');
  const { whole, days } = splitRange(range.from, range.to);
  const liveDays = days.length
    ? days.map(([a, b]) => `(f.sub_d >= ${p.add(a)}::date AND f.sub_d < ${p.add(b)}::date)`).join(' OR ')
    : 'false';
  const today = p.add(scope.today);
  // Each source is grouped at once by every dim any set uses, so the sets add up a few rows each.
  const used = new Set(sets.flat());
  const group = (month: string, service: string, groupCode: string, value: string): string =>
    [
      `${used.has('month') ? month : 'NULL::date'} AS month`,
      `${used.has('service') ? service : 'NULL::text'} AS service_code`,
      `${used.has('group') ? groupCode : 'NULL::text'} AS group_code`,
      `${segment ? value : "''"} AS value`,
    ].join(', ');
  const cellKeys = group('c.month', 'c.service_code', 's.group_code', 'c.value');
  const liveKeys = group(
    "date_trunc('month', f.sub_d)::date",
    'f.service_code',
    's.group_code',
    segment === 'area' ? "coalesce(f.area, '')" : `f.${segment ?? 'channel'}`,
  );
  // Whole months: per-service cells with their group; the council-wide segment cells stand alone.
  const cells = (columns: string, table: string, extraGroup = ''): string[] =>
    whole
      ? [
          `SELECT ${segment ? cellKeys.replace('s.group_code', 'NULL::text') : cellKeys}, ${columns} FROM ${table} c
           ${segment ? '' : 'JOIN svc s ON s.service_code = c.service_code'}
           WHERE c.kind = ${p.add(kind)} AND c.month >= ${p.add(whole[0])}::date
             AND c.month < ${p.add(whole[1])}::date${and}
           GROUP BY 1, 2, 3, 4${extraGroup}`,
        ]
      : [];
  const liveFrom = (lateral = ''): string =>
    `FROM request_facts f JOIN svc s ON s.service_code = f.service_code ${lateral} WHERE (${liveDays})${and}`;
  const srcSql = [
    ...cells(
      `${COUNT_COLUMNS.map((c) => `sum(c.${c}) AS ${c}`).join(', ')}, 0 AS overdue, 0 AS ack_overdue`,
      'figure_months',
    ),
    `SELECT ${liveKeys}, ${LIVE_COUNTS.map((c) => `sum(${c.replace(' AS ', ') AS ')}`).join(', ')}, 0 AS overdue, 0 AS ack_overdue ${liveFrom()} GROUP BY 1, 2, 3, 4`,
    `SELECT ${liveKeys}, ${COUNT_COLUMNS.map(() => '0').join(', ')},
       count(*) FILTER (WHERE ${today}::date > f.level_due), count(*) FILTER (WHERE f.ack_d IS NULL AND ${today}::date > f.ack_due)
     FROM request_facts f JOIN svc s ON s.service_code = f.service_code
     WHERE f.status NOT IN ${FINISHED_SQL} AND f.sub_d >= ${p.add(range.from)}::date
       AND f.sub_d < ${p.add(range.to)}::date${and}
     GROUP BY 1, 2, 3, 4`,
  ].join(' UNION ALL ');
  const hsrcSql = [
    ...cells('c.measure, c.wd, sum(c.n) AS n', 'figure_month_days', ', 5, 6'),
    `SELECT ${liveKeys}, d.measure, d.wd, count(*) AS n
     ${liveFrom("CROSS JOIN LATERAL (VALUES ('ack', f.ack_wd), ('res', f.res_wd)) d (measure, wd)")} AND d.wd IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6`,
  ].join(' UNION ALL ');
  const dimSql = (dims: readonly Dim[]): string =>
    [
      `${dims.includes('month') ? "to_char(x.month, 'YYYY-MM-DD')" : 'NULL::text'} AS month`,
      `${dims.includes('service') ? 'x.service_code' : 'NULL::text'} AS service_code`,
      `${dims.includes('group') ? 'x.group_code' : 'NULL::text'} AS group_code`,
      `${segment && dims.includes(segment) ? "nullif(x.value, '')" : 'NULL::text'} AS seg`,
    ].join(', ');
  const dimNames = 'month, service_code, group_code, seg';
  const sums = sets
    .map(
      (dims, i) =>
        `SELECT ${i} AS gset, ${dimSql(dims)}, ${COUNT_COLUMNS.map((c) => `sum(x.${c}) AS ${c}`).join(', ')},
           sum(x.overdue) AS overdue, sum(x.ack_overdue) AS ack_overdue
         FROM src x GROUP BY 2, 3, 4, 5`,
    )
    .join(' UNION ALL ');
  const hist = sets
    .map(
      (dims, i) =>
        `SELECT ${i} AS gset, ${dimSql(dims)}, x.measure, x.wd, sum(x.n) AS n
         FROM hsrc x GROUP BY 2, 3, 4, 5, 6, 7 HAVING sum(x.n) > 0`,
    )
    .join(' UNION ALL ');
  const key = (a: string): string =>
    `concat_ws('|', ${a}gset, ${a}month, ${a}service_code, ${a}group_code, ${a}seg)`;
  // percentile_cont's arithmetic: positions floor/ceil of p × (n − 1), then lo + (p × (n − 1) − floor) × (hi − lo).
  const pct = (name: string, f: string): string => {
    const pos = `(${f}::float8 * (total - 1)::float8)`;
    const at = (edge: string) => `min(wd) FILTER (WHERE upto::float8 > ${edge}(${pos}))::float8`;
    return `${at('floor')} + ((${pos} - floor(${pos})) * (${at('ceil')} - ${at('floor')})) AS ${name}`;
  };
  const rows = await db.query<CellRow>(
    `WITH svc AS MATERIALIZED (SELECT service_code, group_code FROM services),
     src AS (${srcSql}),
     hsrc AS (${hsrcSql}),
     totals AS (${sums}),
     h AS (${hist}),
     hc AS (
       SELECT h.*, sum(n) OVER (PARTITION BY gset, ${dimNames}, measure ORDER BY wd) AS upto,
         sum(n) OVER (PARTITION BY gset, ${dimNames}, measure) AS total
       FROM h
     ),
     pc AS (
       SELECT ${key('')} AS k, measure, ${pct('median', '0.5')}, ${pct('p90', '0.9')}
       FROM hc GROUP BY gset, ${dimNames}, measure, total
     ),
     pk AS (
       SELECT k, max(median) FILTER (WHERE measure = 'ack') AS ack_median, max(p90) FILTER (WHERE measure = 'ack') AS ack_p90,
         max(median) FILTER (WHERE measure = 'res') AS res_median, max(p90) FILTER (WHERE measure = 'res') AS res_p90
       FROM pc GROUP BY k
     )
     SELECT t.gset, t.month, t.service_code, t.group_code, t.seg,
       ${COUNT_COLUMNS.filter((c) => c !== 'rating_sum' && c !== 'ack_done')
         .map((c) => `t.${c}::int`)
         .join(', ')},
       (t.ch_web + t.ch_kiosk + t.ch_api)::int AS digital,
       (t.ack_done + t.ack_overdue)::int AS ack_judged, (t.resolved + t.overdue)::int AS res_judged,
       t.overdue::int, (t.rating_sum::numeric / nullif(t.answers, 0)::numeric)::float8 AS average,
       pk.ack_median, pk.ack_p90, pk.res_median, pk.res_p90
     FROM totals t LEFT JOIN pk ON pk.k = ${key('t.')}
     WHERE t.received > 0`,
    p.values,
  );
  return rows;
}
