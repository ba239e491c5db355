/**
 * The dashboard's figures about the flow of work, as FigureData (Figure.tsx):
 * requests received by channel with the digital share, working days to
 * acknowledge and to resolve against the service level, and the backlog
 * and overdue at each month's end. Each with its 12-month trend.
 */
import { CHANNELS } from '../../../core/status';
import type { Dashboard, Figures } from '../../../sync/staff/dashboard';
import { st } from '../i18n';
import type { FigureData } from './Figure';
import { decimal, gate, monthName, percent, shown, whole } from './format';

export type Names = {
  readonly service: (code: string) => string;
  readonly group: (code: string) => string;
  readonly period: string;
};

const DIGITAL = ['web', 'kiosk', 'api'];

export function requestsFigure(d: Dashboard, names: Names): FigureData {
  const f = d.figures;
  const share = gate(f.digital_share, f.received, d.min_n);
  const channel = (c: string) => st(`channels.${c as (typeof CHANNELS)[number]}`);
  return {
    id: 'received',
    title: st('dashboard.received.title'),
    summary: st('dashboard.received.summary', {
      period: names.period,
      count: whole(f.received),
      share: shown(share, percent),
    }),
    chart: { points: d.trend.map((t) => ({ label: monthName(t.month), value: t.figures.received })) },
    tables: [
      {
        id: 'requests-by-channel',
        caption: st('dashboard.received.byChannel'),
        head: [
          st('dashboard.col.channel'),
          st('dashboard.col.requests'),
          st('dashboard.col.share'),
          st('dashboard.col.digital'),
        ],
        rows: CHANNELS.map((c) => {
          const n = f.channels[c] ?? 0;
          const s = f.received > 0 ? n / f.received : null;
          const digital = DIGITAL.includes(c) ? st('dashboard.yes') : st('dashboard.no');
          return {
            text: [channel(c), whole(n), s === null ? '–' : percent(s), digital],
            csv: [c, n, s, digital],
          };
        }),
      },
      {
        id: 'requests-by-month',
        caption: st('dashboard.received.byMonth'),
        head: [
          st('dashboard.col.month'),
          st('dashboard.col.requests'),
          ...CHANNELS.map(channel),
          st('dashboard.col.digitalShare'),
        ],
        rows: d.trend.map((t) => {
          const g = gate(t.figures.digital_share, t.figures.received, d.min_n);
          const counts = CHANNELS.map((c) => t.figures.channels[c] ?? 0);
          return {
            text: [monthName(t.month), whole(t.figures.received), ...counts.map(whole), shown(g, percent)],
            csv: [t.month, t.figures.received, ...counts, g],
          };
        }),
      },
    ],
  };
}

function timingCells(f: Figures, min: number): { text: string[]; csv: (number | null)[] } {
  const a = f.acknowledge;
  const r = f.resolve;
  const values = [
    gate(a.median, a.n, min),
    gate(a.p90, a.n, min),
    gate(a.share, a.judged, min),
    gate(r.median, r.n, min),
    gate(r.p90, r.n, min),
    gate(r.share, r.judged, min),
  ];
  const formats = [decimal, decimal, percent, decimal, decimal, percent];
  return { text: values.map((v, i) => shown(v, formats[i] ?? decimal)), csv: values };
}

export function timingFigure(d: Dashboard, names: Names): FigureData {
  const f = d.figures;
  const head = [
    st('dashboard.col.month'),
    st('dashboard.col.ackMedian'),
    st('dashboard.col.ackP90'),
    st('dashboard.col.ackShare'),
    st('dashboard.col.resMedian'),
    st('dashboard.col.resP90'),
    st('dashboard.col.resShare'),
  ];
  const period = timingCells(f, d.min_n);
  return {
    id: 'timing',
    title: st('dashboard.timing.title'),
    summary: st('dashboard.timing.summary', {
      period: names.period,
      ackMedian: period.text[0] ?? '',
      ackShare: period.text[2] ?? '',
      resMedian: period.text[3] ?? '',
      resP90: period.text[4] ?? '',
      resShare: period.text[5] ?? '',
    }),
    note: st('dashboard.timing.note', { overdue: whole(f.overdue) }),
    chart: {
      points: d.trend.map((t) => ({
        label: monthName(t.month),
        value: gate(t.figures.resolve.share, t.figures.resolve.judged, d.min_n),
      })),
      max: 1,
    },
    tables: [
      {
        id: 'working-days',
        caption: st('dashboard.timing.table'),
        head,
        rows: [
          { text: [names.period, ...period.text], csv: [names.period, ...period.csv] },
          ...d.trend.map((t) => {
            const c = timingCells(t.figures, d.min_n);
            return { text: [monthName(t.month), ...c.text], csv: [t.month, ...c.csv] };
          }),
        ],
      },
    ],
  };
}

export function backlogFigure(d: Dashboard): FigureData {
  const last = d.backlog.at(-1);
  return {
    id: 'backlog',
    title: st('dashboard.backlog.title'),
    summary: last
      ? st('dashboard.backlog.summary', {
          day: monthName(last.month),
          backlog: whole(last.backlog),
          overdue: whole(last.overdue),
        })
      : st('dashboard.noRows'),
    chart: { points: d.backlog.map((b) => ({ label: monthName(b.month), value: b.backlog })) },
    tables: [
      {
        id: 'backlog',
        caption: st('dashboard.backlog.table'),
        head: [
          st('dashboard.col.month'),
          st('dashboard.col.on'),
          st('dashboard.col.backlog'),
          st('dashboard.col.overdue'),
        ],
        rows: d.backlog.map((b) => ({
          text: [monthName(b.month), b.on, whole(b.backlog), whole(b.overdue)],
          csv: [b.month, b.on, b.backlog, b.overdue],
        })),
      },
    ],
  };
}
