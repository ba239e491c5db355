/**
 * A server for one test file: the Hono app over a test database, a temporary
 * DATA_DIR for photos, a clock the test can move, and helpers to call the API
 * the way the app does (JSON bodies, the session cookie).
 */
import type { FailureLimit } from '../../../server/auth/rate-limit';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../../server/app';
import type { Role, StaffUser } from '../../../server/auth/roles';
import { createUser } from '../../../server/auth/users';
import { depsFor } from '../../../server/bootstrap';
import type { ServerDeps } from '../../../server/http/env';
import type { NotifyConfig } from '../../../server/notify/settings';
import { syncResponseSchema, type EventResult, type Receipt } from '../../../src/core/events';
import type { TestDatabase } from './databases';
import { createEvent } from './events';

export const PASSWORD = 'correct horse battery staple';

export interface CallOptions {
  readonly cookie?: string | undefined;
  readonly headers?: Record<string, string>;
}

export class TestServer {
  private clock: Date | undefined;
  private userCount = 0;
  readonly app: ReturnType<typeof createApp>;

  private constructor(
    readonly deps: ServerDeps,
    readonly dataDir: string,
    private readonly dispose: () => Promise<void>,
    newTracking?: () => string,
  ) {
    const withClock = { ...deps, now: () => this.clock ?? new Date() };
    this.app = createApp({ deps: newTracking ? { ...withClock, newTracking } : withClock });
  }

  static async start(
    target: TestDatabase,
    options: {
      newTracking?: () => string;
      notify?: Partial<NotifyConfig>;
      /** The anonymous submission limit (SUBMIT_LIMIT); the default one when absent, none when null. */
      submitLimit?: FailureLimit | null;
    } = {},
  ): Promise<TestServer> {
    const opened = await target.open();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'civic-data-'));
    const deps = await depsFor(opened.db, {
      dataDir,
      trustProxy: true,
      notify: options.notify ?? {},
      ...(options.submitLimit !== undefined ? { submitLimit: options.submitLimit } : {}),
    });
    return new TestServer(
      deps,
      dataDir,
      async () => {
        await opened.dispose();
        await rm(dataDir, { recursive: true, force: true });
      },
      options.newTracking,
    );
  }

  /** What the app's routes see, with the test's clock: hand this to the notification worker. */
  get liveDeps(): ServerDeps {
    return { ...this.deps, now: () => this.clock ?? new Date() };
  }

  get db(): ServerDeps['db'] {
    return this.deps.db;
  }

  /** Fixes the server's clock (undefined: real time again). */
  setNow(date: Date | undefined): void {
    this.clock = date;
  }

  close(): Promise<void> {
    return this.dispose();
  }

  request(method: string, url: string, body?: BodyInit, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers['Cookie'] = options.cookie;
    return Promise.resolve(
      this.app.request(url, { method, headers, ...(body !== undefined ? { body } : {}) }),
    );
  }

  get(url: string, options: CallOptions = {}): Promise<Response> {
    return this.request('GET', url, undefined, options);
  }

  /** POST with a JSON body, as the app sends it. */
  post(url: string, body: unknown, options: CallOptions = {}): Promise<Response> {
    const headers = { 'Content-Type': 'application/json', ...options.headers };
    return this.request('POST', url, JSON.stringify(body), { ...options, headers });
  }

  /** POST /api/sync; fails the test unless the server answered 200. */
  async sync(events: readonly unknown[], options: CallOptions = {}): Promise<EventResult[]> {
    const res = await this.post('/api/sync', { events }, options);
    if (res.status !== 200) throw new Error(`sync answered ${res.status}: ${await res.text()}`);
    return syncResponseSchema.parse(await res.json()).results;
  }

  /** Creates one request through sync and returns its receipt (with token). */
  async submit(
    event: unknown = createEvent(),
    options: CallOptions = {},
  ): Promise<Receipt & { token: string }> {
    const [r] = await this.sync([event], options);
    if (r?.outcome !== 'accepted' || !r.receipt?.token) throw new Error(`not accepted: ${JSON.stringify(r)}`);
    return { ...r.receipt, token: r.receipt.token };
  }

  async createStaff(role: Role, email?: string): Promise<StaffUser> {
    const user = await createUser(this.db, {
      email: email ?? `${role}${++this.userCount}-${Date.now()}@city.example`,
      role,
      password: PASSWORD,
    });
    if (!user) throw new Error('user exists');
    return user;
  }

  /** Signs in and returns the cookie header to send back. */
  async login(email: string, password = PASSWORD, ip = '192.0.2.1'): Promise<string> {
    const res = await this.post(
      '/api/auth/login',
      { email, password },
      { headers: { 'X-Forwarded-For': ip } },
    );
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('Set-Cookie') ?? '';
    return cookie.split(';')[0] ?? '';
  }

  async staffSession(role: Role): Promise<{ user: StaffUser; cookie: string }> {
    const user = await this.createStaff(role);
    return { user, cookie: await this.login(user.email) };
  }
}
