/**
 * Typed errors that src/db and src/sync throw for the UI to translate: each
 * carries a stable `code` (never a sentence; words belong to src/i18n). Also
 * the one place that recognises a full disk, however IndexedDB or Dexie
 * reports it, so every write can surface it the same way.
 */

export type DataErrorCode =
  | 'storage_full'
  | 'photo_limit'
  | 'photo_unreadable'
  | 'photo_truncated'
  | 'photo_too_big'
  | 'not_found'
  | 'not_sent'
  | 'invalid';

export class DataError extends Error {
  // Not 'DataError': Dexie takes errors by that name for IndexedDB's own DataError and wraps them.
  override readonly name: string = 'CivicDataError';
  constructor(
    readonly code: DataErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

/**
 * The device is out of space. The write that hit it was rolled back as a
 * whole (Dexie transactions are atomic), so what was saved before is intact.
 */
export class StorageFullError extends DataError {
  override readonly name = 'StorageFullError';
  constructor(cause?: unknown) {
    super('storage_full', { cause });
  }
}

/** A request takes at most `max` photos (MAX_PHOTOS). */
export class PhotoLimitError extends DataError {
  override readonly name = 'PhotoLimitError';
  constructor(readonly max: number) {
    super('photo_limit');
  }
}

/**
 * The file cannot be used as a photo: not an image (or a format this browser
 * cannot read), cut off before its end, or too many pixels to decode safely.
 */
export class PhotoUnreadableError extends DataError {
  override readonly name = 'PhotoUnreadableError';
  constructor(
    cause?: unknown,
    code: 'photo_unreadable' | 'photo_truncated' | 'photo_too_big' = 'photo_unreadable',
  ) {
    super(code, { cause });
  }
}

function nameOf(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
}

/**
 * True for a quota error anywhere in the chain: IndexedDB raises a
 * DOMException, Dexie wraps it (QuotaExceededError, or an AbortError whose
 * `inner` is the quota error when the transaction was aborted by it).
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (depth > 4 || typeof e !== 'object' || e === null) return false;
  if (nameOf(e) === 'QuotaExceededError') return true;
  const { inner, cause } = e as { inner?: unknown; cause?: unknown };
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

/** Runs a write; a full disk comes out as StorageFullError, anything else unchanged. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof StorageFullError || !isQuotaError(e)) throw e;
    throw new StorageFullError(e);
  }
}
