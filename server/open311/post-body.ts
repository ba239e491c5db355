/**
 * Reading the body of POST requests: form-encoded as the spec says, or
 * multipart/form-data as FixMyStreet sends it when it uploads photos (file
 * parts photo1, photo2 …, parsed with Hono's parseBody). Text parts become
 * (name, value) pairs for parsePostForm; file parts are handed on as photos.
 */
import { parseBody } from 'hono/utils/body';
import { badRequest } from './errors';

/** FixMyStreet names its file parts photo1, photo2 …; a bare `photo` is accepted too. */
const PHOTO_PART_RE = /^photo\d*$/;

export interface PhotoPart {
  readonly name: string;
  readonly file: File;
}

export interface PostBody {
  readonly entries: [string, string][];
  readonly photos: PhotoPart[];
}

const FORM_RE = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const MULTIPART_RE = /^multipart\/form-data\s*;/i;

export async function readPostBody(req: Request): Promise<PostBody> {
  const type = req.headers.get('content-type') ?? '';
  if (FORM_RE.test(type))
    return { entries: [...new URLSearchParams(await req.text()).entries()], photos: [] };
  if (!MULTIPART_RE.test(type))
    throw badRequest('send the request form-encoded (application/x-www-form-urlencoded)');
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await parseBody(req, { all: true });
  } catch {
    throw badRequest('the multipart body could not be read');
  }
  const entries: [string, string][] = [];
  const photos: PhotoPart[] = [];
  for (const [name, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') entries.push([name, v]);
      else if (PHOTO_PART_RE.test(name)) photos.push({ name, file: v });
      else throw badRequest(`${name}: files are accepted only as photo1, photo2 …`);
    }
  // photo1 before photo2 before photo10, whatever order the parts came in.
  photos.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return { entries, photos };
}
