/**
 * CI's audit step (scripts/audit-production.mjs) tells "the audit found high
 * or critical advisories" (fail) from "the registry offers no audit" (warn,
 * go on), from what `npm audit --json` printed: the 405 answer is the one
 * this machine's registry gives, the reports are in npm's format.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { auditVerdict as untyped } from '../../../scripts/audit-production.mjs';

type Verdict = { verdict: 'clean' | 'vulnerable' | 'unavailable' | 'unknown'; message: string };
const auditVerdict = untyped as (code: number, stdout: string) => Verdict;

const report = (counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts },
      dependencies: { prod: 120, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 120 },
    },
  });

const noAudit = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  headers: { allow: ['GET,HEAD'] },
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});

describe('auditVerdict', () => {
  it('fails on high or critical advisories, whatever else there is', () => {
    expect(auditVerdict(1, report({ high: 2, moderate: 3, total: 5 }))).toEqual({
      verdict: 'vulnerable',
      message: 'npm audit: 0 critical and 2 high advisories in production dependencies',
    });
    expect(auditVerdict(1, report({ critical: 1, total: 1 })).verdict).toBe('vulnerable');
  });

  it('passes when only low and moderate ones are found', () => {
    expect(auditVerdict(0, report({ low: 1, moderate: 4, total: 5 })).verdict).toBe('clean');
  });

  it('warns and goes on when the registry answers 405 to the audit call', () => {
    const v = auditVerdict(1, noAudit);
    expect(v.verdict).toBe('unavailable');
    expect(v.message).toMatch(/^WARNING: the registry does not offer audit \(405 Method Not Allowed/);
  });

  it('fails on what it cannot explain: no JSON, or another error', () => {
    expect(auditVerdict(1, 'npm ERR! something').verdict).toBe('unknown');
    expect(
      auditVerdict(1, JSON.stringify({ statusCode: 500, message: '500 Internal Server Error' })).verdict,
    ).toBe('unknown');
  });
});
