/**
 * The dashboard's figures about people, as FigureData (Figure.tsx):
 * satisfaction (average, distribution, response rate, "is it fixed"),
 * abandoned drafts by step and month, and staff minutes per request,
 * service and action. Small groups show "not enough answers yet".
 */
import type { Dashboard } from '../../../sync/staff/dashboard';
import { st, type StaffKey } from '../i18n';
import type { FigureData } from './Figure';
import type { Names } from './flow';
import { decimal, gate, monthName, percent, shown, whole } from './format';

export function satisfactionFigure(d: Dashboard, names: Names): FigureData {
  const s = d.figures.satisfaction;
  const average = gate(s.average, s.answers, d.min_n);
  const rate = gate(s.response_rate, s.resolved, d.min_n);
  return {
    id: 'satisfaction',
    title: st('dashboard.satisfaction.title'),
    summary: st('dashboard.satisfaction.summary', {
      period: names.period,
      average: shown(average, decimal),
      answers: whole(s.answers),
      rate: shown(rate, percent),
      yes: whole(s.fixed.yes),
      partly: whole(s.fixed.partly),
      no: whole(s.fixed.no),
    }),
    // The distribution only when enough answered: otherwise one person's rating could be read off it.
    chart:
      s.answers >= d.min_n
        ? { points: s.distribution.map((n, i) => ({ label: String(i + 1), value: n })) }
        : undefined,
    tables: [
      {
        id: 'satisfaction-distribution',
        caption: st('dashboard.satisfaction.distribution'),
        head: [st('dashboard.col.rating'), st('dashboard.col.answers')],
        rows:
          s.answers >= d.min_n
            ? s.distribution.map((n, i) => ({ text: [String(i + 1), whole(n)], csv: [i + 1, n] }))
            : [],
      },
      {
        id: 'is-it-fixed',
        caption: st('dashboard.satisfaction.fixed'),
        head: [st('dashboard.col.answer'), st('dashboard.col.answers')],
        rows: (['yes', 'partly', 'no'] as const).map((k) => ({
          text: [st(`dashboard.fixed.${k}`), whole(s.fixed[k])],
          csv: [k, s.fixed[k]],
        })),
      },
      {
        id: 'satisfaction-by-month',
        caption: st('dashboard.satisfaction.byMonth'),
        head: [
          st('dashboard.col.month'),
          st('dashboard.col.answers'),
          st('dashboard.col.average'),
          st('dashboard.col.responseRate'),
        ],
        rows: d.trend.map((t) => {
          const x = t.figures.satisfaction;
          const avg = gate(x.average, x.answers, d.min_n);
          const r = gate(x.response_rate, x.resolved, d.min_n);
          return {
            text: [monthName(t.month), whole(x.answers), shown(avg, decimal), shown(r, percent)],
            csv: [t.month, x.answers, avg, r],
          };
        }),
      },
    ],
  };
}

export function draftsFigure(d: Dashboard, names: Names): FigureData {
  const dr = d.drafts;
  return {
    id: 'drafts',
    title: st('dashboard.drafts.title'),
    summary: st('dashboard.drafts.summary', {
      period: names.period,
      started: whole(dr.started),
      abandoned: whole(dr.abandoned),
      rate: shown(gate(dr.rate, dr.started, d.min_n), percent),
    }),
    chart: { points: dr.by_step.map((s) => ({ label: String(s.step + 1), value: s.abandoned })) },
    tables: [
      {
        id: 'drafts-by-step',
        caption: st('dashboard.drafts.byStep'),
        head: [st('dashboard.col.step'), st('dashboard.col.abandoned')],
        rows: dr.by_step.map((s) => ({
          text: [whole(s.step + 1), whole(s.abandoned)],
          csv: [s.step + 1, s.abandoned],
        })),
      },
      {
        id: 'drafts-by-service',
        caption: st('dashboard.drafts.byService'),
        head: [
          st('dashboard.col.service'),
          st('dashboard.col.started'),
          st('dashboard.col.abandoned'),
          st('dashboard.col.rate'),
        ],
        rows: dr.by_service.map((s) => {
          const r = gate(s.rate, s.started, d.min_n);
          return {
            text: [names.service(s.service_code), whole(s.started), whole(s.abandoned), shown(r, percent)],
            csv: [s.service_code, s.started, s.abandoned, r],
          };
        }),
      },
      {
        id: 'drafts-by-month',
        caption: st('dashboard.drafts.byMonth'),
        head: [
          st('dashboard.col.month'),
          st('dashboard.col.started'),
          st('dashboard.col.abandoned'),
          st('dashboard.col.rate'),
        ],
        rows: dr.by_month.map((m) => {
          const r = gate(m.rate, m.started, d.min_n);
          return {
            text: [monthName(m.month), whole(m.started), whole(m.abandoned), shown(r, percent)],
            csv: [m.month, m.started, m.abandoned, r],
          };
        }),
      },
    ],
  };
}

const ACTIONS = [
  'created',
  'acknowledged',
  'assigned',
  'status_changed',
  'note',
  'duplicate',
  'feedback',
  'attachment',
  'visit',
];
const actionName = (a: string): string =>
  ACTIONS.includes(a) ? st(`dashboard.actions.${a}` as StaffKey) : a;

export function minutesFigure(d: Dashboard, names: Names): FigureData {
  const m = d.minutes;
  return {
    id: 'minutes',
    title: st('dashboard.minutes.title'),
    summary: st('dashboard.minutes.summary', {
      period: names.period,
      minutes: whole(m.minutes),
      requests: whole(m.requests),
      perRequest: shown(gate(m.per_request, m.requests, d.min_n), decimal),
    }),
    chart: {
      points: m.by_service.map((s) => ({
        label: names.service(s.service_code),
        value: gate(s.per_request, s.requests, d.min_n),
      })),
    },
    tables: [
      {
        id: 'minutes-by-service',
        caption: st('dashboard.minutes.byService'),
        head: [
          st('dashboard.col.service'),
          st('dashboard.col.requests'),
          st('dashboard.col.minutes'),
          st('dashboard.col.perRequest'),
        ],
        rows: m.by_service.map((s) => {
          const per = gate(s.per_request, s.requests, d.min_n);
          return {
            text: [names.service(s.service_code), whole(s.requests), whole(s.minutes), shown(per, decimal)],
            csv: [s.service_code, s.requests, s.minutes, per],
          };
        }),
      },
      {
        id: 'minutes-by-action',
        caption: st('dashboard.minutes.byAction'),
        head: [
          st('dashboard.col.action'),
          st('dashboard.col.actions'),
          st('dashboard.col.minutes'),
          st('dashboard.col.perAction'),
        ],
        rows: m.by_action.map((a) => ({
          text: [
            actionName(a.action),
            whole(a.actions),
            whole(a.minutes),
            a.per_action === null ? '–' : decimal(a.per_action),
          ],
          csv: [a.action, a.actions, a.minutes, a.per_action],
        })),
      },
    ],
  };
}
