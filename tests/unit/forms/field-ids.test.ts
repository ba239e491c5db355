import { describe, expect, it } from 'vitest';
import { BUILT_IN_IDS, attributeInputId, inputIdFor, optionInputId } from '../../../src/forms/field-ids';

describe('field ids', () => {
  it('links every error path to the input it is typed into', () => {
    expect(inputIdFor('attributes.lamp_count')).toBe('attr-lamp_count');
    expect(inputIdFor('description')).toBe(BUILT_IN_IDS.description);
    expect(inputIdFor('location')).toBe(BUILT_IN_IDS.address);
    expect(inputIdFor('photos')).toBe(BUILT_IN_IDS.photosCamera);
    expect(inputIdFor('contact.email')).toBe(BUILT_IN_IDS.email);
    expect(inputIdFor('contact.phone')).toBe(BUILT_IN_IDS.phone);
    expect(inputIdFor('contact.name')).toBe(BUILT_IN_IDS.name);
    expect(inputIdFor('request')).toBeUndefined();
  });

  it('gives the first option of a group the group id, so one link fits radios and checkboxes', () => {
    const group = attributeInputId('problem');
    expect(optionInputId(group, 0)).toBe(group);
    expect(optionInputId(group, 1)).toBe(`${group}-2`);
  });

  it('makes ids unique across built-in fields', () => {
    const ids = Object.values(BUILT_IN_IDS);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
