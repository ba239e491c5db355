/**
 * The Open311 GET methods: discovery, services, one service definition,
 * requests (by id list or by filters within the 90-day window), one request,
 * a token, and the servicerequestupdates extension.
 */
import { localizeService, type Service } from '../../src/core/catalog';
import { isUuidV7 } from '../../src/core/ids';
import { normalizeTracking } from '../../src/core/tracking';
import { getJurisdiction, getService, listServices } from '../catalog/store';
import { checkJurisdiction, identify } from './access';
import type { Call } from './call';
import { notFound } from './errors';
import { requestRecord, updateRecord } from './records';
import { render, type Body } from './respond';
import { discoveryDocument, languageOf, serviceDefinition, serviceListItem } from './services';
import {
  latestPublicMessages,
  publicNotes,
  publicUpdates,
  requestsByTracking,
  searchRequests,
  trackingBySourceEvent,
} from './store';
import {
  MAX_RESULTS,
  parseQuery,
  requestsQuerySchema,
  resolveWindow,
  simpleQuerySchema,
  updatesQuerySchema,
} from './query';
import type { RequestRow } from '../requests/types';

/** Checks the parameters every read shares and returns the jurisdiction. */
async function common(call: Call, q: { jurisdiction_id?: string | undefined; api_key?: string | undefined }) {
  const jurisdiction = await getJurisdiction(call.deps.db);
  checkJurisdiction(q.jurisdiction_id, jurisdiction);
  const caller = await identify(call.deps.db, q.api_key, false);
  return { jurisdiction, trusted: caller.keyId !== undefined };
}

export async function discovery(call: Call): Promise<Body> {
  const q = parseQuery(simpleQuerySchema, call.query);
  const { jurisdiction } = await common(call, q);
  const endpointUrl = `${call.deps.publicUrl ?? call.origin}/open311/v2`;
  return render(
    call.format,
    'discovery',
    discoveryDocument({ endpointUrl, jurisdictionName: jurisdiction.name }),
  );
}

export async function services(call: Call): Promise<Body> {
  const q = parseQuery(simpleQuerySchema, call.query);
  await common(call, q);
  const lang = languageOf(q.locale);
  const list = await listServices(call.deps.db);
  return render(
    call.format,
    'services',
    list.map((s) => serviceListItem(s, lang)),
  );
}

export async function serviceDefinitionOf(call: Call, code: string): Promise<Body> {
  const q = parseQuery(simpleQuerySchema, call.query);
  await common(call, q);
  const service = await getService(call.deps.db, code);
  if (!service) throw notFound(`service_code ${code} was not found`);
  return render(call.format, 'service_definition', serviceDefinition(service, languageOf(q.locale)));
}

async function renderRequests(
  call: Call,
  rows: readonly RequestRow[],
  o: { trusted: boolean; extensions: boolean; locale: string | undefined },
): Promise<Body> {
  const db = call.deps.db;
  const jurisdiction = await getJurisdiction(db);
  const lang = languageOf(o.locale);
  const byCode = new Map<string, Service>(
    (await listServices(db, true)).map((s) => [s.service_code, localizeService(s, lang)]),
  );
  const ids = rows.map((r) => r.id);
  const messages = await latestPublicMessages(db, ids);
  const notes = o.extensions ? await publicNotes(db, ids) : undefined;
  const ctx = { jurisdiction, services: byCode, trusted: o.trusted };
  const list = rows.map((r) =>
    requestRecord(r, ctx, messages.get(r.id), notes ? (notes.get(r.id) ?? []) : undefined),
  );
  return render(call.format, 'service_requests', list);
}

/** What a client typed may differ in case or dashes from the canonical CD-XXXXXXXX. */
const canonical = (id: string): string => normalizeTracking(id) ?? id;

export async function requests(call: Call): Promise<Body> {
  const q = parseQuery(requestsQuerySchema, call.query);
  const { trusted } = await common(call, q);
  const db = call.deps.db;
  const o = { trusted, extensions: q.extensions ?? false, locale: q.locale };
  // The spec: service_request_id overrides every other filter.
  if (q.service_request_id && q.service_request_id.length > 0)
    return renderRequests(call, await requestsByTracking(db, q.service_request_id.map(canonical)), o);
  const window = resolveWindow(q.start_date, q.end_date, call.deps.now());
  const rows = await searchRequests(db, {
    window,
    serviceCodes: q.service_code,
    open311Statuses: q.status,
    page: q.page ?? 1,
    pageSize: q.page_size ?? MAX_RESULTS,
  });
  return renderRequests(call, rows, o);
}

export async function oneRequest(call: Call, id: string): Promise<Body> {
  const q = parseQuery(
    requestsQuerySchema.pick({ jurisdiction_id: true, api_key: true, locale: true, extensions: true }),
    call.query,
  );
  const { trusted } = await common(call, q);
  const rows = await requestsByTracking(call.deps.db, [canonical(id)]);
  if (rows.length === 0) throw notFound(`service_request_id ${id} was not found`);
  return renderRequests(call, rows, { trusted, extensions: q.extensions ?? false, locale: q.locale });
}

export async function token(call: Call, value: string): Promise<Body> {
  const q = parseQuery(simpleQuerySchema, call.query);
  await common(call, q);
  const tracking = isUuidV7(value)
    ? await trackingBySourceEvent(call.deps.db, value.toLowerCase())
    : undefined;
  if (!tracking) throw notFound(`token ${value} was not found`);
  return render(call.format, 'service_requests', [{ service_request_id: tracking, token: value }]);
}

export async function updates(call: Call): Promise<Body> {
  const q = parseQuery(updatesQuerySchema, call.query);
  const { jurisdiction } = await common(call, q);
  const window = resolveWindow(q.start_date, q.end_date, call.deps.now());
  const rows = await publicUpdates(call.deps.db, window, q.service_request_id?.map(canonical));
  const zone = jurisdiction.calendar.time_zone;
  return render(
    call.format,
    'service_request_updates',
    rows.map((u) => updateRecord(u, zone)),
  );
}
