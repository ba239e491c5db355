/**
 * Kiosks: shared devices at service centres. Their settings (idle warning and
 * reset times, the language a reset returns to, the services offered) come
 * from the server; the shapes here are read by the server, the kiosk room and
 * the tests alike.
 */
import { z } from 'zod/mini';
import { langSchema, type Lang } from './lang';
import { storableText } from './text';

const seconds = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const serviceCodeSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/));

export const kioskSettingsSchema = z
  .strictObject({
    /** Seconds without input before "Are you still there?". */
    idle_warning_s: seconds(3, 3600),
    /** Seconds without input before everything on the device is removed. */
    idle_reset_s: seconds(5, 7200),
    /** The language the welcome screen returns to after a reset. */
    default_language: langSchema,
    /** Service codes offered, in this order; null offers every service of the catalog. */
    services: z.nullable(z.array(serviceCodeSchema).check(z.minLength(1), z.maxLength(100))),
  })
  .check(
    z.refine((s) => s.idle_reset_s > s.idle_warning_s, {
      message: 'reset_after_warning',
      path: ['idle_reset_s'],
    }),
  );
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;

export const DEFAULT_KIOSK_SETTINGS: KioskSettings = {
  idle_warning_s: 60,
  idle_reset_s: 90,
  default_language: 'en' satisfies Lang,
  services: null,
};

/** The one-time code in an enrolment link (after the #): 128 random bits in base64url. */
export const enrolCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

/** A kiosk's name, shown on the device and in `kiosk list`: stored text like every other (core/text.ts). */
export const kioskNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100), storableText);

/** What GET /api/kiosk/settings and POST /api/kiosk/enrol answer. */
export const kioskInfoSchema = z.strictObject({
  kiosk: z.strictObject({ id: z.uuid(), name: kioskNameSchema, settings: kioskSettingsSchema }),
});
export type KioskInfo = z.infer<typeof kioskInfoSchema>['kiosk'];

/** The address an enrolment link opens; the code follows after '#', so it never reaches a server log. */
export const KIOSK_ENROL_PATH = '/kiosk/enrol';
