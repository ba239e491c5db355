/**
 * Shrinks a photo on the device before it is stored or sent: at most
 * MAX_EDGE px on the long side and about TARGET_BYTES, as JPEG. Drawing to a
 * canvas and encoding again keeps only pixels, so EXIF (GPS position, camera
 * serial) is stripped; the orientation is applied first so nothing turns
 * sideways. Page-only (canvas); the service worker never decodes images.
 */
import { readPhotoHeader } from '../core/image-header';
import { PhotoUnreadableError } from './errors';

export const MAX_EDGE = 1600;
export const TARGET_BYTES = 300 * 1024;
/** Quality steps tried in turn; below the last the photo gets smaller instead of blurrier. */
const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45] as const;
const SHRINK = 0.75;
const MIN_EDGE = 320;

export interface ResizedPhoto {
  readonly blob: Blob;
  readonly type: 'image/jpeg';
  readonly width: number;
  readonly height: number;
}

export type PhotoResizer = (file: Blob) => Promise<ResizedPhoto>;

type Surface = {
  draw(bitmap: ImageBitmap, w: number, h: number): void;
  encode(quality: number): Promise<Blob>;
};

type Context2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

// JPEG has no transparency: what was transparent turns white rather than black.
function paint(ctx: Context2d, bitmap: ImageBitmap, width: number, height: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
}

function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new PhotoUnreadableError();
    return {
      draw: (b, w, h) => paint(ctx, b, w, h),
      encode: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }),
    };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new PhotoUnreadableError();
  return {
    draw: (b, w, h) => paint(ctx, b, w, h),
    encode: (quality) =>
      new Promise((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new PhotoUnreadableError())), 'image/jpeg', quality),
      ),
  };
}

async function encodeAt(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  const s = surface(width, height);
  s.draw(bitmap, width, height);
  let blob: Blob | undefined;
  for (const q of QUALITIES) {
    blob = await s.encode(q);
    if (blob.size <= TARGET_BYTES) break;
  }
  if (!blob) throw new PhotoUnreadableError();
  return blob;
}

/** The photo as a JPEG within the size limits. Throws PhotoUnreadableError for what cannot be one. */
export const resizePhoto: PhotoResizer = async (file) => {
  // Read before decoding: a cut-off file or a decompression bomb never reaches the decoder. A
  // signature it does not know (GIF, AVIF, BMP) is left to the browser, which may read it.
  const header = readPhotoHeader(new Uint8Array(await file.arrayBuffer()));
  if (!header.ok && header.problem === 'truncated')
    throw new PhotoUnreadableError(undefined, 'photo_truncated');
  if (!header.ok && header.problem === 'too_many_pixels')
    throw new PhotoUnreadableError(undefined, 'photo_too_big');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    throw new PhotoUnreadableError(e);
  }
  try {
    const long = Math.max(bitmap.width, bitmap.height);
    let scale = Math.min(1, MAX_EDGE / long);
    for (;;) {
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const blob = await encodeAt(bitmap, width, height);
      if (blob.size <= TARGET_BYTES || Math.max(width, height) <= MIN_EDGE) {
        return { blob, type: 'image/jpeg', width, height };
      }
      scale *= SHRINK;
    }
  } finally {
    bitmap.close();
  }
};
