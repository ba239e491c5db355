/**
 * Fetching the public scorecard. The service worker answers from its copy
 * when the network is away (service-worker/runtime-cache.ts, network first),
 * so a page visited once keeps working offline.
 */
import { scorecardSchema, type PublicScorecard } from '../../core/scorecard';

export type ScorecardProblem = 'offline' | 'failed';

export async function fetchScorecard(): Promise<PublicScorecard | ScorecardProblem> {
  let res: Response;
  try {
    res = await fetch('/api/public/scorecard', { headers: { Accept: 'application/json' } });
  } catch {
    return 'offline';
  }
  if (!res.ok) return 'failed';
  const parsed = scorecardSchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? parsed.data : 'failed';
}
