/**
 * The id of the input each field path is typed into, so an error summary
 * link lands on the right control. Radio and checkbox groups give their
 * first option the group's id (the GOV.UK convention), so one id per field
 * is always enough.
 */

/** A code is [A-Za-z0-9_-], so it is safe inside an id as it is. */
export function attributeInputId(code: string): string {
  return `attr-${code}`;
}

/** Ids for the options of a radio or checkbox group: the first one is the group's id. */
export function optionInputId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}

export const BUILT_IN_IDS = {
  description: 'description',
  address: 'location-address',
  useLocation: 'location-use',
  photosCamera: 'photos-camera',
  name: 'contact-name',
  phone: 'contact-phone',
  email: 'contact-email',
  consent: 'contact-consent',
} as const;

/** The input for an error's field path, or undefined when no single input fits. */
export function inputIdFor(field: string): string | undefined {
  if (field.startsWith('attributes.')) return attributeInputId(field.slice('attributes.'.length));
  switch (field) {
    case 'description':
      return BUILT_IN_IDS.description;
    case 'location':
      return BUILT_IN_IDS.address;
    case 'photos':
      return BUILT_IN_IDS.photosCamera;
    case 'contact.name':
      return BUILT_IN_IDS.name;
    case 'contact.phone':
      return BUILT_IN_IDS.phone;
    case 'contact.email':
      return BUILT_IN_IDS.email;
    case 'contact.consent_updates':
      return BUILT_IN_IDS.consent;
    default:
      return undefined;
  }
}

/** The id of a field's inline error message, for aria-describedby. */
export function errorIdFor(inputId: string): string {
  return `${inputId}-error`;
}

export function hintIdFor(inputId: string): string {
  return `${inputId}-hint`;
}
