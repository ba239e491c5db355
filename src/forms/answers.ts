/**
 * Checking a draft the way submit will: the same conversion (src/db/convert)
 * and the same core validation, so a step never lets through what submit
 * would refuse. The draft keeps the text exactly as typed; only this view of
 * it is coerced, so an error never loses anything.
 */
import type { Service } from '../core/catalog';
import type { Lang } from '../core/lang';
import type { PhotoRef } from '../core/request';
import { validateRequest, type FieldError } from '../core/validate';
import { draftToFields } from '../db/convert';
import type { DraftValues, PhotoRecord } from '../db/records';
import { stepOfField, type StepId } from './steps';

export function photoRefs(photos: readonly PhotoRecord[]): PhotoRef[] {
  return photos.map((p) => ({ sha256: p.sha256, type: p.type, size: p.size }));
}

/** Every problem with the answers, attributes in the order the form asks them. */
export function checkAnswers(
  service: Service,
  values: DraftValues,
  language: Lang,
  photos: readonly PhotoRecord[] = [],
  version?: number,
): FieldError[] {
  const r = validateRequest(service, draftToFields(service, values, language, photoRefs(photos), version));
  if (r.ok) return [];
  const order = new Map(
    [...service.attributes].sort((a, b) => a.order - b.order).map((a, i) => [`attributes.${a.code}`, i]),
  );
  const rank = (e: FieldError) => order.get(e.field) ?? Number.MAX_SAFE_INTEGER;
  return [...r.errors].sort((a, b) => rank(a) - rank(b));
}

/** The problems a person can fix on one step. */
export function errorsForStep(errors: readonly FieldError[], step: StepId): FieldError[] {
  return errors.filter((e) => stepOfField(e.field) === step);
}
