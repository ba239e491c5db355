import { describe, expect, it } from 'vitest';
import {
  STATUS_ORDER,
  TRANSITIONS,
  canTransition,
  isTerminal,
  open311Status,
  progressStep,
} from '../../../src/core/lifecycle';
import { STATUSES, type Status } from '../../../src/core/status';

/** Every status reachable from `start` (itself included), following TRANSITIONS. */
function reachable(start: Status): Set<Status> {
  const seen = new Set<Status>([start]);
  const queue: Status[] = [start];
  for (let s = queue.shift(); s !== undefined; s = queue.shift())
    for (const n of TRANSITIONS[s])
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  return seen;
}

describe('TRANSITIONS', () => {
  it('has an entry for every status and names only real statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STATUSES].sort());
    for (const next of Object.values(TRANSITIONS)) for (const s of next) expect(STATUSES).toContain(s);
  });

  it('never lists a status as its own successor or twice', () => {
    for (const s of STATUSES) {
      expect(TRANSITIONS[s]).not.toContain(s);
      expect(new Set(TRANSITIONS[s]).size).toBe(TRANSITIONS[s].length);
    }
  });

  it('nothing leads back to submitted', () => {
    for (const s of STATUSES) expect(TRANSITIONS[s]).not.toContain('submitted');
  });

  it('every status can be reached from submitted', () => {
    expect([...reachable('submitted')].sort()).toEqual([...STATUSES].sort());
  });

  it('every status can still end in closed', () => {
    for (const start of STATUSES) expect(reachable(start).has('closed'), start).toBe(true);
  });
});

describe('canTransition', () => {
  it.each<[Status, Status]>([
    ['submitted', 'acknowledged'],
    ['submitted', 'resolved'],
    ['submitted', 'duplicate'],
    ['acknowledged', 'in_progress'],
    ['in_progress', 'resolved'],
    ['in_progress', 'rejected'],
    ['resolved', 'closed'],
    ['resolved', 'in_progress'],
    ['rejected', 'acknowledged'],
    ['duplicate', 'acknowledged'],
  ])('allows %s → %s', (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each<[Status, Status]>([
    ['submitted', 'submitted'],
    ['submitted', 'closed'],
    ['acknowledged', 'submitted'],
    ['in_progress', 'acknowledged'],
    ['resolved', 'rejected'],
    ['closed', 'in_progress'],
    ['closed', 'acknowledged'],
    ['rejected', 'resolved'],
    ['duplicate', 'closed'],
  ])('refuses %s → %s', (from, to) => expect(canTransition(from, to)).toBe(false));

  it('agrees with TRANSITIONS for every pair', () => {
    for (const from of STATUSES)
      for (const to of STATUSES) expect(canTransition(from, to)).toBe(TRANSITIONS[from].includes(to));
  });
});

describe('open311Status', () => {
  it('maps to open or closed', () => {
    const closed = STATUSES.filter((s) => open311Status(s) === 'closed');
    expect(closed.sort()).toEqual(['closed', 'duplicate', 'rejected', 'resolved']);
    expect(open311Status('submitted')).toBe('open');
    expect(open311Status('acknowledged')).toBe('open');
    expect(open311Status('in_progress')).toBe('open');
  });
});

describe('isTerminal', () => {
  it('only closed is terminal; rejections can be reinstated', () => {
    expect(STATUSES.filter(isTerminal)).toEqual(['closed']);
  });
});

describe('STATUS_ORDER and progressStep', () => {
  it('is the happy path, each step a legal transition from the one before', () => {
    expect(STATUS_ORDER).toEqual(['submitted', 'acknowledged', 'in_progress', 'resolved', 'closed']);
    for (let i = 1; i < STATUS_ORDER.length; i++) {
      const [from, to] = [STATUS_ORDER[i - 1], STATUS_ORDER[i]];
      if (from === undefined || to === undefined) throw new Error('unreachable');
      expect(canTransition(from, to)).toBe(true);
    }
  });

  it('gives the position on the path, -1 off it', () => {
    expect(STATUS_ORDER.map(progressStep)).toEqual([0, 1, 2, 3, 4]);
    expect(progressStep('rejected')).toBe(-1);
    expect(progressStep('duplicate')).toBe(-1);
  });
});
