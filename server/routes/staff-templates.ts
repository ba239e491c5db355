/**
 * Response templates: every staff member reads them (to pick one for a public
 * message); managers and admins keep them (POST, PUT, DELETE). Bodies are
 * checked by zod, then against the catalog (service, languages).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DEFAULT_LANG } from '../../src/core/lang';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { readJson, readQuery } from '../http/input';
import { requireStaff, staffOf } from '../http/session';
import {
  catalogLanguages,
  checkTemplate,
  createTemplate,
  deleteTemplate,
  listTemplates,
  TEMPLATE_STATUSES,
  updateTemplate,
  templateInputSchema,
  type TemplateInput,
} from '../templates/store';

const listQuery = z.strictObject({
  status: z.enum(TEMPLATE_STATUSES).optional(),
  service: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

function idParam(raw: string | undefined): string {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw httpError(404, 'not_found');
  return parsed.data;
}

export function staffTemplateRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const read = async (c: Parameters<typeof readJson>[0]): Promise<TemplateInput> => {
    const input = await readJson(c, templateInputSchema);
    const problem = await checkTemplate(deps.db, input);
    if (problem) throw httpError(422, 'invalid', problem);
    return input;
  };
  app.get('/', requireStaff(), async (c) => {
    const q = readQuery(c, listQuery);
    c.header('Cache-Control', 'no-store');
    return c.json({
      templates: await listTemplates(deps.db, q),
      languages: await catalogLanguages(deps.db),
      default_language: DEFAULT_LANG,
    });
  });
  const keep = [requireStaff('templates'), bodyLimit({ maxSize: 64 * 1024 })] as const;
  app.post('/', ...keep, async (c) => {
    const input = await read(c);
    return c.json({ template: await createTemplate(deps.db, input, staffOf(c).id, deps.now()) }, 201);
  });
  app.put('/:id', ...keep, async (c) => {
    const id = idParam(c.req.param('id'));
    const input = await read(c);
    const t = await updateTemplate(deps.db, id, input, staffOf(c).id, deps.now());
    if (!t) throw httpError(404, 'not_found');
    return c.json({ template: t });
  });
  app.delete('/:id', requireStaff('templates'), async (c) => {
    if (!(await deleteTemplate(deps.db, idParam(c.req.param('id'))))) throw httpError(404, 'not_found');
    return c.json({ ok: true });
  });
  return app;
}
