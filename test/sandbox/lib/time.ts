/** Date formatting and parsing in the styles the four vendors use. All times are UTC. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-06-20T12:00:00` (UTC, seconds). */
const isoSeconds = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** `2026-06-20T12:00:00+00:00` (Python isoformat of an aware UTC datetime, seconds). */
export function isoOffset(ms: number): string {
  return `${isoSeconds(ms)}+00:00`;
}

/** `2019-12-30T14:14:44.493576+00:00` (SmartWiFi connection dates). */
export function isoMicroOffset(ms: number, micros: number): string {
  return `${isoSeconds(ms)}.${pad(micros % 1000000, 6)}+00:00`;
}

/** `2025-04-03T05:08:32.000000Z` (Laravel model serialisation). */
export function laravelIso(ms: number): string {
  return `${isoSeconds(ms)}.000000Z`;
}

/** `2025-04-03 05:08:32` (SQL / Laravel `Y-m-d H:i:s`). */
export function sqlDateTime(ms: number): string {
  const s = isoSeconds(ms);
  return `${s.slice(0, 10)} ${s.slice(11)}`;
}

export function ymd(ms: number): string {
  return isoSeconds(ms).slice(0, 10);
}

export function floorSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export interface ParsedDate {
  ms: number;
  hasTime: boolean;
}

/**
 * Parses `yyyy-mm-dd`, `yyyy-mm-dd hh:mm[:ss]` or `yyyy-mm-ddThh:mm[:ss[.ffffff]][Z|±hh:mm]`.
 * `separators` restricts the date/time delimiter. Returns null when invalid.
 */
export function parseDate(input: string, separators: ' ' | 'T' | ' T' = ' T'): ParsedDate | null {
  const s = input.trim();
  const d = DATE_RE.exec(s);
  if (d) {
    const ms = Date.UTC(+d[1], +d[2] - 1, +d[3]);
    return valid(ms, +d[1], +d[2], +d[3]) ? { ms, hasTime: false } : null;
  }
  const m = DATETIME_RE.exec(s);
  if (!m || !separators.includes(s[10])) return null;
  const [h, mi, se] = [+m[4], +m[5], m[6] ? +m[6] : 0];
  if (h > 23 || mi > 59 || se > 59) return null;
  let ms = Date.UTC(+m[1], +m[2] - 1, +m[3], h, mi, se) + (m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0);
  if (!valid(Date.UTC(+m[1], +m[2] - 1, +m[3]), +m[1], +m[2], +m[3])) return null;
  const tz = m[8];
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    ms -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4)) * MINUTE;
  }
  return { ms, hasTime: true };
}

function valid(ms: number, y: number, mo: number, d: number): boolean {
  const dt = new Date(ms);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** `hh:mm:ss` from seconds (SmartWiFi online_time). */
export function hms(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  return `${pad(h)}:${pad(m)}:${pad(totalSeconds % 60)}`;
}
