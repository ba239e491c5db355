/** Which plain message a failed photo gets, from the typed error src/db threw. */
import type { PhotoProblem } from './contract';

const PHOTO_PROBLEMS: readonly string[] = [
  'photo_limit',
  'photo_unreadable',
  'photo_truncated',
  'photo_too_big',
  'storage_full',
];

/** What to tell the person when adding a photo failed, from the error's code. */
export function photoProblem(e: unknown): PhotoProblem {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && PHOTO_PROBLEMS.includes(code)) return code as PhotoProblem;
  console.error('adding a photo failed', e);
  return 'failed';
}
