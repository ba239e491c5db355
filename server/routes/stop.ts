/**
 * The one-click stop behind every message: GET /stop/{tracking}/{key} shows
 * a small page in the person's language with one button; POST (that button,
 * or a mail program's RFC 8058 one-click "List-Unsubscribe=One-Click")
 * stops every message about that request. GET changes nothing, because mail
 * scanners open links. Outside /api: it answers HTML, and the mail
 * program's POST is a form body, not JSON; the key is what authorises it.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { languageDir } from '../../src/core/lang';
import { normalizeTracking } from '../../src/core/tracking';
import type { AppEnv, ServerDeps } from '../http/env';
import { messagesFor } from '../notify/locales';
import { findStopTarget, stopMessages, type StopTarget } from '../notify/stop';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(c: Context, lang: string, title: string, body: string, status: 200 | 404 = 200) {
  const { lang: code } = messagesFor(lang);
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="${code}" dir="${languageDir(code)}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
      `<title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    status,
  );
}

export function stopRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const target = async (c: Context): Promise<StopTarget | undefined> => {
    const tracking = normalizeTracking(c.req.param('tracking') ?? '');
    const key = c.req.param('key') ?? '';
    if (!tracking || !/^[A-Za-z0-9_-]{22}$/.test(key)) return undefined;
    return findStopTarget(deps.db, deps.secret, tracking, key);
  };
  const invalid = (c: Context) => {
    const { t } = messagesFor('en');
    return page(c, 'en', t('stopPage.title'), `<p>${escapeHtml(t('stopPage.invalid'))}</p>`, 404);
  };
  const done = (c: Context, r: StopTarget) => {
    const { t } = messagesFor(r.language);
    return page(
      c,
      r.language,
      t('stopPage.title'),
      `<p>${escapeHtml(t('stopPage.done', { tracking: r.tracking }))}</p>`,
    );
  };

  app.get('/:tracking/:key', async (c) => {
    const r = await target(c);
    if (!r) return invalid(c);
    if (r.stopped) return done(c, r);
    const { t } = messagesFor(r.language);
    return page(
      c,
      r.language,
      t('stopPage.title'),
      `<p>${escapeHtml(t('stopPage.question', { tracking: r.tracking }))}</p>` +
        `<p>${escapeHtml(t('stopPage.explain'))}</p>` +
        `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
        `<button type="submit">${escapeHtml(t('stopPage.button'))}</button></form>`,
    );
  });
  app.post('/:tracking/:key', bodyLimit({ maxSize: 1024 }), async (c) => {
    const r = await target(c);
    if (!r) return invalid(c);
    await stopMessages(deps.db, r.id, deps.now());
    return done(c, r);
  });
  return app;
}
