/** The statuses a request can have. Transitions live in lifecycle.ts. */
import { z } from 'zod/mini';

export const STATUSES = [
  'submitted',
  'acknowledged',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/**
 * How a request came in. phone and counter are taken by staff for the person
 * in front of them (the desk's intake); the share of digital channels is only
 * meaningful when these are recorded too.
 */
export const CHANNELS = ['web', 'kiosk', 'in_person', 'api', 'phone', 'counter'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;
