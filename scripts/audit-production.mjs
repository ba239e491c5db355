// CI's audit of the production dependencies: `npm audit --omit=dev
// --audit-level=high`, told apart by what npm printed. High or critical
// advisories fail the run; a registry that offers no audit endpoint (a mirror
// or proxy answering 405/404/501 to the advisories call) is a warning and the
// run goes on, since nothing was learned either way; anything else npm could
// not explain fails, so a broken audit never passes silently.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Statuses with which a registry says it has no audit endpoint at all. */
const NO_AUDIT_STATUS = new Set([404, 405, 501]);

/**
 * What npm's exit code and JSON output mean.
 * @param {number} code npm's exit code
 * @param {string} stdout what `npm audit --json` printed
 * @returns {{ verdict: 'clean' | 'vulnerable' | 'unavailable' | 'unknown', message: string }}
 */
export function auditVerdict(code, stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { verdict: 'unknown', message: `npm audit printed no JSON (exit ${code})` };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const high = Number(counts.high ?? 0);
    const critical = Number(counts.critical ?? 0);
    if (high + critical > 0)
      return {
        verdict: 'vulnerable',
        message: `npm audit: ${critical} critical and ${high} high advisories in production dependencies`,
      };
    return {
      verdict: 'clean',
      message: 'npm audit: no high or critical advisories in production dependencies',
    };
  }
  const status = Number(report?.statusCode ?? report?.error?.statusCode);
  const text = String(report?.message ?? report?.error?.summary ?? '');
  if (NO_AUDIT_STATUS.has(status) || report?.error?.code === 'ENOAUDIT' || report?.code === 'ENOAUDIT')
    return {
      verdict: 'unavailable',
      message: `WARNING: the registry does not offer audit (${text || `status ${status}`}); production dependencies were NOT audited`,
    };
  return { verdict: 'unknown', message: `npm audit failed (exit ${code}): ${text || stdout.slice(0, 300)}` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
  const { verdict, message } = auditVerdict(run.status ?? 1, run.stdout ?? '');
  (verdict === 'clean' ? console.log : console.error)(message);
  process.exit(verdict === 'vulnerable' || verdict === 'unknown' ? 1 : 0);
}
