/**
 * Every page of the app, as data. The router is built from this list and the
 * accessibility tests walk it, so a new page is scanned without anyone
 * remembering to add it. `example` is a concrete URL for pages with parameters.
 */
export interface RouteInfo {
  readonly id: string;
  readonly path: string;
  /** A URL to visit in tests (needed where the path has parameters). */
  readonly example: string;
}

export const ROUTES = [
  { id: 'home', path: '/', example: '/' },
  { id: 'notFound', path: '*404', example: '/no-such-page' },
] as const satisfies readonly RouteInfo[];

export type RouteId = (typeof ROUTES)[number]['id'];
