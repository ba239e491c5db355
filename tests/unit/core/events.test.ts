import { describe, expect, it } from 'vitest';
import {
  MAX_BATCH,
  type SyncEvent,
  eventResultSchema,
  receiptSchema,
  syncBatchSchema,
  syncEventSchema,
  syncResponseSchema,
} from '../../../src/core/events';
import { uuidv7 } from '../../../src/core/ids';

const base = { id: '01890a5d-ac96-774b-bcce-b302099a8057', at: '2026-11-23T09:15:00+01:00' };
const tracking = 'CD-3222222S';
const token = 'q3vT9x_A-1bCdEfGhIjKlMnOpQrStUvW';
const request = {
  service_code: 'streetlight',
  attributes: { problem: 'out' },
  location: { lat: 6.45, long: 3.39 },
  language: 'en',
};
const photo = { sha256: 'ab'.repeat(32), type: 'image/jpeg', size: 120_000 };

const examples: Record<SyncEvent['type'], Record<string, unknown>> = {
  create_request: { ...base, type: 'create_request', channel: 'kiosk', request },
  log_visit: {
    ...base,
    type: 'log_visit',
    visit: {
      tracking,
      visited_at: base.at,
      place: 'Ward 4 clinic',
      notes: '',
      outcome: 'follow_up',
      minutes: 25,
    },
  },
  status_change: { ...base, type: 'status_change', tracking, to: 'duplicate', duplicate_of: 'CD-2222223Y' },
  note: { ...base, type: 'note', tracking, text: 'Crew booked for Tuesday', public: true },
  feedback: { ...base, type: 'feedback', tracking, token, rating: 4, comment: 'Quick, thanks' },
  attachment_added: { ...base, type: 'attachment_added', request_event_id: uuidv7(), photo },
  photo_added: { ...base, type: 'photo_added', tracking, photo },
  draft_report: {
    ...base,
    type: 'draft_report',
    counts: [
      { service_code: 'pothole', language: 'sw', kind: 'started', n: 3 },
      { service_code: 'pothole', language: 'sw', kind: 'abandoned', step: 2, n: 1 },
    ],
  },
};

const visit = examples.log_visit.visit as Record<string, unknown>;

describe('syncEventSchema', () => {
  it.each(Object.entries(examples))('parses %s', (_type, event) => {
    expect(syncEventSchema.parse(event)).toEqual(event);
  });

  it.each(Object.entries(examples))('refuses %s with an unknown field', (_type, event) => {
    expect(syncEventSchema.safeParse({ ...event, extra: true }).success).toBe(false);
  });

  it('refuses an unknown type', () => {
    expect(syncEventSchema.safeParse({ ...examples.note, type: 'delete_request' }).success).toBe(false);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a non-UUID id', { ...examples.note, id: 'event-1' }],
    ['a time without offset', { ...examples.note, at: '2026-11-23T09:15:00' }],
    ['a malformed tracking number', { ...examples.note, tracking: 'CD-12345678' }],
    ['a blank note', { ...examples.note, text: '   ' }],
    ['a rating of 6', { ...examples.feedback, rating: 6 }],
    ['a short token', { ...examples.feedback, token: 'abc' }],
    ['an unknown status', { ...examples.status_change, to: 'lost' }],
    ['an unknown channel', { ...examples.create_request, channel: 'fax' }],
    [
      'an unknown visit field',
      { ...examples.log_visit, visit: { ...(examples.log_visit.visit as object), mood: 'ok' } },
    ],
    [
      'a visit longer than a day',
      { ...examples.log_visit, visit: { ...(examples.log_visit.visit as object), minutes: 24 * 60 + 1 } },
    ],
    ['an invalid request', { ...examples.create_request, request: { ...request, location: {} } }],
    ['a visit with neither place nor location', { ...examples.log_visit, visit: { ...visit, place: '  ' } }],
    [
      "a visitor's name without consent",
      { ...examples.log_visit, visit: { ...visit, person: { consent: false, name: 'Ada' } } },
    ],
    [
      'a person recorded without a consent field',
      { ...examples.log_visit, visit: { ...visit, person: { name: 'Ada' } } },
    ],
    ['a draft report with no counts', { ...examples.draft_report, counts: [] }],
    [
      'a draft report with an answer in it',
      {
        ...examples.draft_report,
        counts: [{ service_code: 'pothole', language: 'en', kind: 'started', n: 1, text: 'hi' }],
      },
    ],
    [
      'a draft report of zero drafts',
      {
        ...examples.draft_report,
        counts: [{ service_code: 'pothole', language: 'en', kind: 'started', n: 0 }],
      },
    ],
  ])('refuses %s', (_name, event) => {
    expect(syncEventSchema.safeParse(event).success).toBe(false);
  });
});

describe('log_visit', () => {
  it('takes a device fix instead of a typed place, with a consenting person and photos', () => {
    const full = {
      ...examples.log_visit,
      visit: {
        visited_at: base.at,
        location: { lat: 6.45, long: 3.39, accuracy_m: 12 },
        person: { consent: true, name: 'Ada Obi', phone: '+234 801 234 5678' },
        language: 'yo',
        asked: 'When will the borehole be fixed?',
        notes: 'Pump handle broken',
        outcome: 'referred',
        photos: [photo],
      },
    };
    expect(syncEventSchema.parse(full)).toEqual(full);
  });
});

describe('syncBatchSchema', () => {
  it(`holds 1 to ${MAX_BATCH} events`, () => {
    const events = Array.from({ length: MAX_BATCH }, () => ({ ...examples.note, id: uuidv7() }));
    expect(syncBatchSchema.safeParse({ events }).success).toBe(true);
    expect(syncBatchSchema.safeParse({ events: [...events, examples.note] }).success).toBe(false);
    expect(syncBatchSchema.safeParse({ events: [] }).success).toBe(false);
  });
});

describe('receiptSchema and eventResultSchema', () => {
  const receipt = {
    tracking,
    token,
    status: 'submitted',
    due: '2026-11-30',
    service_code: 'streetlight',
    submitted_at: base.at,
    language: 'fr',
  };

  it('parses a receipt, with or without token and language', () => {
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
    const { token: _t, language: _l, ...bare } = receipt;
    expect(receiptSchema.safeParse(bare).success).toBe(true);
    expect(receiptSchema.safeParse({ ...receipt, due: '30/11/2026' }).success).toBe(false);
  });

  it('parses accepted and rejected results', () => {
    const accepted = { id: base.id, outcome: 'accepted', receipt };
    const rejected = {
      id: base.id,
      outcome: 'rejected',
      reason: 'missing_attribute',
      fields: ['attributes.problem'],
    };
    expect(eventResultSchema.parse(accepted)).toEqual(accepted);
    expect(eventResultSchema.parse({ id: base.id, outcome: 'accepted' })).toEqual({
      id: base.id,
      outcome: 'accepted',
    });
    expect(eventResultSchema.parse(rejected)).toEqual(rejected);
    expect(syncResponseSchema.safeParse({ results: [accepted, rejected] }).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['an unknown outcome', { id: base.id, outcome: 'pending' }],
    ['an unknown reason', { id: base.id, outcome: 'rejected', reason: 'because' }],
    ['a rejection without reason', { id: base.id, outcome: 'rejected' }],
    ['a reason on an acceptance', { id: base.id, outcome: 'accepted', reason: 'invalid' }],
    ['no id', { outcome: 'accepted' }],
  ])('refuses %s', (_name, result) => {
    expect(eventResultSchema.safeParse(result).success).toBe(false);
  });
});
