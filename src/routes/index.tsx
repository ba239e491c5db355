/** Route definitions for the router: one component per entry in paths.ts. */
import { lazy, type Component } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { ROUTES, type RouteId } from './paths';
import { Home } from './citizen/Home';

const components: Record<RouteId, Component> = {
  home: Home,
  notFound: lazy(() => import('./NotFound')),
};

export const routes: RouteDefinition[] = ROUTES.map((r) => ({ path: r.path, component: components[r.id] }));
