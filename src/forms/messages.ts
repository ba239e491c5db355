/**
 * Validation errors (a field path + a code from core) → a translated message
 * key and its values. Messages name the question in the person's language,
 * so the error summary makes sense on its own: "Enter a number for “How many
 * lamps are out?”, for example 2".
 */
import type { Attribute, Service } from '../core/catalog';
import type { FieldError } from '../core/validate';
import type { MessageKey } from '../i18n';

export interface Message {
  key: MessageKey;
  params: Record<string, string | number>;
}

function attributeMessage(attr: Attribute, e: FieldError): Message {
  const question = attr.description;
  const withQuestion = (key: MessageKey, extra: Record<string, string | number> = {}): Message => ({
    key,
    params: { question, ...extra },
  });
  switch (e.code) {
    case 'required':
      switch (attr.datatype) {
        case 'number':
          return withQuestion('errors.attribute.requiredNumber');
        case 'datetime':
          return withQuestion('errors.attribute.requiredDatetime');
        case 'singlevaluelist':
          return withQuestion('errors.attribute.requiredChoice');
        case 'multivaluelist':
          return withQuestion('errors.attribute.requiredChoices');
        case 'string':
        case 'text':
          return withQuestion('errors.attribute.required');
      }
      break;
    case 'not_a_number':
      return withQuestion('errors.attribute.notANumber');
    case 'invalid_datetime':
      return withQuestion('errors.attribute.invalidDatetime');
    case 'not_in_list':
      return withQuestion('errors.attribute.notInList');
    case 'too_long':
      return withQuestion('errors.attribute.tooLong', { max: Number(e.params?.['max'] ?? 0) });
    default:
      break;
  }
  return attr.datatype_description
    ? withQuestion('errors.attribute.invalidWithHint', { hint: attr.datatype_description })
    : withQuestion('errors.attribute.invalid');
}

/** `service` should be localized (localizeService) so questions read in the person's language. */
export function messageFor(service: Service, e: FieldError): Message {
  const max = Number(e.params?.['max'] ?? 0);
  if (e.field.startsWith('attributes.')) {
    const code = e.field.slice('attributes.'.length);
    const attr = service.attributes.find((a) => a.code === code);
    if (attr) return attributeMessage(attr, e);
    return { key: 'errors.request', params: {} };
  }
  switch (e.field) {
    case 'description':
      return e.code === 'too_long'
        ? { key: 'errors.description.tooLong', params: { max } }
        : { key: 'errors.description.invalid', params: {} };
    case 'location':
      return e.code === 'location_required'
        ? { key: 'errors.location.required', params: {} }
        : { key: 'errors.location.invalid', params: {} };
    case 'photos':
      return e.code === 'too_many'
        ? { key: 'errors.photos.tooMany', params: { max } }
        : { key: 'errors.photos.invalid', params: {} };
    case 'contact.email':
      return { key: 'errors.contact.email', params: {} };
    case 'contact.phone':
      return { key: 'errors.contact.phone', params: {} };
    case 'contact.name':
      return e.code === 'too_long'
        ? { key: 'errors.contact.nameTooLong', params: { max } }
        : { key: 'errors.contact.name', params: {} };
    default:
      return { key: 'errors.request', params: {} };
  }
}
