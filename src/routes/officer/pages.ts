/**
 * The officer room's pages, by route id (paths.ts). All of them, their
 * sync and their database are one lazily loaded chunk (vite.config.ts),
 * never precached, so a citizen's phone never downloads them; opening any
 * officer page caches the whole room for the day offline. One dynamic
 * import for all of them keeps the citizen's first chunk small.
 */
import { lazy, type Component } from 'solid-js';
import type * as RoomModule from './room';

type Room = typeof RoomModule;
const room = (): Promise<Room> => import('./room');
const page = (name: keyof Room) =>
  lazy(async (): Promise<{ default: Component }> => ({ default: (await room())[name] }));

export const officerPages = {
  officer: page('Home'),
  officerSignIn: page('SignInPage'),
  officerVisit: page('VisitPage'),
  officerFiled: page('FiledPage'),
  officerWork: page('WorkPage'),
  officerWorkItem: page('WorkItemPage'),
  officerSync: page('SyncPage'),
};
