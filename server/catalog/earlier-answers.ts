/**
 * Answers to questions a service no longer asks. A draft begun on an older
 * version of a service may hold answers to questions removed since; they are
 * never lost and never a reason to refuse it: each becomes a line
 * "Question: answer" at the end of the request's description, worded as the
 * person saw it (the question and the chosen values in their language, from
 * the version their form was made on, else the latest version that had it).
 */
import { localizeService, serviceSchema, type Attribute, type Service } from '../../src/core/catalog';
import type { AttributeAnswer, RequestFields } from '../../src/core/request';
import type { Queryable } from '../db/types';

function answerText(attr: Attribute | undefined, answer: AttributeAnswer): string {
  const named = (k: string) => attr?.values?.find((v) => v.key === k)?.name ?? k;
  return Array.isArray(answer) ? answer.map(named).join(', ') : named(String(answer));
}

/** The request with removed questions' answers moved from `attributes` into the description. */
export async function keepEarlierAnswers(
  tx: Queryable,
  service: Service,
  fields: RequestFields,
): Promise<RequestFields> {
  const current = new Set(service.attributes.map((a) => a.code));
  const removed = Object.keys(fields.attributes).filter((code) => !current.has(code));
  if (removed.length === 0) return fields;
  const rows = await tx.query<{ definition: unknown }>(
    `SELECT definition FROM service_versions WHERE service_code = $1 AND version <= $2 ORDER BY version DESC`,
    [service.service_code, fields.service_version ?? service.version ?? 1],
  );
  const versions = rows.flatMap((r) => {
    const parsed = serviceSchema.safeParse(r.definition);
    return parsed.success ? [localizeService(parsed.data, fields.language)] : [];
  });
  const attributes = { ...fields.attributes };
  const lines = removed.map((code) => {
    const answer = attributes[code];
    delete attributes[code];
    const attr = versions.flatMap((v) => v.attributes).find((a) => a.code === code);
    return `${attr?.description ?? code}: ${answer === undefined ? '' : answerText(attr, answer)}`;
  });
  const description = [fields.description?.trim() ?? '', lines.join('\n')].filter((s) => s !== '');
  return { ...fields, attributes, description: description.join('\n\n') };
}
