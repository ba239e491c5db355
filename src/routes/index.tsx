/** Route definitions for the router: one component per entry in paths.ts. */
import { lazy, type Component } from 'solid-js';
import type { RouteDefinition } from './router';
import { ROUTES, type RouteId } from './paths';
import { Home } from './citizen/Home';

/** Citizen pages after Home: each its own chunk (precached by the service worker, so they open offline). */
const citizen = {
  service: lazy(() => import('./citizen/ServicePage')),
  draft: lazy(() => import('./citizen/DraftPage')),
  requests: lazy(() => import('./citizen/MyRequests')),
  request: lazy(() => import('./citizen/RequestPage')),
  track: lazy(() => import('./citizen/Track')),
  settings: lazy(() => import('./citizen/Settings')),
};

/** The staff desk: chunks of their own under assets/staff/, never precached, never fetched by a citizen. */
const staff = {
  staffSignIn: lazy(() => import('./staff/SignIn')),
  staffQueue: lazy(() => import('./staff/Queue')),
  staffRequest: lazy(() => import('./staff/RequestDesk')),
  staffIntake: lazy(() => import('./staff/Intake')),
  staffTemplates: lazy(() => import('./staff/Templates')),
};

const components: Record<RouteId, Component> = {
  home: Home,
  ...citizen,
  ...staff,
  notFound: lazy(() => import('./NotFound')),
};

export const routes: RouteDefinition[] = ROUTES.map((r) => ({ path: r.path, component: components[r.id] }));
