/**
 * What every route can reach: the database, the photo store, the token
 * secret, the notification settings and the clock (injectable for tests), plus the signed-in staff
 * member, if any, set by the session middleware, and the enrolled kiosk the
 * device is, if any (kiosks/credential.ts).
 */
import type { FailureLimit } from '../auth/rate-limit';
import type { StaffUser } from '../auth/roles';
import type { FileStore } from '../attachments/file-store';
import type { Db } from '../db/types';
import type { KioskCaller } from '../kiosks/store';
import type { NotifySettings } from '../notify/settings';

export interface ServerDeps {
  readonly db: Db;
  readonly files: FileStore;
  readonly secret: Buffer;
  readonly now: () => Date;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (behind a reverse proxy you run). */
  readonly trustProxy: boolean;
  readonly newTracking?: () => string;
  /** Channels and keys for telling people about their requests. */
  readonly notify: NotifySettings;
  /** New requests per client address without a session (auth/submit-limit.ts); null: none; absent: the default. */
  readonly submitLimit?: FailureLimit | null;
}

export interface AppEnv {
  Variables: {
    staff: StaffUser | null;
    /** When the caller's session ends (after any renewal on this call). */
    sessionExpires: Date | null;
    kiosk: KioskCaller | null;
  };
}
