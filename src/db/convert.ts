/**
 * Between a draft (what the person typed, all strings) and the request fields
 * of a create_request event (typed answers). Pure functions without DOM, so
 * the service worker's flush can turn a rejected event back into a draft.
 */
import { coerceAnswer, isBlankAnswer } from '../core/validate';
import { localizeService, type Service } from '../core/catalog';
import type { Lang } from '../core/lang';
import type { PhotoRef, RequestFields } from '../core/request';
import type { DraftValues } from './records';

const SUMMARY_MAX = 80;

/**
 * Request fields to hand to validateRequest, for a form begun on `version` of
 * the service (absent: the current one). When the catalog changed under a
 * draft, answers to questions the service no longer has go as typed: the
 * server keeps them in the description (the form cannot show them, and
 * they are never lost). On the current version they are left out.
 */
export function draftToFields(
  service: Service,
  values: DraftValues,
  language: Lang,
  photos: PhotoRef[],
  version = service.version,
): unknown {
  const attributes: Record<string, unknown> = {};
  const older = version !== undefined && version < (service.version ?? 1);
  for (const [code, raw] of Object.entries(values.attributes)) {
    const attr = service.attributes.find((a) => a.code === code);
    if (attr ? attr.variable : older && !isBlankAnswer(raw))
      attributes[code] = attr ? coerceAnswer(attr, raw) : raw;
  }
  const { lat, long, accuracy_m, address_string } = values.location;
  const location = {
    ...(lat !== undefined && long !== undefined ? { lat, long } : {}),
    ...(accuracy_m !== undefined && lat !== undefined ? { accuracy_m } : {}),
    address_string,
  };
  const c = values.contact;
  const anyContact = c.consent_updates || [c.name, c.phone, c.email].some((s) => s.trim() !== '');
  return {
    service_code: service.service_code,
    attributes,
    description: values.description,
    location,
    ...(anyContact ? { contact: { ...c } } : {}),
    language,
    ...(photos.length > 0 ? { photos } : {}),
    // Only to a server that numbers its versions (an older one would refuse the field).
    ...(service.version !== undefined && version !== undefined ? { service_version: version } : {}),
  };
}

/** The reverse, for a request sent back when no typed copy was kept: numbers become text again. */
export function fieldsToDraftValues(fields: RequestFields): DraftValues {
  const attributes: DraftValues['attributes'] = {};
  for (const [code, answer] of Object.entries(fields.attributes))
    attributes[code] = Array.isArray(answer) ? [...answer] : String(answer);
  const l = fields.location;
  return {
    attributes,
    description: fields.description ?? '',
    location: {
      ...(l.lat !== undefined ? { lat: l.lat } : {}),
      ...(l.long !== undefined ? { long: l.long } : {}),
      ...(l.accuracy_m !== undefined ? { accuracy_m: l.accuracy_m } : {}),
      address_string: l.address_string ?? '',
    },
    contact: {
      name: fields.contact?.name ?? '',
      phone: fields.contact?.phone ?? '',
      email: fields.contact?.email ?? '',
      consent_updates: fields.contact?.consent_updates ?? false,
    },
  };
}

/** The line a person recognises the request by: the description, else the first answer. */
export function summarize(service: Service, fields: RequestFields): string {
  const line = (s: string): string => {
    const first = s.trim().split('\n')[0] ?? '';
    return first.length > SUMMARY_MAX ? `${first.slice(0, SUMMARY_MAX - 1)}…` : first;
  };
  if (fields.description?.trim()) return line(fields.description);
  const local = localizeService(service, fields.language);
  for (const attr of [...local.attributes].sort((a, b) => a.order - b.order)) {
    const answer = fields.attributes[attr.code];
    if (answer === undefined) continue;
    const names = (Array.isArray(answer) ? answer : [String(answer)]).map(
      (k) => attr.values?.find((v) => v.key === k)?.name ?? k,
    );
    return line(names.join(', '));
  }
  return '';
}
