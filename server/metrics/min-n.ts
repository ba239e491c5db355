/**
 * The smallest number of requests or answers a compared figure may stand on.
 * Below it a league table shows "not enough yet" instead of the figure: a
 * council with one fixed report must not top a "most responsive" list
 * (FixMyStreet #1957), and one person's rating must not be readable off a
 * small group.
 */
export const MIN_N = 5;

/** For correlations: below this the direction is shown with a plain caveat. */
export const FEW_FOR_CORRELATION = 30;

/** The value when at least MIN_N stand behind it, else null. */
export function gated<T>(value: T | null, n: number): T | null {
  return n >= MIN_N ? value : null;
}
