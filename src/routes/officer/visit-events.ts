/**
 * From what the officer typed on the visit form to the events for the
 * outbox: a log_visit, and, when a request is filed for the person, an
 * in_person create_request before it (the visit names it by event id). The
 * same core checks as the server's, so nothing is saved that would be
 * refused for its shape; problems come back as field ids and message keys.
 */
import type { Service } from '../../core/catalog';
import { logVisitEvent, type SyncEvent } from '../../core/events';
import type { Lang } from '../../core/lang';
import { MAX_PHOTOS, type PhotoRef } from '../../core/request';
import { validateRequest, type FieldError } from '../../core/validate';
import { draftToFields } from '../../db/convert';
import type { OfficerKey } from './i18n';

export type Outcome = 'resolved' | 'follow_up' | 'no_access' | 'referred';

export interface VisitValues {
  location: { lat: number; long: number; accuracy_m: number } | undefined;
  place: string;
  consent: boolean;
  name: string;
  phone: string;
  email: string;
  language: Lang;
  asked: string;
  outcome: Outcome | '';
  notes: string;
  fileRequest: boolean;
  service: string;
  description: string;
  attributes: Record<string, string | string[]>;
}

export interface VisitProblem {
  readonly field: string;
  readonly key?: OfficerKey;
  /** A request-field problem, worded by the citizen form's messages. */
  readonly requestError?: FieldError;
}

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emptyVisit(language: Lang): VisitValues {
  return {
    location: undefined,
    place: '',
    consent: false,
    name: '',
    phone: '',
    email: '',
    language,
    asked: '',
    outcome: '',
    notes: '',
    fileRequest: false,
    service: '',
    description: '',
    attributes: {},
  };
}

function visitProblems(v: VisitValues): VisitProblem[] {
  const out: VisitProblem[] = [];
  if (!v.location && v.place.trim() === '') out.push({ field: 'visit-place', key: 'visit.errors.where' });
  const anyPerson = [v.name, v.phone, v.email].some((s) => s.trim() !== '');
  if (anyPerson && !v.consent) out.push({ field: 'visit-consent', key: 'visit.errors.consentNeeded' });
  if (v.consent && v.phone.trim() !== '' && !PHONE.test(v.phone.trim()))
    out.push({ field: 'visit-phone', key: 'visit.errors.phone' });
  if (v.consent && v.email.trim() !== '' && !EMAIL.test(v.email.trim()))
    out.push({ field: 'visit-email', key: 'visit.errors.email' });
  if (v.asked.trim() === '') out.push({ field: 'visit-asked', key: 'visit.errors.asked' });
  if (v.outcome === '') out.push({ field: 'visit-outcome', key: 'visit.errors.outcome' });
  return out;
}

function requestFields(v: VisitValues, service: Service, photos: PhotoRef[]): unknown {
  const contact = v.consent
    ? {
        name: v.name,
        phone: v.phone,
        email: v.email,
        consent_updates: v.phone.trim() !== '' || v.email.trim() !== '',
      }
    : { name: '', phone: '', email: '', consent_updates: false };
  return draftToFields(
    service,
    {
      attributes: v.attributes,
      description: v.description,
      location: { ...(v.location ?? {}), address_string: v.place },
      contact,
    },
    v.language,
    photos,
  );
}

export type Built = { ok: true; events: SyncEvent[] } | { ok: false; problems: VisitProblem[] };

export function buildVisit(
  v: VisitValues,
  ids: { visit: string; request: string },
  service: Service | undefined,
  photos: PhotoRef[],
  now: Date = new Date(),
): Built {
  const problems = visitProblems(v);
  const at = now.toISOString();
  const events: SyncEvent[] = [];
  if (v.fileRequest) {
    if (!service) problems.push({ field: 'visit-service', key: 'visit.errors.service' });
    else {
      const checked = validateRequest(service, requestFields(v, service, photos.slice(0, MAX_PHOTOS)));
      if (!checked.ok) problems.push(...checked.errors.map((e) => ({ field: e.field, requestError: e })));
      else
        events.push({
          id: ids.request,
          at,
          type: 'create_request',
          channel: 'in_person',
          request: checked.value,
        });
    }
  }
  const visit = {
    id: ids.visit,
    at,
    type: 'log_visit' as const,
    visit: {
      ...(events.length > 0 ? { request_event_id: ids.request } : {}),
      visited_at: at,
      ...(v.place.trim() ? { place: v.place.trim() } : {}),
      ...(v.location ? { location: v.location } : {}),
      ...(v.consent
        ? {
            person: {
              consent: true as const,
              ...(v.name.trim() ? { name: v.name.trim() } : {}),
              ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
              ...(v.email.trim() ? { email: v.email.trim() } : {}),
            },
          }
        : {}),
      language: v.language,
      asked: v.asked.trim(),
      notes: v.notes.trim(),
      outcome: v.outcome === '' ? ('follow_up' as const) : v.outcome,
      ...(photos.length > 0 ? { photos } : {}),
    },
  };
  const parsed = logVisitEvent.safeParse(visit);
  if (!parsed.success && problems.length === 0)
    problems.push({ field: 'visit-place', key: 'visit.errors.where' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, events: [...events, visit] };
}
