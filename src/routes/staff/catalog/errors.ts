/**
 * Where a problem with a definition is shown: a path of the core
 * serviceSchema (checked in the page first) or of the server's `fields`
 * becomes the id of the field it belongs to and the desk's words for it.
 */
import type { StaffKey } from '../i18n';
import type { ServiceDraft } from './draft';

export type FieldErrors = Record<string, StaffKey>;

const TOP: Record<string, [string, StaffKey]> = {
  service_code: ['catalog-code', 'catalog.errors.code'],
  service_name: ['catalog-name', 'catalog.errors.name'],
  description: ['catalog-description', 'catalog.errors.description'],
  group: ['catalog-group', 'catalog.errors.group'],
  group_code: ['catalog-group-code', 'catalog.errors.code'],
  keywords: ['catalog-keywords', 'catalog.errors.keywords'],
  icon: ['catalog-icon', 'catalog.errors.invalid'],
  service_level_days: ['catalog-level', 'catalog.errors.level'],
};

const QUESTION: Record<string, [string, StaffKey]> = {
  code: ['code', 'catalog.errors.code'],
  description: ['question', 'catalog.errors.question'],
  datatype_description: ['hint', 'catalog.errors.hint'],
  datatype: ['type', 'catalog.errors.invalid'],
  values: ['values', 'catalog.errors.needsValues'],
};

const MESSAGES: Record<string, StaffKey> = {
  duplicate_code: 'catalog.errors.duplicateCode',
  needs_values: 'catalog.errors.needsValues',
  duplicate_value: 'catalog.errors.duplicateValue',
};

/** [field id, message] for one path ('attributes.2.values.0.name'), or undefined when none fits. */
export function errorAt(
  d: ServiceDraft,
  path: readonly (string | number)[],
  message?: string,
): [string, StaffKey] | undefined {
  const [head, second, third, fourth, fifth] = path.map(String);
  // A translation's field: shown at the same field (it falls back to the English typed there).
  if (head === 'i18n') {
    if (third !== 'attributes') return errorAt(d, path.slice(2), message);
    const index = d.questions.findIndex((q) => q.code.trim() === fourth);
    return errorAt(d, ['attributes', index, ...path.slice(4)], message);
  }
  if (head !== 'attributes') return head ? TOP[head] : undefined;
  const q = d.questions[Number(second)];
  if (!q) return undefined;
  const at = (part: string) => `q${q.uid}-${part}`;
  if (third === 'values' && fourth !== undefined)
    return [
      at(`v${fourth}-${fifth === 'name' ? 'name' : 'key'}`),
      fifth === 'name' ? 'catalog.errors.valueName' : 'catalog.errors.code',
    ];
  const hit = QUESTION[third ?? ''] ?? QUESTION['code'];
  if (!hit) return undefined;
  return [at(hit[0]), (message ? MESSAGES[message] : undefined) ?? hit[1]];
}

/** Every problem by field; the first one found for a field is the one shown. */
export function fieldErrors(
  d: ServiceDraft,
  issues: readonly { path: readonly (string | number)[]; message?: string }[],
): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const hit = errorAt(d, i.path, i.message);
    if (hit) out[hit[0]] ??= hit[1];
  }
  return out;
}

/** The server's `fields` ('attributes.1.code') as issues. */
export const serverIssues = (fields: readonly string[]) =>
  fields.map((f) => ({ path: f.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) }));
