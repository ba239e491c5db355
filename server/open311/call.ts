/** What each Open311 handler receives: the server's dependencies and the parsed call. */
import type { ServerDeps } from '../http/env';
import type { MediaOptions } from './media';
import type { Format } from './path';

export interface Open311Deps extends Pick<
  ServerDeps,
  'db' | 'files' | 'secret' | 'now' | 'trustProxy' | 'submitLimit'
> {
  readonly newTracking?: (() => string) | undefined;
  /** Limits for fetching media_url; tests allow loopback here and nowhere else. */
  readonly media?: MediaOptions | undefined;
  /** The public origin (https://city.example) when the server sits behind a proxy that hides it. */
  readonly publicUrl?: string | undefined;
}

export interface Call {
  readonly deps: Open311Deps;
  readonly format: Format;
  /** Every query parameter with all its values. */
  readonly query: Record<string, string[]>;
  /** scheme://host of this call, as the client addressed it. */
  readonly origin: string;
}
