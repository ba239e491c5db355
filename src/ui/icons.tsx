/**
 * Simple line icons drawn inline (no extra request, no icon font), in the
 * text colour so they follow forced colours. Every icon is decorative: the
 * text beside it carries the meaning, so it is hidden from screen readers.
 * None points left or right, so nothing needs mirroring in Arabic.
 */
import { For } from 'solid-js';
import type { ICONS } from '../core/catalog';

const CIRCLE = 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z';

const PATHS = {
  // Service icons (core/catalog ICONS).
  streetlight: ['M9 21h6', 'M12 21V7a4 4 0 0 1 4-4h2', 'M15 3h6v3h-6z', 'M16 9v2', 'M20 9v2'],
  pothole: [
    'M3 21 7 3',
    'M21 21 17 3',
    'M12 3v3',
    'M12 9v2',
    'M7 17c0-1.5 2.2-2.5 5-2.5s5 1 5 2.5-2.2 2.5-5 2.5-5-1-5-2.5z',
  ],
  bin: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 14h10l1-14', 'M10 11v6', 'M14 11v6'],
  dumping: ['M7 9h10l2 12H5z', 'M10 9V6a2 2 0 0 1 4 0v3', 'M2 21h20'],
  drain: ['M4 4h16v16H4z', 'M8 4v16', 'M12 4v16', 'M16 4v16'],
  tree: ['M12 22v-8', 'M9 22h6', 'M12 2a6 6 0 0 1 6 6c0 3.3-2.7 6-6 6s-6-2.7-6-6a6 6 0 0 1 6-6z'],
  water: ['M12 3c-3 4.5-6 8-6 11a6 6 0 0 0 12 0c0-3-3-6.5-6-11z'],
  noise: ['M4 9v6h4l5 4V5L8 9z', 'M16 9a4 4 0 0 1 0 6', 'M19 6a8 8 0 0 1 0 12'],
  stall: ['M3 9l2-5h14l2 5z', 'M5 12v9h14v-9', 'M10 21v-5h4v5'],
  business: ['M3 8h18v12H3z', 'M8 8V5h8v3', 'M3 13h18'],
  certificate: ['M6 3h9l4 4v14H6z', 'M15 3v4h4', 'M9 11h7', 'M9 15h4'],
  assistance: ['M12 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 22v-2a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v2'],
  other: [CIRCLE, 'M8 12h.01', 'M12 12h.01', 'M16 12h.01'],
  // Statuses.
  waiting: [CIRCLE, 'M12 7v5l3 2'],
  sent: ['M12 15V3', 'M7 8l5-5 5 5', 'M4 15v5h16v-5'],
  acknowledged: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  in_progress: ['M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z'],
  resolved: [CIRCLE, 'M8 12l3 3 5-6'],
  closed: ['M5 11h14v10H5z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  rejected: [CIRCLE, 'M9 9l6 6', 'M15 9l-6 6'],
  duplicate: ['M8 8h12v12H8z', 'M4 16V4h12'],
  returned: ['M12 3l10 18H2z', 'M12 10v4', 'M12 17h.01'],
  // Actions.
  listen: ['M4 9v6h4l5 4V5L8 9z', 'M16 9a4 4 0 0 1 0 6'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-5-5'],
  location: ['M12 22s7-7 7-12a7 7 0 0 0-14 0c0 5 7 12 7 12z', 'M12 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4z'],
  camera: ['M3 7h4l2-3h6l2 3h4v13H3z', 'M12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z'],
  gallery: ['M3 4h18v16H3z', 'M3 16l5-5 5 5', 'M13 14l3-3 5 5', 'M15 8h.01'],
  copy: ['M8 8h12v12H8z', 'M4 16V4h12'],
  menu: ['M4 6h16', 'M4 12h16', 'M4 18h16'],
  language: [
    CIRCLE,
    'M3 12h18',
    'M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z',
  ],
  share: [
    'M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
    'M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
    'M18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
    'M8.6 13.5l6.8 4',
    'M15.4 6.5l-6.8 4',
  ],
} as const satisfies Record<(typeof ICONS)[number], readonly string[]> & Record<string, readonly string[]>;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg
      class={props.class ? `icon ${props.class}` : 'icon'}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <For each={PATHS[props.name]}>{(d) => <path d={d} />}</For>
    </svg>
  );
}
