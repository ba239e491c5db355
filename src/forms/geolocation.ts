/**
 * "Use my location": one reading from the device, as a result instead of a
 * callback or an exception, so the form can say plainly what happened. A
 * map is never needed: a typed address or landmark is always an option.
 */

export type LocateProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export type LocateResult =
  { ok: true; lat: number; long: number; accuracy_m: number } | { ok: false; problem: LocateProblem };

/** Long enough for a cold GPS start outdoors; a person can still type meanwhile. */
const TIMEOUT_MS = 20_000;

export function locate(geo: Geolocation | undefined = navigator.geolocation): Promise<LocateResult> {
  if (!geo) return Promise.resolve({ ok: false, problem: 'unsupported' });
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) =>
        resolve({
          ok: true,
          lat: p.coords.latitude,
          long: p.coords.longitude,
          // The schema caps accuracy; a fix worse than that is still worth keeping, capped.
          accuracy_m: Math.min(Math.round(p.coords.accuracy), 100_000),
        }),
      (e) =>
        resolve({
          ok: false,
          problem:
            e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}
