/**
 * A real HTTP server on 127.0.0.1 for the flush tests, standing in for the
 * Civic Desk API with the behaviour the device relies on: POST /api/sync
 * answers each event once and a replay with the same result; PUT
 * /api/attachments checks the bytes against the hash in the URL; GET
 * /api/sync/changes reads the tokens header; GET /api/catalog honours ETags.
 * Faults are scripted (`failNext`), so nothing on the device side is stubbed.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { syncBatchSchema, type EventResult, type SyncEvent } from '../../../src/core/events';
import type { SyncChanges } from '../../../src/core/sync-changes';
import { newTrackingNumber } from '../../../src/core/tracking';

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** Apply the batch, then answer with the fault: the receipt is lost on the way back. */
  afterApply?: boolean;
}

export class TestApi {
  url = '';
  /** Statuses to answer the next POST /api/sync calls with, before working normally. */
  failNext: Fault[] = [];
  /** Event id → reason: refuse these events. */
  refuse = new Map<string, string>();
  /** A batch holding one of these ids is answered 400, as a batch the server cannot read. */
  unreadable = new Set<string>();
  /** Photo hashes whose upload the server refuses (409, as for a photo the event does not name). */
  refuseUploads = new Set<string>();
  /** Every POST /api/sync, failed ones included. */
  postCalls = 0;
  readonly posts: SyncEvent[][] = [];
  readonly results = new Map<string, EventResult>();
  readonly uploads = new Map<string, Buffer>();
  readonly tokenHeaders: string[] = [];
  /** The `since` of each GET /api/sync/changes, null when the call asked for everything. */
  readonly changesSince: (string | null)[] = [];
  changes: SyncChanges = { changes: [], cursor: 'c-1' };
  /** When set, answers GET /api/sync/changes instead of `changes`, as the real server would for that cursor. */
  changesFor: ((since: string | null, tokens: string[]) => SyncChanges) | undefined;
  /** Answer POST /api/sync as a later release might: fields this app does not know, everywhere. */
  newerServer = false;
  catalog: unknown = undefined;
  catalogEtag = '"v1"';
  private issued = 0;
  private server = createServer((req, res) => {
    this.handle(req, res).catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** How many times the server accepted each event id as new (exactly-once check). */
  readonly applied = new Map<string, number>();

  private receiptFor(event: SyncEvent): EventResult {
    const reason = this.refuse.get(event.id);
    if (reason !== undefined)
      return {
        id: event.id,
        outcome: 'rejected',
        reason: reason as 'invalid',
        fields: ['attributes.problem'],
      };
    this.applied.set(event.id, (this.applied.get(event.id) ?? 0) + 1);
    if (event.type !== 'create_request') return { id: event.id, outcome: 'accepted' };
    this.issued++;
    return {
      id: event.id,
      outcome: 'accepted',
      receipt: {
        tracking: this.issued === 1 ? 'CD-23456782' : newTrackingNumber(),
        token: `token-${String(this.issued).padStart(26, '0')}`,
        status: 'submitted',
        due: '2026-03-09',
        service_code: event.request.service_code,
        submitted_at: '2026-03-02T09:00:00.000Z',
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await read(req);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(value));
    };
    if (req.method === 'POST' && url.pathname === '/api/sync') {
      this.postCalls++;
      const fault = this.failNext.shift();
      if (fault && !fault.afterApply) return json(fault.status, { error: 'scripted' }, fault.headers);
      const batch = syncBatchSchema.safeParse(JSON.parse(body.toString('utf8')));
      if (!batch.success || batch.data.events.some((e) => this.unreadable.has(e.id)))
        return json(400, { error: 'malformed' });
      this.posts.push(batch.data.events);
      const results = batch.data.events.map((e) => {
        // A replayed event id gets the result it got the first time.
        const known = this.results.get(e.id) ?? this.receiptFor(e);
        this.results.set(e.id, known);
        return known;
      });
      if (fault) return json(fault.status, { error: 'scripted' }, fault.headers);
      if (this.newerServer) return json(200, { results: results.map(newerResult), server_version: '9.0' });
      return json(200, { results });
    }
    const upload = /^\/api\/attachments\/([^/]+)\/([0-9a-f]{64})$/.exec(url.pathname);
    if (req.method === 'PUT' && upload) {
      const hash = createHash('sha256').update(body).digest('hex');
      if (hash !== upload[2]) return json(422, { error: 'hash_mismatch' });
      if (this.refuseUploads.has(hash)) return json(409, { error: 'not_in_event' });
      this.uploads.set(`${upload[1]}/${upload[2]}`, body);
      return json(201, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/api/sync/changes') {
      this.tokenHeaders.push(String(req.headers['x-civic-tokens'] ?? ''));
      this.changesSince.push(url.searchParams.get('since'));
      const tokens = String(req.headers['x-civic-tokens'] ?? '').split(',');
      return json(200, this.changesFor?.(url.searchParams.get('since'), tokens) ?? this.changes);
    }
    if (req.method === 'GET' && url.pathname === '/api/catalog') {
      if (req.headers['if-none-match'] === this.catalogEtag) return void res.writeHead(304).end();
      return json(200, this.catalog, { ETag: this.catalogEtag });
    }
    json(404, { error: 'not_found' });
  }
}

function newerResult(result: EventResult): Record<string, unknown> {
  const receipt = 'receipt' in result && result.receipt;
  return {
    ...result,
    applied_at: '2026-03-02T09:00:01.000Z',
    ...(receipt ? { receipt: { ...receipt, channel_label: 'Web', office: { id: 7, name: 'North' } } } : {}),
  };
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
