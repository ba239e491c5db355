/** The session cookie's one set of attributes, for sign-in and for an officer's renewal. */
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/sessions';
import { isHttps } from './client';

export function setSessionCookie(c: Context, id: string, expires: Date, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, trustProxy),
    path: '/',
    expires,
  });
}
