/**
 * The staff work list: requests filtered by status, service, group, channel,
 * language, assignee, overdue or due soon, and tracking number; sorted by due
 * date unless asked otherwise; a page at a time. Also the counts behind the
 * queue's tabs. Built as parameterised queries; no contact details.
 */
import { STATUSES, type Channel, type Status } from '../../src/core/status';
import type { Queryable } from '../db/types';

export const SORTS = ['due', '-due', 'submitted', '-submitted'] as const;
export type Sort = (typeof SORTS)[number];

/** Filters that narrow the queue whichever tab is open. */
export interface BaseFilter {
  readonly service?: string;
  readonly group?: string;
  readonly channel?: Channel;
  readonly language?: string;
  /** Part of a tracking number, upper case letters, digits and dashes only. */
  readonly tracking?: string;
  /** Officers see only their own assignments: this is always set for them. */
  readonly onlyAssignedTo?: string;
  /** Agents and managers with groups see only those groups' requests (auth/scope). */
  readonly onlyGroups?: readonly string[];
}

export interface ListFilter extends BaseFilter {
  readonly statuses?: readonly Status[];
  /** Only requests still open (not resolved, closed, rejected or duplicate). */
  readonly open?: boolean;
  /** Only overdue (true) or only on time (false): open and past the due date in the jurisdiction's local date. */
  readonly overdue?: boolean;
  /** Open, not overdue, and due on or before this local date. */
  readonly dueBy?: string;
  /** A user id, or null for unassigned. */
  readonly assignedTo?: string | null;
  readonly sort?: Sort;
  readonly page: number;
  readonly perPage: number;
}

export interface ListItem {
  tracking: string;
  service_code: string;
  group_code: string;
  status: Status;
  channel: Channel;
  language: string;
  due: string;
  overdue: boolean;
  submitted_at: Date;
  updated_at: Date;
  assigned_to: string | null;
  address_string: string | null;
  lat: number | null;
  long: number | null;
  summary: string | null;
}

/** Statuses in which the clock no longer runs. */
export const FINISHED: readonly Status[] = ['resolved', 'closed', 'rejected', 'duplicate'];
export const OPEN = STATUSES.filter((s) => !FINISHED.includes(s));

/** Collects parameters and hands out their placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function overdueSql(p: Params, today: string): string {
  return `(r.due < ${p.add(today)}::date AND r.status = ANY(${p.add(OPEN)}::text[]))`;
}

function dueSoonSql(p: Params, today: string, dueBy: string): string {
  return `(r.due >= ${p.add(today)}::date AND r.due <= ${p.add(dueBy)}::date AND r.status = ANY(${p.add(OPEN)}::text[]))`;
}

const openSql = (p: Params) => `r.status = ANY(${p.add(OPEN)}::text[])`;

function baseWhere(p: Params, f: BaseFilter): string[] {
  const where: string[] = [];
  if (f.service) where.push(`r.service_code = ${p.add(f.service)}`);
  if (f.group) where.push(`s.group_code = ${p.add(f.group)}`);
  if (f.channel) where.push(`r.channel = ${p.add(f.channel)}`);
  if (f.language) where.push(`r.language = ${p.add(f.language)}`);
  if (f.tracking) where.push(`strpos(r.tracking, ${p.add(f.tracking)}) > 0`);
  if (f.onlyAssignedTo) where.push(`r.assigned_to = ${p.add(f.onlyAssignedTo)}::uuid`);
  if (f.onlyGroups) where.push(`s.group_code = ANY(${p.add(f.onlyGroups)}::text[])`);
  return where;
}

function listWhere(p: Params, f: ListFilter, today: string): string {
  const where = baseWhere(p, f);
  if (f.statuses?.length) where.push(`r.status = ANY(${p.add(f.statuses)}::text[])`);
  else if (f.open) where.push(openSql(p));
  if (f.assignedTo === null) where.push('r.assigned_to IS NULL');
  else if (f.assignedTo !== undefined) where.push(`r.assigned_to = ${p.add(f.assignedTo)}::uuid`);
  if (f.overdue !== undefined) where.push(`${f.overdue ? '' : 'NOT '}${overdueSql(p, today)}`);
  if (f.dueBy !== undefined) where.push(dueSoonSql(p, today, f.dueBy));
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

const ORDER: Record<Sort, string> = {
  due: 'r.due ASC, r.submitted_at ASC',
  '-due': 'r.due DESC, r.submitted_at DESC',
  submitted: 'r.submitted_at ASC',
  '-submitted': 'r.submitted_at DESC',
};

const FROM = 'FROM requests r JOIN services s ON s.service_code = r.service_code';

export async function listRequests(
  db: Queryable,
  filter: ListFilter,
  today: string,
): Promise<{ items: ListItem[]; total: number }> {
  const c = new Params();
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n ${FROM} ${listWhere(c, filter, today)}`,
    c.values,
  );
  const q = new Params();
  const overdue = overdueSql(q, today);
  const where = listWhere(q, filter, today);
  const items = await db.query<ListItem>(
    `SELECT r.tracking, r.service_code, s.group_code, r.status, r.channel, r.language, r.due,
       ${overdue} AS overdue, r.submitted_at, r.updated_at, r.assigned_to, r.address_string,
       r.lat, r.long, left(r.description, 200) AS summary
     ${FROM} ${where}
     ORDER BY ${ORDER[filter.sort ?? 'due']}, r.tracking
     LIMIT ${q.add(filter.perPage)} OFFSET ${q.add((filter.page - 1) * filter.perPage)}`,
    q.values,
  );
  return { items, total: count?.n ?? 0 };
}

export interface TabCounts {
  new: number;
  overdue: number;
  due_soon: number;
  mine: number;
  unassigned: number;
}

/** The number on each queue tab, under the same narrowing filters as the list. */
export async function countTabs(
  db: Queryable,
  filter: BaseFilter,
  me: string,
  today: string,
  dueBy: string,
): Promise<TabCounts> {
  const p = new Params();
  const where = baseWhere(p, filter);
  const [row] = await db.query<TabCounts>(
    `SELECT
       (count(*) FILTER (WHERE r.status = 'submitted'))::int AS new,
       (count(*) FILTER (WHERE ${overdueSql(p, today)}))::int AS overdue,
       (count(*) FILTER (WHERE ${dueSoonSql(p, today, dueBy)}))::int AS due_soon,
       (count(*) FILTER (WHERE r.assigned_to = ${p.add(me)}::uuid AND ${openSql(p)}))::int AS mine,
       (count(*) FILTER (WHERE r.assigned_to IS NULL AND ${openSql(p)}))::int AS unassigned
     ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    p.values,
  );
  return row ?? { new: 0, overdue: 0, due_soon: 0, mine: 0, unassigned: 0 };
}
