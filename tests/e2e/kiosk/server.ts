/**
 * A real server of its own for a kiosk spec file (fixtures/own-server.ts):
 * before it starts, the administration CLI registers a kiosk with the
 * spec's idle times and a manager.
 */
import { startOwnServer } from '../fixtures/own-server';

export const MANAGER = { email: 'kiosk-manager@city.example', password: 'a long password for kiosk tests' };

export interface KioskServer {
  readonly origin: string;
  /** The one-time enrolment link `kiosk add` printed. */
  readonly link: string;
  stop(): Promise<void>;
}

export async function startKioskServer(settings: { warning: number; reset: number }): Promise<KioskServer> {
  let link: string | undefined;
  const server = await startOwnServer({
    name: 'kiosk',
    setup(civic, origin) {
      const added = civic([
        'kiosk',
        'add',
        '--name',
        'Ikeja service centre',
        '--idle-warning',
        String(settings.warning),
        '--idle-reset',
        String(settings.reset),
        '--url',
        origin,
      ]);
      link = /^(http\S+\/kiosk\/enrol#\S+)$/m.exec(added)?.[1];
      if (!link) throw new Error(`no enrolment link in: ${added}`);
      civic(['user', 'add', '--email', MANAGER.email, '--role', 'manager'], {
        CIVIC_PASSWORD: MANAGER.password,
      });
    },
  });
  if (!link) throw new Error('the kiosk was not added');
  return { origin: server.origin, link, stop: () => server.stop() };
}
