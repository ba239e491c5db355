/** Sync events as a device makes them, with sensible defaults for tests. */
import { createHash } from 'node:crypto';
import type { SyncEvent } from '../../../src/core/events';
import { uuidv7 } from '../../../src/core/ids';
import type { RequestFields } from '../../../src/core/request';
import type { Channel, Status } from '../../../src/core/status';

type Of<T extends SyncEvent['type']> = Extract<SyncEvent, { type: T }>;

export function potholeFields(overrides: Partial<RequestFields> = {}): RequestFields {
  return {
    service_code: 'pothole',
    attributes: { size: 'large', location: 'road', depth: 12 },
    description: 'Deep hole by the market gate',
    location: { lat: 7.3964, long: 3.9167, address_string: 'Market Road 4' },
    contact: { name: 'Ada Obi', phone: '+234 801 234 5678', email: 'ada@example.org', consent_updates: true },
    language: 'en',
    ...overrides,
  };
}

export function createEvent(
  overrides: { channel?: Channel; request?: Partial<RequestFields>; id?: string; at?: string } = {},
): Of<'create_request'> {
  return {
    id: overrides.id ?? uuidv7(),
    at: overrides.at ?? new Date().toISOString(),
    type: 'create_request',
    channel: overrides.channel ?? 'web',
    request: potholeFields(overrides.request),
  };
}

export function statusEvent(tracking: string, to: Status, message?: string): Of<'status_change'> {
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    type: 'status_change',
    tracking,
    to,
    ...(message ? { message } : {}),
  };
}

export function noteEvent(tracking: string, text: string, isPublic = false): Of<'note'> {
  return { id: uuidv7(), at: new Date().toISOString(), type: 'note', tracking, text, public: isPublic };
}

export function feedbackEvent(tracking: string, token: string, rating = 4): Of<'feedback'> {
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    type: 'feedback',
    tracking,
    token,
    rating,
    comment: 'Quick',
  };
}

export function visitEvent(tracking?: string): Of<'log_visit'> {
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    type: 'log_visit',
    visit: {
      ...(tracking ? { tracking } : {}),
      visited_at: new Date().toISOString(),
      place: 'Market Road',
      notes: 'Met the stall holders',
      outcome: 'follow_up',
      minutes: 20,
    },
  };
}

/**
 * Smallest files each format's header check takes as whole photos of 1 × 1
 * pixel: a JPEG with its frame, one scan and its end; a PNG's header and end
 * chunks; a lossless WebP's header. (GIF is a format the server does not take.)
 */
export const PHOTOS = {
  jpeg: Uint8Array.from([
    0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0x55,
    0xff, 0xd9,
  ]),
  png: Uint8Array.from([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...[0, 0, 0, 13, ...Buffer.from('IHDR'), 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0x3a, 0x7e, 0x9b, 0x55],
    ...[0, 0, 0, 0, ...Buffer.from('IEND'), 0xae, 0x42, 0x60, 0x82],
  ]),
  webp: Uint8Array.from([
    ...Buffer.from('RIFF'),
    17,
    0,
    0,
    0,
    ...Buffer.from('WEBPVP8L'),
    5,
    0,
    0,
    0,
    0x2f,
    0,
    0,
    0,
    0,
  ]),
  gif: Uint8Array.from([...Buffer.from('GIF89a'), 1, 0, 1, 0]),
};

/** The smallest valid PNG: one transparent pixel. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function attachmentEvent(
  requestEventId: string,
  bytes: Uint8Array,
  type: 'image/jpeg' | 'image/png' | 'image/webp',
): Of<'attachment_added'> {
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    type: 'attachment_added',
    request_event_id: requestEventId,
    photo: { sha256: sha256(bytes), type, size: bytes.length },
  };
}
