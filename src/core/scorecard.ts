/**
 * The public scorecard as GET /api/public/scorecard sends it: counts and
 * rates only, for the council, each group and each service, with 12 months
 * of trend. A null figure means fewer than `min_n` requests or answers stand
 * behind it ("not enough answers yet"). Parsed by the page before use.
 */
import { z } from 'zod/mini';

const count = z.number().check(z.int(), z.gte(0));
const share = z.nullable(z.number().check(z.gte(0), z.lte(1)));

export const scoreFiguresSchema = z.object({
  received: count,
  decided: count,
  on_time_share: share,
  resolved: count,
  median_days: z.nullable(z.number().check(z.gte(0))),
  answers: count,
  satisfaction: z.nullable(z.number().check(z.gte(1), z.lte(5))),
});
export type ScoreFigures = z.infer<typeof scoreFiguresSchema>;

const trend = z.array(z.object({ month: z.string(), figures: scoreFiguresSchema }));
const row = { code: z.string(), names: z.record(z.string(), z.string()), figures: scoreFiguresSchema, trend };

export const scorecardSchema = z.object({
  jurisdiction: z.string(),
  period: z.object({ from: z.string(), to: z.string(), today: z.string() }),
  min_n: count,
  council: z.object({ figures: scoreFiguresSchema, trend }),
  groups: z.array(z.object(row)),
  services: z.array(z.object({ ...row, group_code: z.string(), level_days: z.optional(count) })),
});
export type PublicScorecard = z.infer<typeof scorecardSchema>;
