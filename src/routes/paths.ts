/**
 * Every page of the app, as data. The router is built from this list and the
 * accessibility tests walk it, so a new page is scanned without anyone
 * remembering to add it. `examples` are concrete URLs, one for each state worth checking.
 */
export interface RouteInfo {
  readonly id: string;
  readonly path: string;
  /**
   * URLs to visit in tests. {draft} and {request} stand for ids the tests make
   * through the app; the unknown id shows the page's "not found" state.
   */
  readonly examples: readonly string[];
  /**
   * Pages that need a signed-in staff member: tests/e2e/staff-a11y.spec.ts
   * walks them with a session ({staffRequest} is a request it files), the
   * citizen walk leaves them out.
   */
  readonly room?: 'staff';
}

/** A well-formed id that no device has: pages with an id show their "not found" state. */
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

export const ROUTES = [
  { id: 'home', path: '/', examples: ['/'] },
  { id: 'service', path: '/services/:code', examples: ['/services/streetlight-out'] },
  {
    id: 'draft',
    path: '/drafts/:id/:step?',
    examples: ['/drafts/{draft}/questions', '/drafts/{draft}/check', `/drafts/${UNKNOWN_ID}/questions`],
  },
  { id: 'requests', path: '/requests', examples: ['/requests'] },
  { id: 'request', path: '/requests/:id', examples: ['/requests/{request}', `/requests/${UNKNOWN_ID}`] },
  { id: 'track', path: '/track', examples: ['/track'] },
  { id: 'settings', path: '/settings', examples: ['/settings'] },
  { id: 'scorecard', path: '/scorecard', examples: ['/scorecard'] },
  { id: 'staffSignIn', path: '/staff/sign-in', examples: ['/staff/sign-in'], room: 'staff' },
  { id: 'staffQueue', path: '/staff', examples: ['/staff', '/staff?tab=all&sort=-submitted'], room: 'staff' },
  {
    id: 'staffRequest',
    path: '/staff/requests/:tracking',
    examples: ['/staff/requests/{staffRequest}', '/staff/requests/CD-22222222'],
    room: 'staff',
  },
  { id: 'staffIntake', path: '/staff/intake', examples: ['/staff/intake'], room: 'staff' },
  { id: 'staffTemplates', path: '/staff/templates', examples: ['/staff/templates'], room: 'staff' },
  // The field officer's room (src/routes/officer): signed in, offline all day.
  { id: 'officer', path: '/officer', examples: ['/officer'] },
  { id: 'officerSignIn', path: '/officer/sign-in', examples: ['/officer/sign-in'] },
  { id: 'officerVisit', path: '/officer/visit', examples: ['/officer/visit'] },
  { id: 'officerFiled', path: '/officer/filed/:id', examples: [`/officer/filed/${UNKNOWN_ID}`] },
  { id: 'officerWork', path: '/officer/work', examples: ['/officer/work'] },
  { id: 'officerWorkItem', path: '/officer/work/:tracking', examples: ['/officer/work/CD-22222222'] },
  { id: 'officerSync', path: '/officer/sync', examples: ['/officer/sync'] },
  {
    id: 'staffDashboard',
    path: '/staff/dashboard',
    examples: ['/staff/dashboard', '/staff/dashboard?period=12-months&segment=area'],
    room: 'staff',
  },
  { id: 'staffKiosks', path: '/staff/kiosks', examples: ['/staff/kiosks'], room: 'staff' },
  { id: 'staffAccessLog', path: '/staff/access-log', examples: ['/staff/access-log'], room: 'staff' },
  // The catalog kept by managers: the list, one service (the demo's pothole) and a new one.
  { id: 'staffCatalog', path: '/staff/catalog', examples: ['/staff/catalog'], room: 'staff' },
  {
    id: 'staffCatalogEdit',
    path: '/staff/catalog/:code',
    examples: ['/staff/catalog/pothole', '/staff/catalog/new'],
    room: 'staff',
  },
  { id: 'notFound', path: '*404', examples: ['/no-such-page'] },
] as const satisfies readonly RouteInfo[];

export type RouteId = (typeof ROUTES)[number]['id'];
