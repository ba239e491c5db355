/**
 * Response templates: public messages managers keep per status (and per
 * service, or for any service), with a text in each language of the catalog.
 * The jurisdiction's default language is required, so there is always a text
 * to fall back on for a person whose language has none.
 */
import { z } from 'zod';
import { DEFAULT_LANG, LANGUAGE_CODES, type Lang } from '../../src/core/lang';
import { uuidv7 } from '../../src/core/ids';
import { listServices } from '../catalog/store';
import type { Queryable } from '../db/types';

/** The statuses a public message goes with ('submitted' is the person's own doing). */
export const TEMPLATE_STATUSES = [
  'acknowledged',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const;

export const templateInputSchema = z.strictObject({
  service_code: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .nullable(),
  status: z.enum(TEMPLATE_STATUSES),
  name: z.string().trim().min(1).max(100),
  texts: z.partialRecord(z.enum(LANGUAGE_CODES), z.string().trim().max(4000)),
});
export type TemplateInput = z.output<typeof templateInputSchema>;

export interface Template {
  id: string;
  service_code: string | null;
  status: (typeof TEMPLATE_STATUSES)[number];
  name: string;
  texts: Partial<Record<Lang, string>>;
  updated_at: string;
}

/** The languages the catalog is written in: the default plus every translation any service has. */
export async function catalogLanguages(db: Queryable): Promise<Lang[]> {
  const found = new Set<Lang>([DEFAULT_LANG]);
  for (const s of await listServices(db)) for (const l of Object.keys(s.i18n)) found.add(l as Lang);
  return LANGUAGE_CODES.filter((l) => found.has(l));
}

export type TemplateProblem = { fields: string[] };

/** Checks what zod cannot: the service exists, the default text is there, no language outside the catalog. */
export async function checkTemplate(db: Queryable, t: TemplateInput): Promise<TemplateProblem | undefined> {
  const fields: string[] = [];
  if (t.service_code !== null) {
    const [s] = await db.query('SELECT 1 FROM services WHERE service_code = $1', [t.service_code]);
    if (!s) fields.push('service_code');
  }
  if (!t.texts[DEFAULT_LANG]) fields.push(`texts.${DEFAULT_LANG}`);
  const langs = new Set(await catalogLanguages(db));
  for (const l of Object.keys(t.texts)) if (!langs.has(l as Lang)) fields.push(`texts.${l}`);
  return fields.length ? { fields } : undefined;
}

/** Blank texts are left out: the person then gets the default language's text. */
function cleanTexts(texts: TemplateInput['texts']): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== undefined && v !== ''));
}

interface Row {
  id: string;
  service_code: string | null;
  status: Template['status'];
  name: string;
  texts: Template['texts'];
  updated_at: Date;
}

const COLUMNS = 'id, service_code, status, name, texts, updated_at';
const toTemplate = (r: Row): Template => ({ ...r, updated_at: r.updated_at.toISOString() });

export async function listTemplates(
  db: Queryable,
  filter: { status?: string | undefined; service?: string | undefined } = {},
): Promise<Template[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM response_templates
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR service_code IS NULL OR service_code = $2)
     ORDER BY status, service_code NULLS FIRST, name, id`,
    [filter.status ?? null, filter.service ?? null],
  );
  return rows.map(toTemplate);
}

export async function createTemplate(
  db: Queryable,
  t: TemplateInput,
  userId: string,
  at: Date,
): Promise<Template> {
  const [row] = await db.query<Row>(
    `INSERT INTO response_templates (id, service_code, status, name, texts, created_by, updated_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $7) RETURNING ${COLUMNS}`,
    [uuidv7(), t.service_code, t.status, t.name, JSON.stringify(cleanTexts(t.texts)), userId, at],
  );
  if (!row) throw new Error('insert returned nothing');
  return toTemplate(row);
}

export async function updateTemplate(
  db: Queryable,
  id: string,
  t: TemplateInput,
  userId: string,
  at: Date,
): Promise<Template | undefined> {
  const [row] = await db.query<Row>(
    `UPDATE response_templates SET service_code = $2, status = $3, name = $4, texts = $5, updated_by = $6, updated_at = $7
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, t.service_code, t.status, t.name, JSON.stringify(cleanTexts(t.texts)), userId, at],
  );
  return row ? toTemplate(row) : undefined;
}

export async function deleteTemplate(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM response_templates WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}
