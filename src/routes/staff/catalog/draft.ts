/**
 * The catalog editor's draft: a service as the manager types it (numbers as
 * text, keywords as one line, each text per language, a missing translation
 * left empty) and its conversion to a service definition for the core
 * serviceSchema — the one the server checks again. A translation is made for
 * a language once any of its texts is typed; what it leaves empty falls back
 * to the English, as the catalog does.
 */
import type { Datatype, Service } from '../../../core/catalog';
import { DEFAULT_LANG, LANGUAGE_CODES, type Lang } from '../../../core/lang';

export type Texts = Partial<Record<Lang, string>>;

export interface ValueDraft {
  key: string;
  names: Texts;
}

export interface QuestionDraft {
  /** Stable across reorders, for element ids and Solid's keyed lists. */
  readonly uid: number;
  code: string;
  datatype: Datatype;
  required: boolean;
  /** false: text shown to the person with nothing to answer. */
  variable: boolean;
  question: Texts;
  hint: Texts;
  values: ValueDraft[];
}

export interface ServiceDraft {
  code: string;
  name: Texts;
  description: Texts;
  group: Texts;
  /** Comma-separated, as typed. */
  keywords: Texts;
  groupCode: string;
  icon: Service['icon'];
  level: string;
  publicDetails: boolean;
  questions: QuestionDraft[];
  /** Fields the form does not show, kept as they were. */
  readonly type: Service['type'];
}

let uids = 0;
export const nextUid = (): number => ++uids;

export const isList = (d: Datatype): boolean => d === 'singlevaluelist' || d === 'multivaluelist';

export function emptyQuestion(): QuestionDraft {
  return {
    uid: nextUid(),
    code: '',
    datatype: 'string',
    required: false,
    variable: true,
    question: {},
    hint: {},
    values: [],
  };
}

export function emptyDraft(): ServiceDraft {
  return {
    code: '',
    name: {},
    description: {},
    group: {},
    keywords: {},
    groupCode: '',
    icon: 'other',
    level: '5',
    publicDetails: false,
    questions: [],
    type: 'realtime',
  };
}

/** A translation equal to the English is shown empty: it falls back to the English anyway. */
function texts(en: string, per: (lang: Lang) => string | undefined): Texts {
  const out: Texts = { [DEFAULT_LANG]: en };
  for (const lang of LANGUAGE_CODES) {
    const t = lang === DEFAULT_LANG ? undefined : per(lang);
    if (t !== undefined && t !== en) out[lang] = t;
  }
  return out;
}

export function draftOf(s: Service): ServiceDraft {
  const tr = (lang: Lang) => s.i18n[lang];
  return {
    code: s.service_code,
    name: texts(s.service_name, (l) => tr(l)?.service_name),
    description: texts(s.description, (l) => tr(l)?.description),
    group: texts(s.group, (l) => tr(l)?.group),
    keywords: texts(s.keywords.join(', '), (l) => tr(l)?.keywords.join(', ')),
    groupCode: s.group_code,
    icon: s.icon,
    level: String(s.service_level_days),
    publicDetails: s.public_details ?? false,
    type: s.type,
    questions: [...s.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        uid: nextUid(),
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        variable: a.variable,
        question: texts(a.description, (l) => tr(l)?.attributes[a.code]?.description),
        hint: texts(
          a.datatype_description ?? '',
          (l) => tr(l)?.attributes[a.code]?.datatype_description ?? undefined,
        ),
        values: (a.values ?? []).map((v) => ({
          key: v.key,
          names: texts(v.name, (l) => tr(l)?.attributes[a.code]?.values?.[v.key]),
        })),
      })),
  };
}

const en = (t: Texts): string => (t[DEFAULT_LANG] ?? '').trim();
const typed = (t: Texts, lang: Lang): string | undefined => {
  const v = t[lang]?.trim();
  return v ? v : undefined;
};
const keywordList = (line: string): string[] =>
  line
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
/** Whole days as typed; anything else is NaN, which the schema refuses. */
const days = (text: string): number => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : Number.NaN);

function translation(d: ServiceDraft, lang: Lang): unknown {
  const attributes: Record<string, unknown> = {};
  for (const q of d.questions) {
    const values = Object.fromEntries(
      q.values.flatMap((v) => (typed(v.names, lang) ? [[v.key, typed(v.names, lang)]] : [])),
    );
    const question = typed(q.question, lang);
    const hint = typed(q.hint, lang);
    if (!question && !hint && Object.keys(values).length === 0) continue;
    attributes[q.code] = {
      description: question ?? en(q.question),
      ...(hint ? { datatype_description: hint } : {}),
      ...(Object.keys(values).length > 0 ? { values } : {}),
    };
  }
  const own = [d.name, d.description, d.group, d.keywords].some((t) => typed(t, lang));
  if (!own && Object.keys(attributes).length === 0) return undefined;
  return {
    service_name: typed(d.name, lang) ?? en(d.name),
    description: typed(d.description, lang) ?? en(d.description),
    group: typed(d.group, lang) ?? en(d.group),
    keywords: keywordList(typed(d.keywords, lang) ?? en(d.keywords)),
    attributes,
  };
}

/** The definition to check and send; unchecked (the core serviceSchema judges it). */
export function definitionOf(d: ServiceDraft): unknown {
  const i18n: Record<string, unknown> = {};
  for (const lang of LANGUAGE_CODES) {
    const t = lang === DEFAULT_LANG ? undefined : translation(d, lang);
    if (t) i18n[lang] = t;
  }
  return {
    service_code: d.code.trim(),
    service_name: en(d.name),
    description: en(d.description),
    metadata: d.questions.length > 0,
    type: d.type,
    keywords: keywordList(en(d.keywords)),
    group: en(d.group),
    group_code: d.groupCode.trim(),
    icon: d.icon,
    service_level_days: days(d.level),
    public_details: d.publicDetails,
    attributes: d.questions.map((q, i) => ({
      variable: q.variable,
      code: q.code.trim(),
      datatype: q.datatype,
      required: q.variable && q.required,
      datatype_description: en(q.hint) || null,
      order: i + 1,
      description: en(q.question),
      ...(isList(q.datatype)
        ? { values: q.values.map((v) => ({ key: v.key.trim(), name: en(v.names) })) }
        : {}),
    })),
    i18n,
  };
}
