/**
 * Route definitions for the router: one component per entry in paths.ts,
 * taken from each room's page table (citizen/pages.ts; staff, officer, kiosk
 * and public add theirs beside it, each loaded lazily in its own chunks).
 */
import { lazy, type Component } from 'solid-js';
import type { RouteDefinition } from './router';
import { ROUTES, type RouteId } from './paths';
import { citizenPages } from './citizen/pages';
import { officerPages } from './officer/pages';
import { publicPages } from './public/pages';

/** The staff desk: chunks of their own under assets/staff/, never precached, never fetched by a citizen. */
const staff = {
  staffSignIn: lazy(() => import('./staff/SignIn')),
  staffQueue: lazy(() => import('./staff/Queue')),
  staffRequest: lazy(() => import('./staff/RequestDesk')),
  staffIntake: lazy(() => import('./staff/Intake')),
  staffTemplates: lazy(() => import('./staff/Templates')),
  staffDashboard: lazy(() => import('./staff/Dashboard')),
  staffKiosks: lazy(() => import('./staff/Kiosks')),
  staffAccessLog: lazy(() => import('./staff/AccessLog')),
  // The catalog's pages and editor: a chunk of their own inside assets/staff/ (vite.config.ts).
  staffCatalog: lazy(() => import('./staff/CatalogList')),
  staffCatalogEdit: lazy(() => import('./staff/CatalogEdit')),
};

const components: Record<RouteId, Component> = {
  ...citizenPages,
  ...publicPages,
  ...staff,
  ...officerPages,
  notFound: lazy(() => import('./NotFound')),
};

export const routes: RouteDefinition[] = ROUTES.map((r) => ({ path: r.path, component: components[r.id] }));
