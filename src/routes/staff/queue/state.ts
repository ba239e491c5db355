/**
 * The queue's state lives in the address (/staff?tab=overdue&service=pothole…),
 * so a view can be bookmarked, shared and reloaded. This module turns the
 * address into API queries for the list and the tab counts, and builds the
 * addresses of tabs, filters and pages.
 */
import type { QueueQuery } from '../../../sync/staff/api';

export const TABS = ['new', 'overdue', 'due_soon', 'mine', 'unassigned', 'all'] as const;
export type Tab = (typeof TABS)[number];

export const FILTERS = [
  'q',
  'service',
  'group',
  'channel',
  'status',
  'assigned',
  'language',
  'sort',
] as const;
export type Filter = (typeof FILTERS)[number];
export type Filters = Partial<Record<Filter, string>>;

export const PER_PAGE = 25;

const one = (v: string | string[] | undefined): string | undefined =>
  (Array.isArray(v) ? v[0] : v) || undefined;

export function readTab(search: Record<string, string | string[] | undefined>): Tab {
  const t = one(search['tab']);
  return (TABS as readonly string[]).includes(t ?? '') ? (t as Tab) : 'new';
}

export function readFilters(search: Record<string, string | string[] | undefined>): Filters {
  const out: Filters = {};
  for (const f of FILTERS) {
    const v = one(search[f]);
    if (v) out[f] = v;
  }
  return out;
}

export function readPage(search: Record<string, string | string[] | undefined>): number {
  const n = Number(one(search['page']));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** What each tab asks the server for; a status or assignee filter chosen by hand wins. */
const TAB_QUERY: Record<Tab, QueueQuery> = {
  new: { status: 'submitted' },
  overdue: { overdue: 'true' },
  due_soon: { due_soon: 'true' },
  mine: { assigned: 'me', open: 'true' },
  unassigned: { assigned: 'none', open: 'true' },
  all: {},
};

/** Filters that narrow every tab (and its count). */
export function narrowing(f: Filters): QueueQuery {
  return { q: f.q, service: f.service, group: f.group, channel: f.channel, language: f.language };
}

export function listQuery(tab: Tab, f: Filters, page: number): QueueQuery {
  const q: QueueQuery = { ...TAB_QUERY[tab], ...narrowing(f), sort: f.sort, page, per_page: PER_PAGE };
  if (f.status) q['status'] = f.status;
  if (f.assigned && tab !== 'mine' && tab !== 'unassigned') q['assigned'] = f.assigned;
  return q;
}

export function queueHref(tab: Tab, f: Filters, page = 1): string {
  const q = new URLSearchParams();
  if (tab !== 'new') q.set('tab', tab);
  for (const k of FILTERS) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/staff?${s}` : '/staff';
}
