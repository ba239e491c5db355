/**
 * A field officer's day through /api/sync and /api/officer/work: the caseload
 * to take offline, visit records (where, who with consent, what was asked,
 * outcome, photos), and what happens to offline events when the request moved
 * on meanwhile: each applies in order where lifecycle and roles allow, and is
 * refused with a reason where not, without taking the others down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../src/core/events';
import { uuidv7 } from '../../src/core/ids';
import { officerWorkSchema } from '../../src/core/officer-work';
import type { StaffUser } from '../../server/auth/roles';
import { databases } from './helpers/databases';
import { createEvent, noteEvent, PHOTOS, sha256, statusEvent } from './helpers/events';
import { TestServer } from './helpers/server';

type Of<T extends SyncEvent['type']> = Extract<SyncEvent, { type: T }>;
const outcomes = (rs: readonly { outcome: string; reason?: string }[]) =>
  rs.map((r) => (r.outcome === 'rejected' ? r.reason : r.outcome));

describe.each(databases)('officer sync on $name', (target) => {
  let s: TestServer;
  let officer: { user: StaffUser; cookie: string };
  let agent: { user: StaffUser; cookie: string };
  beforeAll(async () => {
    s = await TestServer.start(target);
    officer = await s.staffSession('officer');
    agent = await s.staffSession('agent');
  });
  afterAll(() => s.close());

  const assigned = async (to: string = officer.user.id) => {
    const r = await s.submit();
    const res = await s.post(
      `/api/staff/requests/${r.tracking}/assign`,
      { user_id: to },
      { cookie: agent.cookie },
    );
    expect(res.status).toBe(200);
    return r.tracking;
  };
  const staffAct = (tracking: string, action: string, body: unknown) =>
    s.post(`/api/staff/requests/${tracking}/${action}`, body, { cookie: agent.cookie });
  const put = (eventId: string, bytes: Uint8Array) =>
    s.request('PUT', `/api/attachments/${eventId}/${sha256(bytes)}`, new Uint8Array(bytes), {
      headers: { 'Content-Type': 'application/octet-stream' },
    });
  const from = (e: Of<'status_change'>, status: Of<'status_change'>['to']): Of<'status_change'> => ({
    ...e,
    from: status,
  });

  it('downloads only my assigned work, soonest due first, with contact, history and photo references', async () => {
    const other = await s.staffSession('officer');
    const a = await assigned();
    const b = await assigned();
    const notMine = await assigned(other.user.id);
    await staffAct(a, 'notes', { text: 'Bring the ladder' });
    await s.db.query('UPDATE requests SET due = due + 3 WHERE tracking = $1', [a]);
    const photoEvent = uuidv7();
    expect((await put(photoEvent, PHOTOS.jpeg)).status).toBe(201);
    const photo = { sha256: sha256(PHOTOS.jpeg), type: 'image/jpeg' as const, size: PHOTOS.jpeg.length };
    const [added] = await s.sync(
      [{ id: photoEvent, at: new Date().toISOString(), type: 'photo_added', tracking: b, photo }],
      {
        cookie: officer.cookie,
      },
    );
    expect(added?.outcome).toBe('accepted');
    const res = await s.get('/api/officer/work', { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const work = officerWorkSchema.parse(await res.json());
    expect(work.items.map((i) => i.tracking)).toEqual([b, a]);
    expect(work.items.map((i) => i.tracking)).not.toContain(notMine);
    const [first, second] = work.items;
    expect(first?.contact).toEqual({
      name: 'Ada Obi',
      phone: '+234 801 234 5678',
      email: 'ada@example.org',
      consent_updates: true,
    });
    expect(first?.photos).toEqual([{ ...photo, uploaded: true }]);
    expect(second?.history.map((h) => [h.kind, h.by])).toEqual([
      ['created', 'citizen'],
      ['assigned', agent.user.email],
      ['note', agent.user.email],
    ]);
    expect(first?.history.at(-1)).toMatchObject({ kind: 'attachment', by: 'me' });
    // The photo's bytes, for offline use, to this officer only.
    const bytes = await s.get(`/api/attachments/${photo.sha256}`, { cookie: officer.cookie });
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(PHOTOS.jpeg);
    expect((await s.get(`/api/attachments/${photo.sha256}`, { cookie: other.cookie })).status).toBe(404);
  });

  it('records a visit with a device fix, a consenting person, what they asked, outcome and photos uploaded afterwards', async () => {
    const filed = createEvent({ channel: 'in_person', request: { language: 'ha' } });
    const visit: Of<'log_visit'> = {
      id: uuidv7(),
      at: new Date().toISOString(),
      type: 'log_visit',
      visit: {
        request_event_id: filed.id,
        visited_at: new Date(Date.now() - 3600_000).toISOString(),
        location: { lat: 12.0022, long: 8.592, accuracy_m: 18 },
        person: { consent: true, name: 'Hauwa Musa', phone: '+234 802 000 1111' },
        language: 'ha',
        asked: 'The borehole pump is broken',
        notes: 'Filed a request; handle snapped',
        outcome: 'referred',
        photos: [
          { sha256: sha256(PHOTOS.png), type: 'image/png', size: PHOTOS.png.length },
          { sha256: sha256(PHOTOS.webp), type: 'image/webp', size: PHOTOS.webp.length },
        ],
      },
    };
    const results = await s.sync([filed, visit], { cookie: officer.cookie });
    expect(outcomes(results)).toEqual(['accepted', 'accepted']);
    // Bytes after the event, as a device that was offline sends them.
    expect((await put(visit.id, PHOTOS.png)).status).toBe(201);
    expect((await put(visit.id, PHOTOS.webp)).status).toBe(201);
    const [row] = await s.db.query(
      `SELECT v.place, v.lat, v.long, v.accuracy_m, v.asked, v.outcome, v.language, v.person_consent, v.person_name,
         r.channel, r.language AS request_language,
         (SELECT array_agg(p.sha256 ORDER BY p.position) FROM visit_photos p JOIN files f ON f.sha256 = p.sha256
          WHERE p.visit_id = v.id) AS photos
       FROM visits v JOIN requests r ON r.source_event_id = v.request_event_id WHERE v.id = $1`,
      [visit.id],
    );
    expect(row).toEqual({
      place: null,
      lat: 12.0022,
      long: 8.592,
      accuracy_m: 18,
      asked: 'The borehole pump is broken',
      outcome: 'referred',
      language: 'ha',
      person_consent: true,
      person_name: 'Hauwa Musa',
      channel: 'in_person',
      request_language: 'ha',
      photos: [sha256(PHOTOS.png), sha256(PHOTOS.webp)],
    });
    expect((await s.get(`/api/attachments/${sha256(PHOTOS.png)}`, { cookie: officer.cookie })).status).toBe(
      200,
    );
  });

  it('refuses a visit that names a person without consent, keeping nothing of them', async () => {
    const visit = {
      id: uuidv7(),
      at: new Date().toISOString(),
      type: 'log_visit',
      visit: {
        visited_at: new Date().toISOString(),
        place: 'Ward 4',
        notes: '',
        outcome: 'no_access',
        person: { consent: false, name: 'X' },
      },
    };
    const [r] = await s.sync([visit], { cookie: officer.cookie });
    expect(r).toMatchObject({ outcome: 'rejected', reason: 'invalid' });
    expect(await s.db.query('SELECT 1 FROM visits WHERE id = $1', [visit.id])).toEqual([]);
  });

  it('applies a day of changes in order: progress, a visit on the request, then resolved', async () => {
    const t = await assigned();
    const visitId = uuidv7();
    const day: SyncEvent[] = [
      from(statusEvent(t, 'in_progress', 'On my way'), 'submitted'),
      {
        id: visitId,
        at: new Date().toISOString(),
        type: 'log_visit',
        visit: {
          tracking: t,
          visited_at: new Date().toISOString(),
          place: 'Market Road 4',
          notes: 'Filled',
          outcome: 'resolved',
          minutes: 40,
        },
      },
      from(statusEvent(t, 'resolved', 'Filled the hole'), 'in_progress'),
    ];
    expect(outcomes(await s.sync(day, { cookie: officer.cookie }))).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    const history = await s.db.query<{ kind: string; status_to: string | null }>(
      `SELECT e.kind, e.status_to FROM request_events e JOIN requests r ON r.id = e.request_id
       WHERE r.tracking = $1 ORDER BY e.seq`,
      [t],
    );
    expect(history.slice(2)).toEqual([
      { kind: 'status_changed', status_to: 'in_progress' },
      { kind: 'visit', status_to: null },
      { kind: 'status_changed', status_to: 'resolved' },
    ]);
  });

  it('keeps the note and refuses the status change with a reason when an agent resolved the request meanwhile', async () => {
    const t = await assigned();
    expect((await staffAct(t, 'status', { to: 'in_progress' })).status).toBe(200);
    // The officer downloaded the work here, then went offline; the agent resolves it.
    expect((await staffAct(t, 'status', { to: 'resolved', message: 'Fixed by the night crew' })).status).toBe(
      200,
    );
    const note = noteEvent(t, 'Owner says the hole is back after rain');
    const change = from(statusEvent(t, 'resolved', 'Filled it'), 'in_progress');
    const results = await s.sync([note, change], { cookie: officer.cookie });
    expect(results).toEqual([
      expect.objectContaining({ id: note.id, outcome: 'accepted' }),
      { id: change.id, outcome: 'rejected', reason: 'status_changed', status: 'resolved' },
    ]);
    const work = officerWorkSchema.parse(
      await (await s.get('/api/officer/work', { cookie: officer.cookie })).json(),
    );
    const item = work.items.find((i) => i.tracking === t);
    expect(item?.status).toBe('resolved');
    expect(item?.history.slice(-2).map((h) => [h.kind, h.by, h.message])).toEqual([
      ['status_changed', agent.user.email, 'Fixed by the night crew'],
      ['note', 'me', 'Owner says the hole is back after rain'],
    ]);
  });

  it('never reopens a request resolved meanwhile from a stale status, though the lifecycle would allow it', async () => {
    const t = await assigned();
    expect((await staffAct(t, 'status', { to: 'resolved' })).status).toBe(200);
    const [r] = await s.sync([from(statusEvent(t, 'in_progress'), 'submitted')], { cookie: officer.cookie });
    expect(r).toMatchObject({ outcome: 'rejected', reason: 'status_changed', status: 'resolved' });
    // Without `from`, the lifecycle rule alone decides (an officer reopening on purpose).
    const [again] = await s.sync([statusEvent(t, 'in_progress')], { cookie: officer.cookie });
    expect(again?.outcome).toBe('accepted');
  });

  it("says 'reassigned' for a request taken away while offline, and unknown_request for one never mine", async () => {
    const t = await assigned();
    const other = await s.staffSession('officer');
    expect((await staffAct(t, 'assign', { user_id: other.user.id })).status).toBe(200);
    const stranger = await assigned(other.user.id);
    const results = await s.sync(
      [
        noteEvent(t, 'Visited'),
        from(statusEvent(t, 'in_progress'), 'submitted'),
        noteEvent(stranger, 'Hello'),
      ],
      { cookie: officer.cookie },
    );
    expect(outcomes(results)).toEqual(['reassigned', 'reassigned', 'unknown_request']);
  });

  it('holds a photo_added until its bytes arrive, then links the photo to the request once', async () => {
    const t = await assigned();
    const bytes = Uint8Array.from([...PHOTOS.jpeg.slice(0, -2), 7, 0xff, 0xd9]);
    const e: Of<'photo_added'> = {
      id: uuidv7(),
      at: new Date().toISOString(),
      type: 'photo_added',
      tracking: t,
      photo: { sha256: sha256(bytes), type: 'image/jpeg', size: bytes.length },
    };
    expect(outcomes(await s.sync([e], { cookie: officer.cookie }))).toEqual(['unknown_photo']);
    expect((await put(e.id, bytes)).status).toBe(201);
    expect(outcomes(await s.sync([e], { cookie: officer.cookie }))).toEqual(['accepted']);
    expect(outcomes(await s.sync([e], { cookie: officer.cookie }))).toEqual(['accepted']);
    const photos = await s.db.query(
      'SELECT p.sha256 FROM request_photos p JOIN requests r ON r.id = p.request_id WHERE r.tracking = $1',
      [t],
    );
    expect(photos).toEqual([{ sha256: sha256(bytes) }]);
  });
});
