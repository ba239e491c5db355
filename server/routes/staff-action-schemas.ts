/**
 * Bodies of the staff actions, shared by the one-request routes and the bulk
 * route: every action may carry the minutes spent on it (`time`).
 */
import { z } from 'zod';
import { trackingSchema } from '../../src/core/events';
import { statusSchema } from '../../src/core/status';

export const messageSchema = z.string().trim().max(4000).optional();

/** Capped at a working day: a page left open over lunch is not eight hours of work. */
export const timeSchema = z
  .strictObject({
    minutes: z.number().min(0).max(480),
    source: z.enum(['timer', 'manual']),
  })
  .optional();

export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const actionSchemas = {
  acknowledge: z.strictObject({ message: messageSchema, due: dateSchema.optional(), time: timeSchema }),
  assign: z.strictObject({ user_id: z.uuid().nullable(), time: timeSchema }),
  status: z.strictObject({ to: statusSchema, message: messageSchema, time: timeSchema }),
  reopen: z.strictObject({ message: messageSchema, time: timeSchema }),
  notes: z.strictObject({
    text: z.string().trim().min(1).max(4000),
    public: z.boolean().default(false),
    time: timeSchema,
  }),
  duplicate: z.strictObject({ of: trackingSchema, message: messageSchema, time: timeSchema }),
};
