/**
 * Checks the demo catalog shipped with the server: it must parse, cover every
 * attribute datatype, and carry a complete translation into every language.
 */
import { describe, expect, it } from 'vitest';
import raw from '../../server/catalog/demo-catalog.json';
import { DATATYPES, ICONS, catalogSchema, localizeService } from '../../src/core/catalog';
import { LANGUAGE_CODES, type Lang } from '../../src/core/lang';

const catalog = catalogSchema.parse(raw);
const { services } = catalog;
const OTHER_LANGS = LANGUAGE_CODES.filter((l): l is Exclude<Lang, 'en'> => l !== 'en');
const attributes = services.flatMap((s) => s.attributes);

describe('demo catalog shape', () => {
  it('parses with catalogSchema', () => {
    expect(catalogSchema.safeParse(raw).success).toBe(true);
  });

  it('describes a jurisdiction with a calendar', () => {
    const { jurisdiction } = catalog;
    expect(jurisdiction.name).not.toBe('');
    expect(jurisdiction.calendar.working_days).toEqual([1, 2, 3, 4, 5]);
    const years = new Set(jurisdiction.calendar.holidays.map((d) => d.slice(0, 4)));
    expect(years).toEqual(new Set(['2026', '2027']));
    for (const d of jurisdiction.calendar.holidays) expect(Number.isNaN(Date.parse(d))).toBe(false);
    expect(new Set(jurisdiction.calendar.holidays).size).toBe(jurisdiction.calendar.holidays.length);
  });

  it('has at least 12 services in at least 4 groups, with unique codes', () => {
    expect(services.length).toBeGreaterThanOrEqual(12);
    expect(new Set(services.map((s) => s.group_code)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(services.map((s) => s.service_code)).size).toBe(services.length);
    for (const s of services) expect(s.service_code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives each service an icon, a service level, keywords and 1 to 5 attributes', () => {
    for (const s of services) {
      expect(ICONS).toContain(s.icon);
      expect(s.service_level_days).toBeGreaterThan(0);
      expect(s.keywords.length).toBeGreaterThanOrEqual(3);
      expect(s.attributes.length).toBeGreaterThanOrEqual(1);
      expect(s.attributes.length).toBeLessThanOrEqual(5);
      expect(s.metadata).toBe(true);
    }
  });

  it('uses one English group name per group code', () => {
    const names = new Map<string, Set<string>>();
    for (const s of services) names.set(s.group_code, (names.get(s.group_code) ?? new Set()).add(s.group));
    for (const set of names.values()) expect(set.size).toBe(1);
  });

  it('orders attributes ascending from 1', () => {
    for (const s of services)
      expect(s.attributes.map((a) => a.order)).toEqual(s.attributes.map((_, i) => i + 1));
  });

  it('uses every datatype, required and optional, and display-only attributes', () => {
    const used = new Set(attributes.filter((a) => a.variable).map((a) => a.datatype));
    for (const d of DATATYPES) expect(used).toContain(d);
    expect(attributes.some((a) => a.variable && a.required)).toBe(true);
    expect(attributes.some((a) => a.variable && !a.required)).toBe(true);
    const displayOnly = attributes.filter((a) => !a.variable);
    expect(displayOnly.length).toBeGreaterThanOrEqual(2);
    for (const a of displayOnly) {
      expect(a.required).toBe(false);
      expect(a.values).toBeUndefined();
    }
  });

  it('gives list attributes short lowercase value keys, and only lists have values', () => {
    for (const a of attributes) {
      const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
      if (!isList) {
        expect(a.values).toBeUndefined();
        continue;
      }
      const keys = (a.values ?? []).map((v) => v.key);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(k).toMatch(/^[a-z][a-z_]{0,15}$/);
    }
  });

  it('asks the streetlight questions the brief requires', () => {
    const s = services.find((x) => x.icon === 'streetlight');
    expect(s).toBeDefined();
    const attrs = s?.attributes ?? [];
    expect(attrs.some((a) => a.datatype === 'number')).toBe(true);
    const problem = attrs.find((a) => a.datatype === 'singlevaluelist');
    expect(problem?.values?.length).toBeGreaterThanOrEqual(4);
    expect(attrs.some((a) => a.datatype === 'multivaluelist' && !a.required)).toBe(true);
    expect(attrs.some((a) => a.datatype === 'datetime' && !a.required)).toBe(true);
  });
});

describe('demo catalog translations', () => {
  it('translates every service into every non-English language', () => {
    for (const s of services) {
      expect(Object.keys(s.i18n).sort()).toEqual([...OTHER_LANGS].sort());
    }
  });

  it('translates every attribute, hint and value key', () => {
    for (const s of services) {
      for (const lang of OTHER_LANGS) {
        const t = s.i18n[lang];
        expect(t, `${s.service_code} ${lang}`).toBeDefined();
        if (!t) continue;
        expect(t.keywords.length, `${s.service_code} ${lang} keywords`).toBeGreaterThanOrEqual(3);
        expect(Object.keys(t.attributes).sort()).toEqual(s.attributes.map((a) => a.code).sort());
        for (const a of s.attributes) {
          const at = t.attributes[a.code];
          const where = `${s.service_code} ${lang} ${a.code}`;
          expect(at, where).toBeDefined();
          if (!at) continue;
          expect(at.datatype_description === null, where).toBe(a.datatype_description === null);
          expect(at.datatype_description === undefined, where).toBe(false);
          const keys = (a.values ?? []).map((v) => v.key).sort();
          expect(Object.keys(at.values ?? {}).sort(), where).toEqual(keys);
        }
      }
    }
  });

  it('never leaves a name, description, hint or value in English', () => {
    for (const s of services) {
      for (const lang of OTHER_LANGS) {
        const t = s.i18n[lang];
        if (!t) continue;
        const where = `${s.service_code} ${lang}`;
        expect(t.service_name, where).not.toBe(s.service_name);
        expect(t.description, where).not.toBe(s.description);
        expect(t.group, where).not.toBe(s.group);
        for (const a of s.attributes) {
          const at = t.attributes[a.code];
          expect(at?.description, `${where} ${a.code}`).not.toBe(a.description);
          if (a.datatype_description !== null)
            expect(at?.datatype_description, `${where} ${a.code}`).not.toBe(a.datatype_description);
          for (const v of a.values ?? [])
            expect(at?.values?.[v.key], `${where} ${a.code}.${v.key}`).not.toBe(v.name);
        }
      }
    }
  });

  it('uses one group name per group code in each language', () => {
    for (const lang of OTHER_LANGS) {
      const names = new Map<string, Set<string>>();
      for (const s of services) {
        const g = s.i18n[lang]?.group ?? '';
        names.set(s.group_code, (names.get(s.group_code) ?? new Set()).add(g));
      }
      for (const [code, set] of names) expect(set.size, `${lang} ${code}`).toBe(1);
      // Different groups keep different names.
      const all = [...names.values()].map((set) => [...set][0]);
      expect(new Set(all).size, lang).toBe(all.length);
    }
  });

  it('writes each language in its own script and letters', () => {
    const texts = (lang: Exclude<Lang, 'en'>) =>
      services.flatMap((s) => {
        const t = s.i18n[lang];
        return t ? [t.service_name, t.description] : [];
      });
    for (const text of texts('ar')) expect(text).toMatch(/[\u0600-\u06FF]/);
    // Yoruba carries tone marks or under-dots in every name and description.
    for (const text of texts('yo')) expect(text.normalize('NFD')).toMatch(/[\u0300\u0301\u0323]/);
    // Hausa uses its hooked letters somewhere across the catalog.
    expect(texts('ha').join(' ')).toMatch(/[ɓɗƙ]/);
    // Texts are stored in NFC so search and comparison behave.
    for (const lang of OTHER_LANGS) for (const text of texts(lang)) expect(text).toBe(text.normalize('NFC'));
  });

  it('localizes every service without falling back to English', () => {
    for (const s of services) {
      for (const lang of OTHER_LANGS) {
        const l = localizeService(s, lang);
        expect(l.service_name).toBe(s.i18n[lang]?.service_name);
        l.attributes.forEach((a, i) => {
          expect(a.description).not.toBe(s.attributes[i]?.description);
          (a.values ?? []).forEach((v, j) => expect(v.name).not.toBe(s.attributes[i]?.values?.[j]?.name));
        });
      }
    }
  });
});
