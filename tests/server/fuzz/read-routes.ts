/**
 * The reading routes (GET) with the query parameters each one knows, and
 * the other doors the fuzz knocks on: Open311 paths in every format, the
 * stop link, photo bytes. Reads may be fuzzed with anything in both runs:
 * none of them may change the database (look-up failures and a kiosk's
 * "last seen" excepted, see fuzz.test.ts).
 */
import type { FuzzContext, Who } from './json-routes';

export interface ReadRoute {
  readonly path: (x: FuzzContext, v: string) => string;
  readonly params: readonly string[];
  readonly who: readonly Who[];
}

const STAFF: readonly Who[] = ['agent', 'officer', 'manager', 'admin', 'anonymous', 'forged'];
const ANY: readonly Who[] = ['anonymous', 'kiosk', 'agent', 'forged'];
const plain = (p: string, params: readonly string[] = [], who = ANY): ReadRoute => ({
  path: () => p,
  params,
  who,
});

const OPEN311_PARAMS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'status',
  'start_date',
  'end_date',
  'page',
  'page_size',
  'service_request_id',
  'lang',
  'updated_after',
];
const FORMATS = ['.json', '.xml', '', '.html', '.JSON', '.json.xml'];

export const READ_ROUTES: readonly ReadRoute[] = [
  plain('/api/health'),
  plain('/api/catalog', ['lang']),
  plain('/api/sync/changes', ['since']),
  { path: (x, v) => `/api/requests/${v || x.tracking}`, params: ['token', 'lang'], who: ANY },
  { path: (x) => `/api/requests/${x.tracking}`, params: ['token', 'lang'], who: ANY },
  plain('/api/auth/me', [], STAFF),
  plain('/api/kiosk/settings', [], ['kiosk', 'anonymous', 'forged', 'admin']),
  plain('/api/officer/session', [], STAFF),
  plain('/api/officer/work', [], STAFF),
  plain('/api/push/key'),
  plain('/api/public/scorecard', ['period', 'from', 'to', 'service', 'group', 'lang', 'month'], ANY),
  plain(
    '/api/staff/requests',
    [
      'status',
      'open',
      'service',
      'group',
      'channel',
      'language',
      'q',
      'overdue',
      'due_soon',
      'assigned',
      'sort',
      'page',
      'per_page',
    ],
    STAFF,
  ),
  plain('/api/staff/requests/counts', ['service', 'group', 'channel', 'language', 'q'], STAFF),
  { path: (x, v) => `/api/staff/requests/${v || x.tracking}`, params: [], who: STAFF },
  plain('/api/staff/templates', ['status', 'service'], STAFF),
  plain('/api/staff/users', [], STAFF),
  plain('/api/staff/stats', ['from', 'to', 'service', 'group'], STAFF),
  plain('/api/staff/notifications', ['status', 'page', 'channel'], STAFF),
  plain('/api/staff/kiosks', [], STAFF),
  plain('/api/staff/access-log', ['page', 'per_page'], STAFF),
  plain('/api/staff/dashboard', ['from', 'to', 'service', 'group', 'channel', 'segment', 'period'], STAFF),
  { path: (x, v) => `/api/attachments/${v || x.sha256}`, params: [], who: STAFF },
  { path: (_x, v) => `/api/${v}`, params: [], who: ANY },
  { path: (x, v) => `/stop/${x.tracking}/${v}`, params: [], who: ANY },
  ...['discovery', 'services', 'requests', 'servicerequestupdates'].flatMap((r) =>
    FORMATS.map((f) => plain(`/open311/v2/${r}${f}`, OPEN311_PARAMS)),
  ),
  { path: (_x, v) => `/open311/v2/services/${v || 'pothole'}.json`, params: OPEN311_PARAMS, who: ANY },
  { path: (x, v) => `/open311/v2/requests/${v || x.tracking}.xml`, params: OPEN311_PARAMS, who: ANY },
  { path: (_x, v) => `/open311/v2/tokens/${v}.json`, params: OPEN311_PARAMS, who: ANY },
  { path: (_x, v) => `/open311/v2${v}.xml`, params: OPEN311_PARAMS, who: ANY },
];
