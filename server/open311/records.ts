/**
 * Stored requests and their public events in Open311's words: service
 * requests (GET requests), status history as notes (extensions=true) and the
 * FixMyStreet updates extension. Privacy: the description and location a
 * person gave are public when their service says so (public_details in the
 * catalog: street problems, not permits or assistance), otherwise shown only
 * to a client with an API key, as is media_url always; everyone sees what
 * kind of request it is, its status and its dates. Contact details are never
 * shown.
 */
import type { Jurisdiction, Service } from '../../src/core/catalog';
import { open311Status } from '../../src/core/lifecycle';
import { endOfLocalDayIso } from '../../src/core/service-level';
import type { Status } from '../../src/core/status';
import type { RequestRow } from '../requests/types';
import { isoInZone } from './datetime';
import type { NoteRow, UpdateRow } from './store';
import type { PlainRecord } from './xml';

export interface RecordContext {
  readonly jurisdiction: Jurisdiction;
  readonly services: ReadonlyMap<string, Service>;
  /** A valid api_key came with the query: personal fields may be shown. */
  readonly trusted: boolean;
}

export function serviceNotice(due: string, service: Service | undefined): string {
  const days = service ? ` (service level: ${service.service_level_days} working days)` : '';
  return `Expect action by ${due}${days}.`;
}

/** One service request, with every field of the spec in the spec's order. */
export function requestRecord(
  r: RequestRow,
  ctx: RecordContext,
  statusNotes: string | undefined,
  notes?: readonly NoteRow[],
): PlainRecord {
  const zone = ctx.jurisdiction.calendar.time_zone;
  const service = ctx.services.get(r.service_code);
  const t = ctx.trusted;
  const open = t || service?.public_details === true;
  const record: Record<string, PlainRecord[string]> = {
    service_request_id: r.tracking,
    status: open311Status(r.status),
    status_notes: statusNotes ?? null,
    service_name: service?.service_name ?? null,
    service_code: r.service_code,
    description: open ? r.description : null,
    agency_responsible: ctx.jurisdiction.name,
    service_notice: serviceNotice(r.due, service),
    requested_datetime: isoInZone(r.submitted_at, zone),
    updated_datetime: isoInZone(r.updated_at, zone),
    expected_datetime: endOfLocalDayIso(r.due, zone),
    address: open ? r.address_string : null,
    address_id: open ? r.address_id : null,
    zipcode: null,
    lat: open ? r.lat : null,
    long: open ? r.long : null,
    media_url: t ? r.media_url : null,
  };
  if (notes) {
    record['extended_attributes'] = { channel: r.channel, detailed_status: r.status };
    record['notes'] = notes.map((n) => noteRecord(n, zone));
  }
  return record;
}

const SUMMARIES: Readonly<Record<string, string>> = {
  created: 'Request opened',
  acknowledged: 'Request acknowledged',
  status_changed: 'Status changed',
  note: 'Update',
  duplicate: 'Marked as a duplicate',
};

/** A history entry in the shape Chicago's and Austin's extensions use. */
export function noteRecord(n: NoteRow, timeZone: string): PlainRecord {
  return {
    datetime: isoInZone(n.at, timeZone),
    summary: SUMMARIES[n.kind] ?? 'Update',
    type: n.kind === 'created' ? 'opened' : 'activity',
    status: n.status_to,
    description: n.message,
  };
}

/**
 * Statuses in the vocabulary of mySociety's updates extension, which
 * FixMyStreet maps onto its own states; open and closed alone would tell it
 * nothing about progress.
 */
const UPDATE_STATUS: Readonly<Record<Status, string>> = {
  submitted: 'open',
  acknowledged: 'investigating',
  in_progress: 'in_progress',
  resolved: 'fixed',
  closed: 'closed',
  rejected: 'no_further_action',
  duplicate: 'duplicate',
};

export function updateRecord(u: UpdateRow, timeZone: string): PlainRecord {
  return {
    update_id: String(u.seq),
    service_request_id: u.tracking,
    status: UPDATE_STATUS[u.status],
    updated_datetime: isoInZone(u.at, timeZone),
    description: u.message ?? '',
    media_url: '',
  };
}
