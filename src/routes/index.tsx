/** Route definitions for the router: one component per entry in paths.ts. */
import { lazy, type Component } from 'solid-js';
import type { RouteDefinition } from './router';
import { ROUTES, type RouteId } from './paths';
import { Home } from './citizen/Home';
import { officerPages } from './officer/pages';

/** Citizen pages after Home: each its own chunk (precached by the service worker, so they open offline). */
const citizen = {
  service: lazy(() => import('./citizen/ServicePage')),
  draft: lazy(() => import('./citizen/DraftPage')),
  requests: lazy(() => import('./citizen/MyRequests')),
  request: lazy(() => import('./citizen/RequestPage')),
  track: lazy(() => import('./citizen/Track')),
  settings: lazy(() => import('./citizen/Settings')),
};

const components: Record<RouteId, Component> = {
  home: Home,
  ...citizen,
  ...officerPages,
  notFound: lazy(() => import('./NotFound')),
};

export const routes: RouteDefinition[] = ROUTES.map((r) => ({ path: r.path, component: components[r.id] }));
