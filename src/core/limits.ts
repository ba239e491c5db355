/**
 * The limits of a request, as plain constants (no schemas): pages that only
 * need a number, such as the description's counter or the photo limit, import
 * them from here without the request schemas (request.ts re-exports them).
 */

export const MAX_DESCRIPTION = 4000;
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
