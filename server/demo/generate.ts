/**
 * A realistic year of a council's requests for the demo and the benchmark:
 * channels, languages and services in plausible shares, first responses and
 * resolutions that take longer for permits than for bins, a backlog that is
 * sometimes late, feedback from about six in ten resolved requests whose
 * rating falls once a request takes longer than its service level, staff
 * actions with minutes, and anonymous draft counts. Deterministic for a seed.
 * Names and contacts are made up from short lists.
 */
import type { Service } from '../../src/core/catalog';
import { ALPHABET, TRACKING_PREFIX, checkCharacter } from '../../src/core/tracking';
import type { EventRowSpec, RequestRowSpec } from './rows';
import { exponential, pick, seededRng, type Rng } from './random';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const CHANNELS = [
  ['web', 45],
  ['kiosk', 10],
  ['in_person', 8],
  ['api', 7],
  ['phone', 20],
  ['counter', 10],
] as const;
const LANGUAGES = [
  ['en', 40],
  ['yo', 20],
  ['ha', 12],
  ['fr', 8],
  ['pt', 5],
  ['sw', 5],
  ['ar', 5],
  ['es', 5],
] as const;
const NAMES = [
  'Ada Obi',
  'Bola Ade',
  'Chinedu Eze',
  'Fatima Bello',
  'Grace Okafor',
  'Musa Ibrahim',
  'Ngozi Uche',
];

export interface DemoData {
  readonly requests: (RequestRowSpec & { id: string })[];
  readonly events: EventRowSpec[];
  readonly drafts: {
    day: string;
    service_code: string;
    language: string;
    kind: string;
    step: number;
    n: number;
  }[];
}

function tracking(rng: Rng, taken: Set<string>): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < 7; i++) body += ALPHABET[Math.floor(rng() * ALPHABET.length)];
    const t = `${TRACKING_PREFIX}${body}${checkCharacter(body)}`;
    if (!taken.has(t)) {
      taken.add(t);
      return t;
    }
  }
}

/** Skips Saturday and Sunday forward (holidays are left to the figures' calendar). */
function weekdayAfter(ms: number): number {
  const d = new Date(ms).getUTCDay();
  return d === 6 ? ms + 2 * DAY_MS : d === 0 ? ms + DAY_MS : ms;
}

function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function generateDemo(
  services: readonly Service[],
  options: { requests: number; seed: number; end: Date; centre: { lat: number; long: number } },
): DemoData {
  const rng = seededRng(options.seed);
  const taken = new Set<string>();
  const weighted = services.map((s, i) => [s, i < 4 ? 3 : 1] as const);
  const end = options.end.getTime();
  const start = end - 365 * DAY_MS;
  const requests: DemoData['requests'] = [];
  const events: EventRowSpec[] = [];
  const iso = (ms: number): string => new Date(ms).toISOString();
  for (let i = 0; i < options.requests; i++) {
    const service = pick(rng, weighted);
    // Office hours, weekdays more often: a weekend request waits for Monday.
    const day = Math.floor(rng() * 365);
    const submitted = start + day * DAY_MS + (7 + rng() * 12) * HOUR_MS;
    const id = uuidFrom(rng);
    const level = service.service_level_days;
    const ack = weekdayAfter(submitted + exponential(rng, 20) * HOUR_MS);
    // About one request in six takes more than its level; permits are slower.
    const resolveDays = Math.max(0.2, level * (0.4 + exponential(rng, 0.55)));
    const resolved = weekdayAfter(submitted + resolveDays * 1.4 * DAY_MS);
    const outcome = pick(rng, [
      ['resolved', 90],
      ['rejected', 3],
      ['duplicate', 2],
      ['open', 5],
    ] as const);
    const finished = outcome !== 'open' && resolved < end;
    const acknowledged = ack < end;
    const status = !acknowledged
      ? 'submitted'
      : !finished
        ? rng() < 0.5
          ? 'acknowledged'
          : 'in_progress'
        : outcome === 'resolved'
          ? rng() < 0.7
            ? 'closed'
            : 'resolved'
          : outcome;
    const isResolved = status === 'resolved' || status === 'closed';
    const late = Math.max(0, resolveDays - level);
    const answered = isResolved && rng() < 0.6;
    const rating = answered
      ? Math.min(5, Math.max(1, Math.round(4.6 - 0.35 * late + (rng() - 0.5) * 1.6)))
      : null;
    const name = NAMES[Math.floor(rng() * NAMES.length)] ?? 'Ada Obi';
    const dueMs = submitted + level * 1.4 * DAY_MS;
    requests.push({
      id,
      tracking: tracking(rng, taken),
      service_code: service.service_code,
      status,
      channel: pick(rng, CHANNELS),
      language: pick(rng, LANGUAGES),
      submitted_at: iso(submitted),
      due: iso(dueMs).slice(0, 10),
      acknowledged_at: acknowledged ? iso(ack) : null,
      resolved_at: isResolved ? iso(resolved) : null,
      closed_at: status === 'closed' ? iso(resolved + 2 * DAY_MS) : null,
      updated_at: finished ? iso(resolved) : acknowledged ? iso(ack) : iso(submitted),
      rating,
      fixed: rating === null ? null : rating >= 4 ? 'yes' : rating === 3 ? 'partly' : 'no',
      rated_at: rating === null ? null : iso(resolved + DAY_MS),
      lat: options.centre.lat + (rng() - 0.5) * 0.1,
      long: options.centre.long + (rng() - 0.5) * 0.1,
      description: `${service.service_name} near ${name.split(' ')[1] ?? 'the'} Street`,
      contact_name: rng() < 0.7 ? name : null,
      contact_email: rng() < 0.5 ? `${name.toLowerCase().replace(' ', '.')}@example.org` : null,
      contact_phone: rng() < 0.4 ? `+234 80${Math.floor(rng() * 1e8)}` : null,
    });
    const ev = (kind: string, at: number, extra: Partial<EventRowSpec>): void => {
      events.push({ request_id: id, kind, actor: 'demo', at: iso(at), public: true, ...extra });
    };
    ev('created', submitted, { status_to: 'submitted', actor: 'device' });
    if (acknowledged)
      ev('acknowledged', ack, {
        status_from: 'submitted',
        status_to: 'acknowledged',
        staff_minutes: 2 + Math.round(rng() * 6),
      });
    if (acknowledged && rng() < 0.4)
      ev('note', ack + HOUR_MS, {
        public: false,
        message: 'Crew informed',
        staff_minutes: 1 + Math.round(rng() * 4),
      });
    if (finished)
      ev('status_changed', resolved, {
        status_from: 'acknowledged',
        status_to: outcome === 'resolved' ? 'resolved' : outcome,
        staff_minutes: 5 + Math.round(exponential(rng, 15)),
      });
  }
  const drafts: DemoData['drafts'] = [];
  for (let d = 0; d < 365; d += 1) {
    const day = iso(start + d * DAY_MS).slice(0, 10);
    for (const s of services.slice(0, 6)) {
      const started = 1 + Math.floor(rng() * 6);
      const language = pick(rng, LANGUAGES);
      drafts.push({ day, service_code: s.service_code, language, kind: 'started', step: -1, n: started });
      const abandoned = Math.floor(started * rng() * 0.4);
      if (abandoned > 0)
        drafts.push({
          day,
          service_code: s.service_code,
          language,
          kind: 'abandoned',
          step: Math.floor(rng() * 3),
          n: abandoned,
        });
    }
  }
  return { requests, events, drafts };
}
