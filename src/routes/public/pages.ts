/** The public room's pages, by route id (paths.ts): the scorecard, in its own lazily loaded chunk. */
import { lazy } from 'solid-js';
import { loadRoomStrings } from '../../i18n';

export const publicPages = {
  // Its strings come with it (locales/rooms/), not in the citizen's first visit.
  scorecard: lazy(() => Promise.all([import('./Scorecard'), loadRoomStrings()]).then(([page]) => page)),
};
