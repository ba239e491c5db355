/**
 * Citizen requests as the app puts them in its outbox (src/db/submit.ts): a
 * create_request event with a device-made UUIDv7, the device's clock, channel
 * web, answers to one of the demo catalog's services, a location, and contact
 * details with consent (an e-mail or a phone, so the notification worker has
 * something to send). Each device's contact is its own, so a message sent
 * twice shows as the same recipient and subject twice.
 */
import type { SyncEvent } from '../../src/core/events';
import { uuidv7 } from '../../src/core/ids';
import type { RequestFields } from '../../src/core/request';

const POTHOLE = {
  service_code: 'pothole',
  attributes: { size: 'large', location: 'road', depth: 12 },
  description: 'Deep hole by the market gate',
};
const SERVICES: readonly Pick<RequestFields, 'service_code' | 'attributes' | 'description'>[] = [
  POTHOLE,
  {
    service_code: 'streetlight-out',
    attributes: { lamp_count: 2, problem: 'dark' },
    description: 'Two lamps dark on the school road',
  },
  { service_code: 'fallen-tree', attributes: { state: 'branch' }, description: 'A branch over the path' },
  {
    service_code: 'blocked-drain',
    attributes: { problem: 'blocked', homes: 'no' },
    description: 'Drain full of sand after the rain',
  },
];
const LANGUAGES = ['en', 'fr', 'sw', 'yo', 'ha', 'es', 'pt', 'ar'] as const;

export function requestEvent(device: number, n: number): Extract<SyncEvent, { type: 'create_request' }> {
  const service = SERVICES[(device + n) % SERVICES.length] ?? POTHOLE;
  const contact =
    device % 2 === 0
      ? { email: `device${device}@load.example`, consent_updates: true }
      : { phone: `+234 80${String(device).padStart(8, '0')}`, consent_updates: true };
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    type: 'create_request',
    channel: 'web',
    request: {
      ...service,
      location: { lat: 7.3 + (device % 100) / 1000, long: 3.9 + n / 1000, accuracy_m: 12 },
      contact,
      language: LANGUAGES[device % LANGUAGES.length] ?? 'en',
    },
  };
}
