/** The public room's pages, by route id (paths.ts): the scorecard, in its own lazily loaded chunk. */
import { lazy } from 'solid-js';

export const publicPages = {
  scorecard: lazy(() => import('./Scorecard')),
};
