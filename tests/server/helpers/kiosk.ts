/** An enrolled kiosk for server tests: registered, its link opened, its cookie kept. */
import { DEFAULT_KIOSK_SETTINGS, type KioskSettings } from '../../../src/core/kiosk';
import { addKiosk } from '../../../server/kiosks/store';
import type { TestServer } from './server';

export interface EnrolledKiosk {
  readonly id: string;
  /** The Cookie header the kiosk's browser sends back. */
  readonly cookie: string;
  /** The whole Set-Cookie header of the enrolment answer. */
  readonly setCookie: string;
}

export async function registerKiosk(
  s: TestServer,
  settings: Partial<KioskSettings> = {},
  name = 'Ikeja service centre',
): Promise<{ id: string; code: string }> {
  const { kiosk, code } = await addKiosk(
    s.db,
    { name, settings: { ...DEFAULT_KIOSK_SETTINGS, ...settings } },
    new Date(),
  );
  return { id: kiosk.id, code };
}

export async function enrolKiosk(
  s: TestServer,
  settings: Partial<KioskSettings> = {},
): Promise<EnrolledKiosk> {
  const { id, code } = await registerKiosk(s, settings);
  const res = await s.post('/api/kiosk/enrol', { code });
  if (res.status !== 200) throw new Error(`enrol answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get('Set-Cookie') ?? '';
  return { id, cookie: setCookie.split(';')[0] ?? '', setCookie };
}
