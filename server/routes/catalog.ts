/**
 * GET /api/catalog?lang=xx: the jurisdiction and every active service, with
 * the texts a device needs in one language: the services' own texts (the
 * jurisdiction's default language, the fallback) and the translations into
 * `lang`. A device fetches another language only when its person picks it.
 * Without `lang`, every translation (what apps before this change ask for).
 * A weak ETag per language variant lets a device that has it get a 304 of a
 * few bytes; compression (server/http/wire.ts) adds Vary: Accept-Encoding.
 */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { langSchema, type Lang } from '../../src/core/lang';
import type { Service } from '../../src/core/catalog';
import { getJurisdiction, listServices } from '../catalog/store';
import type { AppEnv, ServerDeps } from '../http/env';
import { readQuery } from '../http/input';

const querySchema = z.strictObject({ lang: z.optional(langSchema) });

/** The service with only the translation into `lang` (none for the default language). */
export function serviceInLanguage(service: Service, lang: Lang): Service {
  const translation = service.i18n[lang];
  return { ...service, i18n: translation ? { [lang]: translation } : {} };
}

export function catalogRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Weak: the same variant is sent gzip, deflate or plain, byte-different but equivalent.
  app.get('/', etag({ weak: true }), async (c) => {
    const { lang } = readQuery(c, querySchema);
    const [jurisdiction, all] = [await getJurisdiction(deps.db), await listServices(deps.db)];
    const services = lang === undefined ? all : all.map((s) => serviceInLanguage(s, lang));
    // Devices revalidate: a changed catalog reaches them on their next connection.
    c.header('Cache-Control', 'no-cache');
    return c.json({ jurisdiction, services });
  });
  return app;
}
