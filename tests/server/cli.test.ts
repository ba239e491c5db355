/** The administration commands behind `npm run civic -- …`. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, UsageError } from '../../server/cli/commands';
import { databases } from './helpers/databases';
import { TestServer } from './helpers/server';

describe.each(databases)('cli on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await TestServer.start(target);
  });
  afterAll(() => s.close());

  const env = { CIVIC_PASSWORD: 'a long password for tests' };

  it('adds a user who can then sign in', async () => {
    const out = await runCommand(
      s.db,
      ['user', 'add', '--email', 'Officer@City.example', '--role', 'officer'],
      env,
    );
    expect(out).toMatch(/^Created officer Officer@City\.example/);
    const cookie = await s.login('officer@city.example', env.CIVIC_PASSWORD);
    expect(await (await s.get('/api/auth/me', { cookie })).json()).toMatchObject({
      user: { role: 'officer' },
    });
  });

  it('refuses a taken e-mail, a bad role, a short password and missing options', async () => {
    await runCommand(s.db, ['user', 'add', '--email', 'taken@city.example', '--role', 'agent'], env);
    const attempts = [
      ['user', 'add', '--email', 'TAKEN@city.example', '--role', 'agent'],
      ['user', 'add', '--email', 'x@city.example', '--role', 'mayor'],
      ['user', 'add', '--email', 'not-an-email', '--role', 'agent'],
      ['user', 'add', '--email', 'x@city.example'],
    ];
    for (const args of attempts) await expect(runCommand(s.db, args, env)).rejects.toThrow(UsageError);
    await expect(
      runCommand(s.db, ['user', 'add', '--email', 'y@city.example', '--role', 'agent'], {
        CIVIC_PASSWORD: 'short',
      }),
    ).rejects.toThrow(/password/);
  });

  it('creates an API key shown once and stored only as a hash', async () => {
    const out = await runCommand(s.db, ['api-key', 'create', 'FixMyStreet'], {});
    const key = /\n(cdk_[A-Za-z0-9_-]{43})$/.exec(out)?.[1];
    expect(key).toBeDefined();
    const rows = await s.db.query<{ name: string; key_hash: string }>('SELECT name, key_hash FROM api_keys');
    expect(rows).toEqual([
      {
        name: 'FixMyStreet',
        key_hash: createHash('sha256')
          .update(key ?? '')
          .digest('hex'),
      },
    ]);
    await expect(runCommand(s.db, ['api-key', 'create', 'FixMyStreet'], {})).rejects.toThrow(/exists/);
    await expect(runCommand(s.db, ['api-key', 'create'], {})).rejects.toThrow(UsageError);
  });

  it('prints the usage for unknown commands', async () => {
    await expect(runCommand(s.db, ['drop', 'everything'], {})).rejects.toThrow(/Usage/);
  });
});
