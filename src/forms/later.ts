/**
 * What a form needs once the person goes past its first step: the checks
 * Continue and Send run, the error messages, the other steps' fields and
 * "Check your answers". One chunk, loaded by DraftForm on the first Continue
 * (or at once when a form opens on a later step); precached like every page.
 */
export { checkAnswers, errorsForStep } from './answers';
export { messageFor } from './messages';
export { CheckAnswers } from './CheckAnswers';
export { ContactFields } from './fields/ContactFields';
export { DescriptionField } from './fields/DescriptionField';
export { LocationField } from './fields/LocationField';
export { PhotosField } from './fields/PhotosField';
