/**
 * Every state-changing JSON route of /api with a valid body to start from,
 * who calls it, and which refusals are certain for it (the "poisons" the
 * only-invalid run adds). A route whose handler never reads its body
 * (logout, a kiosk's new link, a template's deletion) can only be poisoned
 * before the handler: a cross-site Origin or a body that is not JSON.
 */
import { uuidv7 } from '../../../src/core/ids';
import { createEvent, potholeFields } from '../helpers/events';

export type Who = 'anonymous' | 'forged' | 'agent' | 'officer' | 'manager' | 'admin' | 'kiosk';

/** Ids of things the fuzz server holds, so valid-looking calls reach deep into handlers. */
export interface FuzzContext {
  readonly tracking: string;
  readonly officerTracking: string;
  readonly templateId: string;
  readonly kioskId: string;
  readonly officerId: string;
  readonly sha256: string;
  readonly apiKey: string;
  readonly token: string;
}

/** A refusal certain whatever else the body holds. */
export type Poison = 'type' | 'origin' | 'json' | 'top' | 'text' | 'big' | 'noid';
const BEFORE_HANDLER: readonly Poison[] = ['type', 'origin'];
const READ_BODY: readonly Poison[] = ['type', 'origin', 'json', 'top', 'text', 'big'];

export interface JsonRoute {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly path: (x: FuzzContext) => string;
  readonly body: (x: FuzzContext) => unknown;
  readonly who: readonly Who[];
  readonly poisons: readonly Poison[];
}

const STAFF: readonly Who[] = ['agent', 'officer', 'manager', 'admin', 'anonymous', 'forged'];
const kioskBody = {
  name: 'Fuzz kiosk',
  settings: { idle_warning_s: 60, idle_reset_s: 90, default_language: 'en', services: null },
};
const templateBody = { service_code: null, status: 'resolved', name: 'Fixed', texts: { en: 'Fixed.' } };
const action = (name: string, body: (x: FuzzContext) => unknown): JsonRoute => ({
  method: 'POST',
  path: (x) => `/api/staff/requests/${x.tracking}/${name}`,
  body,
  who: STAFF,
  poisons: READ_BODY,
});

export const JSON_ROUTES: readonly JsonRoute[] = [
  {
    method: 'POST',
    path: () => '/api/sync',
    body: (x) => ({
      events: [
        createEvent(),
        { id: uuidv7(), at: new Date().toISOString(), type: 'note', tracking: x.tracking, text: 'Seen' },
        {
          id: uuidv7(),
          at: new Date().toISOString(),
          type: 'feedback',
          tracking: x.tracking,
          token: x.token,
          rating: 4,
        },
      ],
    }),
    who: ['anonymous', 'kiosk', 'officer', 'manager', 'forged'],
    poisons: ['type', 'origin', 'json', 'top', 'big', 'noid'],
  },
  {
    method: 'POST',
    path: () => '/api/sync/changes',
    body: (x) => ({ since: '0', tokens: [x.token] }),
    who: ['anonymous'],
    poisons: READ_BODY,
  },
  {
    method: 'POST',
    path: () => '/api/auth/login',
    body: () => ({ email: 'admin@city.example', password: 'not the password' }),
    who: ['anonymous'],
    poisons: READ_BODY,
  },
  { method: 'POST', path: () => '/api/auth/logout', body: () => ({}), who: STAFF, poisons: BEFORE_HANDLER },
  {
    method: 'POST',
    path: () => '/api/kiosk/enrol',
    body: () => ({ code: 'ABCD-EFGH' }),
    who: ['anonymous', 'kiosk'],
    poisons: READ_BODY,
  },
  action('acknowledge', () => ({ message: 'Received', due: '2030-01-01' })),
  action('assign', (x) => ({ user_id: x.officerId })),
  action('status', () => ({ to: 'in_progress', message: 'On it', time: { minutes: 3, source: 'manual' } })),
  action('reopen', () => ({ message: 'Again' })),
  action('notes', () => ({ text: 'Called back', public: true })),
  action('duplicate', (x) => ({ of: x.officerTracking, message: 'Same' })),
  {
    method: 'POST',
    path: () => '/api/staff/bulk',
    body: (x) => ({ action: 'status', to: 'resolved', items: [{ tracking: x.tracking, message: 'Done' }] }),
    who: STAFF,
    poisons: READ_BODY,
  },
  {
    method: 'POST',
    path: () => '/api/staff/intake',
    body: () => ({ id: uuidv7(), channel: 'phone', request: potholeFields() }),
    who: STAFF,
    poisons: READ_BODY,
  },
  {
    method: 'POST',
    path: () => '/api/staff/templates',
    body: () => templateBody,
    who: STAFF,
    poisons: READ_BODY,
  },
  {
    method: 'PUT',
    path: (x) => `/api/staff/templates/${x.templateId}`,
    body: () => templateBody,
    who: STAFF,
    poisons: READ_BODY,
  },
  {
    method: 'DELETE',
    path: (x) => `/api/staff/templates/${x.templateId}`,
    body: () => ({}),
    who: STAFF,
    poisons: BEFORE_HANDLER,
  },
  {
    method: 'POST',
    path: () => '/api/staff/users',
    body: () => ({ email: `new${uuidv7()}@city.example`, role: 'agent', password: 'long enough password' }),
    who: STAFF,
    poisons: READ_BODY,
  },
  { method: 'POST', path: () => '/api/staff/kiosks', body: () => kioskBody, who: STAFF, poisons: READ_BODY },
  {
    method: 'PUT',
    path: (x) => `/api/staff/kiosks/${x.kioskId}`,
    body: () => kioskBody,
    who: STAFF,
    poisons: READ_BODY,
  },
  {
    method: 'POST',
    path: (x) => `/api/staff/kiosks/${x.kioskId}/link`,
    body: () => ({}),
    who: STAFF,
    poisons: BEFORE_HANDLER,
  },
  {
    method: 'POST',
    path: (x) => `/api/staff/kiosks/${x.kioskId}/revoke`,
    body: () => ({}),
    who: STAFF,
    poisons: BEFORE_HANDLER,
  },
  {
    method: 'POST',
    path: () => '/api/push/subscriptions',
    body: (x) => ({
      tracking: x.tracking,
      token: x.token,
      subscription: { endpoint: 'https://push.example/abc', keys: { p256dh: 'BAAA', auth: 'AAAA' } },
    }),
    who: ['anonymous'],
    poisons: READ_BODY,
  },
  {
    method: 'DELETE',
    path: () => '/api/push/subscriptions',
    body: () => ({ endpoint: 'https://push.example/abc' }),
    who: ['anonymous'],
    poisons: READ_BODY,
  },
];
