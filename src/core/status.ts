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

export const CHANNELS = ['web', 'kiosk', 'in_person', 'api'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;
