/**
 * The service catalog: Open311 GeoReport v2 services and service definitions,
 * extended with a service level, an icon, a group, and translations of every
 * name, description and value. Also the jurisdiction's settings.
 */
import { z } from 'zod/mini';
import { LANGUAGE_CODES, type Lang } from './lang';

export const DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export const datatypeSchema = z.enum(DATATYPES);
export type Datatype = z.infer<typeof datatypeSchema>;

const code = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

export const attributeValueSchema = z.strictObject({
  key: code,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const attributeSchema = z.strictObject({
  /** false: display-only text, nothing to answer (Open311 `variable`). */
  variable: z.boolean(),
  code,
  datatype: datatypeSchema,
  required: z.boolean(),
  /** The hint shown under the question. */
  datatype_description: z.nullable(z.string().check(z.maxLength(500))),
  order: z.number().check(z.int(), z.gte(0)),
  /** The question itself (Open311 calls it description). */
  description: z.string().check(z.minLength(1), z.maxLength(500)),
  values: z.optional(z.array(attributeValueSchema)),
  /**
   * The catalog version since which a required question is required (absent: always). A draft
   * begun on an older version was never asked it, so it does not block that draft (validate.ts).
   * Set by the server when a manager saves; not typed by anyone.
   */
  required_since: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type Attribute = z.infer<typeof attributeSchema>;

export const attributeTranslationSchema = z.strictObject({
  description: z.string().check(z.minLength(1)),
  datatype_description: z.optional(z.nullable(z.string())),
  values: z.optional(z.record(z.string(), z.string().check(z.minLength(1)))),
});

export const serviceTranslationSchema = z.strictObject({
  service_name: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
  group: z.string().check(z.minLength(1)),
  keywords: z.array(z.string().check(z.minLength(1))),
  attributes: z.record(z.string(), attributeTranslationSchema),
});
export type ServiceTranslation = z.infer<typeof serviceTranslationSchema>;

export const ICONS = [
  'streetlight',
  'pothole',
  'bin',
  'dumping',
  'drain',
  'tree',
  'water',
  'noise',
  'stall',
  'business',
  'certificate',
  'assistance',
  'other',
] as const;
export const iconSchema = z.enum(ICONS);

export const serviceSchema = z
  .strictObject({
    service_code: code,
    /** English texts; other languages in `i18n`. */
    service_name: z.string().check(z.minLength(1), z.maxLength(200)),
    description: z.string().check(z.minLength(1), z.maxLength(1000)),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.array(z.string().check(z.minLength(1))),
    group: z.string().check(z.minLength(1), z.maxLength(100)),
    /** Stable group key (English group names can change wording). */
    group_code: code,
    icon: iconSchema,
    /** Target in working days from submission to resolution. */
    service_level_days: z.number().check(z.int(), z.gte(1), z.lte(365)),
    /**
     * Whether the description and location of its requests are public (Open311 GET requests
     * shows them without an api_key): yes for street problems, no where a request is about a
     * person (permits, certificates, assistance). Absent means no. Contact details are never public.
     */
    public_details: z.optional(z.boolean()),
    /** Its definition's version: 1 as seeded, one more with each manager's save (absent: 1). */
    version: z.optional(z.number().check(z.int(), z.gte(1))),
    attributes: z.array(attributeSchema),
    i18n: z.partialRecord(z.enum(LANGUAGE_CODES), serviceTranslationSchema),
  })
  .check(
    z.superRefine((s, ctx) => {
      // Each issue names its field, so an editor can show it there.
      const codes = new Set<string>();
      s.attributes.forEach((a, i) => {
        const issue = (message: string, field: string) =>
          ctx.addIssue({ code: 'custom', message, path: ['attributes', i, field] });
        if (codes.has(a.code)) issue('duplicate_code', 'code');
        codes.add(a.code);
        const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
        if (isList && a.variable && (a.values?.length ?? 0) === 0) issue('needs_values', 'values');
        if (new Set(a.values?.map((v) => v.key)).size !== (a.values?.length ?? 0))
          issue('duplicate_value', 'values');
      });
    }),
  );
export type Service = z.infer<typeof serviceSchema>;

export const calendarSchema = z.strictObject({
  /** IANA time zone, for example Africa/Lagos. */
  time_zone: z.string().check(z.minLength(1)),
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  working_days: z.array(z.number().check(z.int(), z.gte(1), z.lte(7))).check(z.minLength(1)),
  /** Public holidays as local dates YYYY-MM-DD. */
  holidays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const jurisdictionSchema = z.strictObject({
  jurisdiction_id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  calendar: calendarSchema,
  map_centre: z.strictObject({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    long: z.number().check(z.gte(-180), z.lte(180)),
  }),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const catalogSchema = z.strictObject({
  jurisdiction: jurisdictionSchema,
  services: z.array(serviceSchema).check(z.minLength(1)),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** A service's texts in one language, falling back to English where a translation is missing. */
export function localizeService(service: Service, lang: Lang): Service {
  const t = service.i18n[lang];
  if (!t) return service;
  return {
    ...service,
    service_name: t.service_name,
    description: t.description,
    group: t.group,
    keywords: t.keywords,
    attributes: service.attributes.map((a) => {
      const at = t.attributes[a.code];
      if (!at) return a;
      const values = a.values?.map((v) => ({ key: v.key, name: at.values?.[v.key] ?? v.name }));
      return {
        ...a,
        description: at.description,
        datatype_description:
          at.datatype_description === undefined ? a.datatype_description : at.datatype_description,
        ...(values ? { values } : {}),
      };
    }),
  };
}
