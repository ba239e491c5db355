/**
 * Open311 datetimes: W3C-style ISO 8601 that always carries its offset. We
 * write instants in the jurisdiction's own offset, so a clerk reading an XML
 * answer sees the local wall-clock time, and read any instant that names its
 * offset (or Z).
 */
import { wallClock } from '../../src/core/service-level';

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `instant` as 'YYYY-MM-DDTHH:MM:SS±HH:MM' in `timeZone`, to the second. */
export function isoInZone(instant: Date, timeZone: string): string {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  const w = wallClock(ms, timeZone);
  const [y, mo, d, h, mi, s] = [w.year, w.month, w.day, w.hour, w.minute, w.second];
  const offsetMin = Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - ms) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const off = `${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${off}`;
}

/** W3C datetime with a time zone: seconds and fractions optional, offset or Z required. */
const W3C_RE =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

/**
 * Parses an Open311 datetime parameter; undefined when it is not one. A
 * datetime without an offset is refused: guessing a zone would shift a
 * client's window by hours without telling anyone.
 */
export function parseW3cDatetime(text: string): Date | undefined {
  // An unescaped '+' in a query string arrives as a space; put it back.
  const m = W3C_RE.exec(text.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'));
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const check = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  check.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  check.setUTCHours(Number(h), Number(mi), Number(s ?? 0), 0);
  // A day past the month's end rolls into the next month; a real calendar date survives the round trip.
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  const base = check.getTime();
  let offsetMin = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMin = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * (zone.startsWith('-') ? -1 : 1);
  }
  const fracMs = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  return new Date(base - offsetMin * 60_000 + fracMs);
}
