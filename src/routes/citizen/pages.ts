/**
 * The citizen room's pages, by route id (paths.ts). Home is in the first
 * chunk; every other page is its own chunk, precached by the service worker
 * so it opens offline (vite.config.ts groups the service page and the form).
 */
import { lazy } from 'solid-js';
import { Home } from './Home';

export const citizenPages = {
  home: Home,
  service: lazy(() => import('./ServicePage')),
  draft: lazy(() => import('./DraftPage')),
  requests: lazy(() => import('./MyRequests')),
  request: lazy(() => import('./RequestPage')),
  track: lazy(() => import('./Track')),
  settings: lazy(() => import('./Settings')),
};
