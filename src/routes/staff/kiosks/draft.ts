/**
 * The kiosk form's draft: what the admin typed, kept as typed (seconds as
 * text, so "6o" stays on screen with its message), and turned into the API's
 * input by the shared core schemas (src/core/kiosk.ts) — the rules the server
 * checks again. Errors come back per field, as the desk's words.
 */
import { DEFAULT_KIOSK_SETTINGS, kioskNameSchema, kioskSettingsSchema } from '../../../core/kiosk';
import type { Lang } from '../../../core/lang';
import type { KioskInput, ListedKiosk } from '../../../sync/staff/kiosks';
import type { StaffKey } from '../i18n';

export interface KioskDraft {
  readonly name: string;
  readonly warning: string;
  readonly reset: string;
  readonly language: Lang;
  /** 'all' offers every service of the catalog; 'some' only those ticked. */
  readonly offer: 'all' | 'some';
  readonly services: readonly string[];
}

/** The form's fields by id, for the error summary's links and the server's field names. */
export const FIELD_IDS = {
  name: 'kiosk-name',
  warning: 'kiosk-warning',
  reset: 'kiosk-reset',
  services: 'kiosk-offer',
} as const;
export type KioskField = keyof typeof FIELD_IDS;
export type FieldErrors = Partial<Record<KioskField, StaffKey>>;

export function draftOf(k?: ListedKiosk): KioskDraft {
  const s = k?.settings ?? DEFAULT_KIOSK_SETTINGS;
  return {
    name: k?.name ?? '',
    warning: String(s.idle_warning_s),
    reset: String(s.idle_reset_s),
    language: s.default_language,
    offer: s.services ? 'some' : 'all',
    services: s.services ?? [],
  };
}

/** Whole seconds as typed; anything else is NaN, which the schema refuses. */
const seconds = (text: string): number => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : Number.NaN);

/** Which field a path of the core schemas (or of the server's `fields`) is, and what to say. */
export function errorFor(path: string, message?: string): [KioskField, StaffKey] | undefined {
  if (path === 'name') return ['name', 'kiosks.errors.name'];
  if (path.endsWith('idle_warning_s')) return ['warning', 'kiosks.errors.warning'];
  if (path.endsWith('idle_reset_s'))
    return [
      'reset',
      message === 'reset_after_warning' ? 'kiosks.errors.resetAfterWarning' : 'kiosks.errors.reset',
    ];
  if (path.includes('services')) return ['services', 'kiosks.errors.services'];
  return undefined;
}

export function checkDraft(d: KioskDraft): { input: KioskInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = kioskNameSchema.safeParse(d.name);
  if (!name.success) errors.name = 'kiosks.errors.name';
  const settings = kioskSettingsSchema.safeParse({
    idle_warning_s: seconds(d.warning),
    idle_reset_s: seconds(d.reset),
    default_language: d.language,
    services: d.offer === 'all' ? null : d.services,
  });
  if (!settings.success)
    for (const issue of settings.error.issues) {
      const found = errorFor(issue.path.map(String).join('.'), issue.message);
      if (found) errors[found[0]] ??= found[1];
    }
  if (!name.success || !settings.success) return { errors };
  return { input: { name: name.data, settings: settings.data } };
}
