/**
 * Picking a response template for a request: those for the new status and
 * for the request's service (or any service); the text in the person's own
 * language, or the jurisdiction's default language when the template has
 * none (the desk then tells the agent); {tracking} and {due} filled in, the
 * date written in the person's language.
 */
import { createResource, type Resource } from 'solid-js';
import { isLang, type Lang } from '../../../core/lang';
import { fetchTemplates } from '../../../sync/staff/api';
import type { ResponseTemplate, TemplateList } from '../../../sync/staff/schemas';
import { formatDay } from '../../../ui/format';

export function useTemplates(): Resource<TemplateList | undefined> {
  return createResource(async () => {
    const r = await fetchTemplates();
    return r.ok ? r.value : undefined;
  })[0];
}

export function templatesFor(
  list: TemplateList | undefined,
  status: string,
  services: readonly string[],
): ResponseTemplate[] {
  return (list?.templates ?? []).filter(
    (t) => t.status === status && (t.service_code === null || services.every((s) => s === t.service_code)),
  );
}

export interface Worded {
  readonly text: string;
  /** The language the text is in. */
  readonly lang: Lang;
  /** True when the person's language had no text and the default was used. */
  readonly fallback: boolean;
}

export function wordFor(
  t: ResponseTemplate,
  personLang: string,
  defaultLang: Lang,
  values: { tracking: string; due: string },
): Worded {
  const own = isLang(personLang) ? t.texts[personLang] : undefined;
  const lang: Lang = own ? (personLang as Lang) : defaultLang;
  const raw = own ?? t.texts[defaultLang] ?? '';
  const text = raw.replaceAll('{tracking}', values.tracking).replaceAll('{due}', formatDay(values.due, lang));
  return { text, lang, fallback: !own };
}
