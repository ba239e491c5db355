/**
 * A small hand-made month for the figures' tests: pothole requests (service
 * level 5 working days) in Africa/Lagos (UTC+1, no summer time) around the
 * Easter holidays of 2026 (Friday 3 and Monday 6 April). Every expected
 * figure in the tests is worked out by hand from the comments here.
 *
 *   April 2026:  Wed 1, Thu 2, [Fri 3 holiday], Sat 4, Sun 5, [Mon 6 holiday],
 *                Tue 7, Wed 8, Thu 9, Fri 10, Mon 13, Tue 14, Wed 15, Fri 17, Mon 20 (today)
 */
import { insertRequestRows, type RequestRowSpec } from '../../../server/demo/rows';
import type { Db } from '../../../server/db/types';
import type { Scope } from '../../../server/metrics/sql';

export const TODAY = '2026-04-20';
export const scope = (over: Partial<Scope> = {}): Scope => ({
  timeZone: 'Africa/Lagos',
  today: TODAY,
  ...over,
});

let n = 0;
const row = (over: Partial<RequestRowSpec> & Pick<RequestRowSpec, 'submitted_at'>): RequestRowSpec => ({
  tracking: `CD-FIX${String(++n).padStart(5, '0')}`,
  service_code: 'pothole',
  status: 'submitted',
  channel: 'web',
  language: 'en',
  due: '2026-05-01',
  ...over,
});

export const FIXTURE: readonly RequestRowSpec[] = [
  // A: 23:30 UTC on 31 March is 00:30 on Wed 1 April in Lagos. Level due Fri 10 (2, 7, 8, 9, 10).
  //    First response Thu 2 (1 working day, due Thu 2: on time); resolved 23:30 local Fri 10: 5 days, on time.
  row({
    submitted_at: '2026-03-31T23:30:00Z',
    acknowledged_at: '2026-04-02T09:00:00Z',
    resolved_at: '2026-04-10T22:30:00Z',
    status: 'resolved',
    rating: 5,
    fixed: 'yes',
    language: 'fr',
  }),
  // B: Thu 2. Ack due Tue 7 (3 and 6 are holidays); acknowledged Tue 7: 1 day, on time.
  //    Level due Mon 13; resolved Mon 13: 5 days, on time.
  row({
    submitted_at: '2026-04-02T10:00:00Z',
    acknowledged_at: '2026-04-07T08:00:00Z',
    resolved_at: '2026-04-13T09:00:00Z',
    status: 'closed',
    closed_at: '2026-04-14T09:00:00Z',
    channel: 'phone',
    rating: 3,
    fixed: 'partly',
  }),
  // C: Mon 6 (a holiday). Ack due Tue 7; acknowledged Wed 8: 2 days, late.
  //    Level due Mon 13; resolved Wed 15: 7 days, late.
  row({
    submitted_at: '2026-04-06T12:00:00Z',
    acknowledged_at: '2026-04-08T10:00:00Z',
    resolved_at: '2026-04-15T10:00:00Z',
    status: 'resolved',
    channel: 'kiosk',
    rating: 1,
    fixed: 'no',
    lat: 7.3964,
    long: 3.9167,
  }),
  // D: Tue 7, never answered. Ack due Wed 8, level due Tue 14: today (Mon 20) it is late for both.
  row({ submitted_at: '2026-04-07T10:00:00Z', lat: 7.3999, long: 3.9101 }),
  // E: Fri 17, acknowledged the same day (0 days, on time); level due Fri 24: not yet decided.
  row({
    submitted_at: '2026-04-17T10:00:00Z',
    acknowledged_at: '2026-04-17T12:00:00Z',
    status: 'acknowledged',
    channel: 'counter',
  }),
  // F: Thu 9, rejected the same day: a first response in 0 days; never counted as resolved.
  row({
    submitted_at: '2026-04-09T10:00:00Z',
    updated_at: '2026-04-09T12:00:00Z',
    status: 'rejected',
    channel: 'api',
  }),
  // G: 22:30 UTC on 31 March is 23:30 on Tue 31 March in Lagos: March, not April.
  row({
    submitted_at: '2026-03-31T22:30:00Z',
    status: 'resolved',
    resolved_at: '2026-04-01T10:00:00Z',
    rating: 4,
  }),
];

export async function loadFixture(db: Db): Promise<string[]> {
  return insertRequestRows(db, FIXTURE);
}
