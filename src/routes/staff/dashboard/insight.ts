/**
 * The dashboard's comparisons, as FigureData (Figure.tsx): the period split
 * by a segment (the server has already nulled figures with fewer than 5
 * behind them), what satisfaction moves with, ranked, with the number of
 * answers and a caveat when there are few, and satisfaction against working
 * days to resolution per service, with where it falls off.
 */
import { LANGUAGES } from '../../../core/lang';
import type { Dashboard, Segment } from '../../../sync/staff/dashboard';
import { st, type StaffKey } from '../i18n';
import type { FigureData } from './Figure';
import type { Names } from './flow';
import { decimal, percent, shown, signed, whole } from './format';

export function segmentName(segment: Segment, key: string | null, names: Names): string {
  if (key === null) return st('dashboard.unknown');
  switch (segment) {
    case 'channel':
      return st(`channels.${key}` as StaffKey);
    case 'language':
      return LANGUAGES.find((l) => l.code === key)?.nativeName ?? key;
    case 'service':
      return names.service(key);
    case 'group':
      return names.group(key);
    case 'area':
      return st('dashboard.areaCell', { cell: key });
  }
}

export function segmentsFigure(d: Dashboard, segment: Segment, names: Names): FigureData {
  const title = st('dashboard.bySegment.title', { segment: st(`dashboard.segments.${segment}`) });
  return {
    id: 'segments',
    title,
    summary: st('dashboard.bySegment.summary', { count: whole(d.segments.length), min: whole(d.min_n) }),
    chart: {
      points: d.segments.map((s) => ({ label: segmentName(segment, s.key, names), value: s.received })),
    },
    tables: [
      {
        id: `by-${segment}`,
        caption: title,
        head: [
          st(`dashboard.segments.${segment}`),
          st('dashboard.col.requests'),
          st('dashboard.col.digitalShare'),
          st('dashboard.col.ackMedian'),
          st('dashboard.col.ackShare'),
          st('dashboard.col.resMedian'),
          st('dashboard.col.resShare'),
          st('dashboard.col.answers'),
          st('dashboard.col.average'),
          st('dashboard.col.overdue'),
        ],
        rows: d.segments.map((s) => {
          const values = [
            s.digital_share,
            s.acknowledge_median,
            s.acknowledge_share,
            s.resolve_median,
            s.resolve_share,
          ];
          const formats = [percent, decimal, percent, decimal, percent];
          return {
            text: [
              segmentName(segment, s.key, names),
              whole(s.received),
              ...values.map((v, i) => shown(v, formats[i] ?? decimal)),
              whole(s.answers),
              shown(s.satisfaction, decimal),
              whole(s.overdue),
            ],
            csv: [s.key, s.received, ...values, s.answers, s.satisfaction, s.overdue],
          };
        }),
      },
    ],
  };
}

const measureName = (m: string): string => st(`dashboard.measures.${m}` as StaffKey);

export function mattersFigure(d: Dashboard): FigureData {
  const ranked = d.what_matters;
  const top = ranked.find((e) => e.r !== null);
  const few = ranked.some((e) => e.few);
  return {
    id: 'matters',
    title: st('dashboard.matters.title'),
    summary: top
      ? st('dashboard.matters.summary', {
          measure: measureName(top.measure),
          r: signed(top.r ?? 0),
          n: whole(top.n),
        })
      : st('dashboard.matters.none'),
    note: few ? st('dashboard.matters.few') : st('dashboard.matters.caveat'),
    chart: {
      points: ranked.map((e) => ({
        label: measureName(e.measure),
        value: e.r === null ? null : Math.abs(e.r),
      })),
      max: 1,
    },
    tables: [
      {
        id: 'what-matters-most',
        caption: st('dashboard.matters.table'),
        head: [
          st('dashboard.col.rank'),
          st('dashboard.col.measure'),
          st('dashboard.col.r'),
          st('dashboard.col.answers'),
          st('dashboard.col.caveat'),
        ],
        rows: ranked.map((e, i) => {
          const caveat = e.few ? st('dashboard.matters.fewShort') : '';
          return {
            text: [
              whole(i + 1),
              measureName(e.measure),
              e.r === null ? '–' : signed(e.r),
              whole(e.n),
              caveat,
            ],
            csv: [i + 1, e.measure, e.r, e.n, caveat],
          };
        }),
      },
    ],
  };
}

export function falloffFigure(d: Dashboard, names: Names): FigureData {
  const services = d.satisfaction_by_days;
  const found = services.filter((s) => s.falloff_days !== null);
  return {
    id: 'falloff',
    title: st('dashboard.falloff.title'),
    summary:
      found.length > 0
        ? found
            .map((s) =>
              st('dashboard.falloff.summary', {
                service: names.service(s.service_code),
                days: whole(s.falloff_days ?? 0),
                before: decimal(s.before ?? 0),
                after: decimal(s.after ?? 0),
                level: whole(s.level_days),
              }),
            )
            .join(' ')
        : st('dashboard.falloff.none'),
    note: st('dashboard.falloff.note'),
    tables: [
      {
        id: 'satisfaction-by-working-days',
        caption: st('dashboard.falloff.table'),
        head: [
          st('dashboard.col.service'),
          st('dashboard.col.days'),
          st('dashboard.col.answers'),
          st('dashboard.col.average'),
          st('dashboard.col.level'),
        ],
        rows: services.flatMap((s) =>
          s.buckets.map((b) => {
            const avg = b.answers >= d.min_n ? b.average : null;
            return {
              text: [
                names.service(s.service_code),
                whole(b.days),
                whole(b.answers),
                shown(avg, decimal),
                whole(s.level_days),
              ],
              csv: [s.service_code, b.days, b.answers, avg, s.level_days],
            };
          }),
        ),
      },
    ],
  };
}
