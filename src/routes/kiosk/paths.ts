/**
 * The kiosk room's pages, as data: its router is built from this list and the
 * kiosk specs walk it. Everything lives under /kiosk; any other address under
 * it shows the welcome screen, so nothing leads out of the room.
 */
export const KIOSK_HOME = '/kiosk';

export const KIOSK_ROUTES = [
  { id: 'welcome', path: '/kiosk' },
  { id: 'enrol', path: '/kiosk/enrol' },
  { id: 'form', path: '/kiosk/form/:id/:step?' },
  { id: 'receipt', path: '/kiosk/receipt' },
  { id: 'other', path: '/kiosk/*rest' },
] as const;

export type KioskRouteId = (typeof KIOSK_ROUTES)[number]['id'];

export const formBase = (draftId: string): string => `/kiosk/form/${draftId}`;
export const RECEIPT_PATH = '/kiosk/receipt';

/** Whether an address belongs to the kiosk room (main.tsx starts the room for it). */
export function isKioskPath(pathname: string): boolean {
  return /^\/kiosk(\/|$)/i.test(pathname);
}
