/**
 * The staff work list: requests filtered by status, service, group, channel,
 * assignee and overdue, newest first, a page at a time. Built as one
 * parameterised query; no contact details.
 */
import { STATUSES, type Channel, type Status } from '../../src/core/status';
import type { Queryable } from '../db/types';

export interface ListFilter {
  readonly statuses?: readonly Status[];
  readonly service?: string;
  readonly group?: string;
  readonly channel?: Channel;
  /** Only overdue (true) or only on time (false): open and past the due date in the jurisdiction's local date. */
  readonly overdue?: boolean;
  /** A user id, or null for unassigned. */
  readonly assignedTo?: string | null;
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
const OPEN = STATUSES.filter((s) => !FINISHED.includes(s));

/** Collects parameters and hands out their placeholders. */
class Params {
  readonly values: unknown[] = [];
  constructor(initial: readonly unknown[] = []) {
    this.values.push(...initial);
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function overdueSql(p: Params, today: string): string {
  return `(r.due < ${p.add(today)}::date AND r.status = ANY(${p.add(OPEN)}::text[]))`;
}

export async function listRequests(
  db: Queryable,
  filter: ListFilter,
  today: string,
): Promise<{ items: ListItem[]; total: number }> {
  const p = new Params();
  const where: string[] = [];
  if (filter.statuses?.length) where.push(`r.status = ANY(${p.add(filter.statuses)}::text[])`);
  if (filter.service) where.push(`r.service_code = ${p.add(filter.service)}`);
  if (filter.group) where.push(`s.group_code = ${p.add(filter.group)}`);
  if (filter.channel) where.push(`r.channel = ${p.add(filter.channel)}`);
  if (filter.assignedTo === null) where.push('r.assigned_to IS NULL');
  else if (filter.assignedTo !== undefined) where.push(`r.assigned_to = ${p.add(filter.assignedTo)}::uuid`);
  if (filter.overdue !== undefined) where.push(`${filter.overdue ? '' : 'NOT '}${overdueSql(p, today)}`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM requests r JOIN services s ON s.service_code = r.service_code';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${whereSql}`, p.values);
  const q = new Params(p.values);
  const items = await db.query<ListItem>(
    `SELECT r.tracking, r.service_code, s.group_code, r.status, r.channel, r.language, r.due,
       ${overdueSql(q, today)} AS overdue, r.submitted_at, r.updated_at, r.assigned_to, r.address_string,
       r.lat, r.long, left(r.description, 200) AS summary
     ${from} ${whereSql}
     ORDER BY r.submitted_at DESC, r.tracking
     LIMIT ${q.add(filter.perPage)} OFFSET ${q.add((filter.page - 1) * filter.perPage)}`,
    q.values,
  );
  return { items, total: count?.n ?? 0 };
}
