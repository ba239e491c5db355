/**
 * The kiosk's device credential travels as an HttpOnly cookie (see
 * server/README.md, "Kiosks"): the browser sends it with every /api call from
 * the page and from the service worker, no script on the kiosk can read it,
 * and wiping the kiosk's storage after each person leaves it in place.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isHttps } from '../http/client';
import type { AppEnv, ServerDeps } from '../http/env';
import { findKioskByCredential, markKioskSeen } from './store';

export const KIOSK_COOKIE = 'civic_kiosk';
/** Browsers cap a cookie's life at 400 days; each settings call starts the period again. */
const MAX_AGE_S = 400 * 86_400;

export function setKioskCookie(c: Context, credential: string, trustProxy: boolean): void {
  setCookie(c, KIOSK_COOKIE, credential, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, trustProxy),
    path: '/api',
    maxAge: MAX_AGE_S,
  });
}

export function kioskCredential(c: Context): string | undefined {
  return getCookie(c, KIOSK_COOKIE);
}

/** Sets `kiosk` to the kiosk behind the cookie (revoked ones included), or null, and notes it was seen. */
export const loadKiosk =
  (deps: ServerDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const credential = kioskCredential(c);
    const kiosk = credential ? ((await findKioskByCredential(deps.db, credential)) ?? null) : null;
    // Last seen, for the desk's kiosk page: any call the device makes counts.
    if (kiosk && !kiosk.revoked_at) await markKioskSeen(deps.db, kiosk.id, deps.now());
    c.set('kiosk', kiosk);
    await next();
  };
