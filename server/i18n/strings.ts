/**
 * Every translatable string of one language, flat and keyed, from the two
 * places they live in the repository: the interface (src/i18n/locales/<lang>.json,
 * notes in src/i18n/notes.json) and the service catalog
 * (server/catalog/demo-catalog.json, English at the top of each service and
 * other languages under `i18n`). Catalog keys start with "catalog:" so the two
 * never clash. Used by `civic i18n export/import` and by the readability bench.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../src/core/lang';
import { projectRoot } from '../paths';

export type Tree = { [key: string]: string | Tree };
export const CATALOG_PREFIX = 'catalog:';
/** Keywords are a list in the catalog and one cell in a spreadsheet. */
export const KEYWORD_SEPARATOR = ', ';

export interface Paths {
  readonly locales: string;
  readonly notes: string;
  readonly catalog: string;
  readonly review: string;
}

export function repoPaths(root: string = projectRoot()): Paths {
  return {
    locales: path.join(root, 'src', 'i18n', 'locales'),
    notes: path.join(root, 'src', 'i18n', 'notes.json'),
    catalog: path.join(root, 'server', 'catalog', 'demo-catalog.json'),
    review: path.join(root, 'src', 'i18n', 'review'),
  };
}

export function readJsonFile<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * Sets a leaf of the tree, adding it (and its parents) when missing, as a
 * plural form the language lacked; existing keys keep their order. False when
 * the path runs through a string.
 */
export function setLeaf(tree: Tree, key: string, value: string): boolean {
  const parts = key.split('.');
  const last = parts.pop() ?? '';
  let node: Tree = tree;
  for (const p of parts) {
    const next: Tree | string = (node[p] ??= {});
    if (typeof next === 'string') return false;
    node = next;
  }
  if (typeof node[last] === 'object') return false;
  node[last] = value;
  return true;
}

export function interfaceStrings(paths: Paths, lang: Lang): Map<string, string> {
  return flatten(readJsonFile<Tree>(path.join(paths.locales, `${lang}.json`)));
}

/** Minimal shape of the catalog file: only what carries text. */
export interface CatalogFile {
  services: CatalogService[];
  [other: string]: unknown;
}
interface CatalogAttribute {
  code: string;
  description: string;
  datatype_description: string | null;
  values?: { key: string; name: string }[];
}
interface CatalogService {
  service_code: string;
  service_name: string;
  description: string;
  group: string;
  keywords: string[];
  attributes: CatalogAttribute[];
  i18n: Partial<Record<Lang, ServiceTexts>>;
}
interface ServiceTexts {
  service_name: string;
  description: string;
  group: string;
  keywords: string[];
  attributes: Record<
    string,
    { description: string; datatype_description?: string | null; values?: Record<string, string> }
  >;
}

/** The English texts of a service in the shape of its translations. */
function englishTexts(s: CatalogService): ServiceTexts {
  return {
    service_name: s.service_name,
    description: s.description,
    group: s.group,
    keywords: s.keywords,
    attributes: Object.fromEntries(
      s.attributes.map((a) => [
        a.code,
        {
          description: a.description,
          datatype_description: a.datatype_description,
          ...(a.values ? { values: Object.fromEntries(a.values.map((v) => [v.key, v.name])) } : {}),
        },
      ]),
    ),
  };
}

/**
 * The catalog strings of one language, in the order of the English file. A
 * string the English has and the translation lacks comes back as '' so the
 * export shows it as a gap to fill. A null hint (none in English) is no string.
 */
export function catalogStrings(catalog: CatalogFile, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of catalog.services) {
    const en = englishTexts(s);
    const t = lang === 'en' ? en : s.i18n[lang];
    const at = `${CATALOG_PREFIX}${s.service_code}`;
    out.set(`${at}.service_name`, t?.service_name ?? '');
    out.set(`${at}.description`, t?.description ?? '');
    out.set(`${at}.group`, t?.group ?? '');
    out.set(`${at}.keywords`, (t?.keywords ?? []).join(KEYWORD_SEPARATOR));
    for (const [code, a] of Object.entries(en.attributes)) {
      const ta = t?.attributes[code];
      out.set(`${at}.attributes.${code}.description`, ta?.description ?? '');
      if (a.datatype_description)
        out.set(`${at}.attributes.${code}.datatype_description`, ta?.datatype_description ?? '');
      for (const key of Object.keys(a.values ?? {}))
        out.set(`${at}.attributes.${code}.values.${key}`, ta?.values?.[key] ?? '');
    }
  }
  return out;
}

/**
 * Sets one catalog string of a language (not English: that is the source).
 * False when the key names nothing in the catalog or the service has no
 * translation in that language yet (a translation starts whole, in the file).
 */
export function setCatalogString(catalog: CatalogFile, lang: Lang, key: string, value: string): boolean {
  const [code, field, attr, sub, valueKey] = key.slice(CATALOG_PREFIX.length).split('.');
  const s = catalog.services.find((x) => x.service_code === code);
  const t = s?.i18n[lang];
  if (!s || !t || lang === 'en') return false;
  if (field === 'service_name' || field === 'description' || field === 'group') {
    if (attr !== undefined) return false;
    t[field] = value;
    return true;
  }
  if (field === 'keywords' && attr === undefined) {
    t.keywords = value
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== '');
    return true;
  }
  const a = s.attributes.find((x) => x.code === attr);
  if (field !== 'attributes' || !a || attr === undefined) return false;
  const ta = (t.attributes[attr] ??= { description: a.description });
  if (sub === 'description' && valueKey === undefined) ta.description = value;
  else if (sub === 'datatype_description' && valueKey === undefined && a.datatype_description)
    ta.datatype_description = value;
  else if (sub === 'values' && valueKey !== undefined && a.values?.some((v) => v.key === valueKey))
    (ta.values ??= {})[valueKey] = value;
  else return false;
  return true;
}

/** Translator notes: the interface's from notes.json; the catalog's by the kind of field. */
export function noteFor(notes: Record<string, string>, key: string): string {
  const own = notes[key] ?? notes[key.replace(/_(zero|one|two|few|many|other)$/, '')];
  if (own) return own;
  if (!key.startsWith(CATALOG_PREFIX)) return '';
  if (key.endsWith('.service_name')) return 'Name of a service in the list on the home page. Keep it short.';
  if (key.endsWith('.group')) return 'Heading over a group of services on the home page.';
  if (key.endsWith('.keywords'))
    return 'Words people may search for, separated by commas. Any number; they need not match the English one for one.';
  if (/\.attributes\.[^.]+\.description$/.test(key))
    return 'A question on the form, or a notice shown in it.';
  if (key.endsWith('.datatype_description')) return 'A hint shown under the question.';
  if (key.includes('.values.')) return 'One answer the person can choose.';
  return 'What the service is for, shown under its name.';
}
