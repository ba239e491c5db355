/**
 * Fetches a photo an Open311 client names by media_url (FixMyStreet hosts
 * photos itself and sends their URLs). Only http and https, only public
 * addresses (see address-guard.ts), redirects followed by hand so each hop is
 * checked again, a size cap enforced while reading, and the type taken from
 * the bytes (JPEG, PNG, WebP), never from the sender's Content-Type.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { MAX_PHOTO_BYTES, type PhotoRef } from '../../src/core/request';
import { checkPhoto, PHOTO_PROBLEM_SENTENCE } from '../attachments/sniff';
import { guardedLookup, isPublicAddress } from './address-guard';

export interface MediaOptions {
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** TEST ONLY: lets tests fetch from a server on 127.0.0.1. Never set in production. */
  readonly allowPrivateAddresses?: boolean;
}

export interface FetchedMedia {
  readonly photo: PhotoRef;
  readonly bytes: Buffer;
}

/**
 * A media_url we could not use; the message is safe to show. `permanent`
 * when trying again cannot help (a bad scheme, a private address, too
 * large); otherwise the host may answer later and the job is retried.
 */
export class MediaError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

/** Parses and checks a media_url before any network use. */
export function checkMediaUrl(text: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MediaError('media_url is not an absolute URL', true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new MediaError('media_url must be http or https', true);
  if (url.username !== '' || url.password !== '')
    throw new MediaError('media_url must not carry credentials', true);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // IP literals skip the DNS lookup, so they are checked here.
  if (!allowPrivate && net.isIP(host) !== 0 && !isPublicAddress(host))
    throw new MediaError('media_url points to a private or local address', true);
  return url;
}

interface Hop {
  readonly redirect?: string;
  readonly bytes?: Buffer;
}

function getOnce(url: URL, o: Required<MediaOptions>, signal: AbortSignal): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(
      url,
      {
        lookup: guardedLookup(o.allowPrivateAddresses),
        signal,
        headers: { accept: 'image/jpeg, image/png, image/webp', 'user-agent': 'CivicDesk-Open311' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ redirect: res.headers.location });
        }
        if (status !== 200) {
          res.resume();
          return reject(new MediaError(`media_url answered HTTP ${status}`));
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > o.maxBytes) {
          req.destroy();
          return reject(new MediaError(`media_url is larger than ${o.maxBytes} bytes`, true));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) {
            req.destroy();
            reject(new MediaError(`media_url is larger than ${o.maxBytes} bytes`, true));
          } else chunks.push(chunk);
        });
        res.on('end', () => resolve({ bytes: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

function describeFailure(err: unknown): MediaError {
  if (err instanceof MediaError) return err;
  if (err instanceof Error && err.name === 'BlockedAddressError')
    return new MediaError('media_url points to a private or local address', true);
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'))
    return new MediaError('media_url took too long to answer');
  return new MediaError('media_url could not be fetched');
}

/** Fetches and checks one media_url; throws MediaError with a client-safe message. */
export async function fetchMedia(text: string, options: MediaOptions = {}): Promise<FetchedMedia> {
  const o: Required<MediaOptions> = {
    maxBytes: options.maxBytes ?? MAX_PHOTO_BYTES,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRedirects: options.maxRedirects ?? 3,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
  };
  const signal = AbortSignal.timeout(o.timeoutMs);
  let url = checkMediaUrl(text, o.allowPrivateAddresses);
  try {
    for (let hop = 0; ; hop++) {
      const r = await getOnce(url, o, signal);
      if (r.bytes) {
        const check = checkPhoto(r.bytes);
        if (!check.ok) throw new MediaError(`media_url ${PHOTO_PROBLEM_SENTENCE[check.problem]}`);
        const { type } = check;
        const sha256 = createHash('sha256').update(r.bytes).digest('hex');
        return { photo: { sha256, type, size: r.bytes.length }, bytes: r.bytes };
      }
      if (hop >= o.maxRedirects) throw new MediaError('media_url redirects too many times');
      url = checkMediaUrl(new URL(r.redirect ?? '', url).toString(), o.allowPrivateAddresses);
    }
  } catch (err) {
    throw describeFailure(err);
  }
}
