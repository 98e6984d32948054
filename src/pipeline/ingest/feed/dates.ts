/** Reads the dates feeds write (RFC 822 and ISO 8601/W3CDTF, any zone) as ISO 8601 UTC. */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Offsets in minutes of the zone names RFC 822 allows (and a few more that feeds use). */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nzst: 720, nzdt: 780, jst: 540, ist: 330,
  aest: 600, aedt: 660, acst: 570, awst: 480, msk: 180,
};

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[Tt\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

const RFC822 =
  /^(?:[A-Za-z]+,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s-]+(\d{2}|\d{4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$/;

/** ISO 8601 UTC string of a feed date, or undefined when it cannot be read. */
export function parseFeedDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text.length > 100) return undefined;
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    return build(+y!, mo ? +mo : 1, d ? +d : 1, h ? +h : 0, mi ? +mi : 0, s ? +s : 0, ms, zoneOffset(zone));
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const [, d, monthName, y, h, mi, s, zone] = rfc;
    const month = MONTHS[monthName!.slice(0, 3).toLowerCase()];
    if (!month) return undefined;
    let year = +y!;
    // RFC 2822 §4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx.
    if (y!.length === 2) year += year < 50 ? 2000 : 1900;
    const offset = zoneOffset(zone);
    if (offset === undefined) return undefined;
    return build(year, month, +d!, h ? +h : 0, mi ? +mi : 0, s ? +s : 0, 0, offset);
  }
  return undefined;
}

/** Minutes east of UTC for a zone; a missing zone is UTC; undefined for a zone we cannot read. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = +numeric[2]! * 60 + (numeric[3] ? +numeric[3] : 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const lower = zone.toLowerCase();
  if (lower in ZONES) return ZONES[lower];
  if (lower.length === 1 && lower !== 'j') {
    // Military zones: A-I and K-M are +1..+12, N-Y are -1..-12, Z is UTC.
    const c = lower.charCodeAt(0) - 96;
    if (c >= 1 && c <= 9) return c * 60;
    if (c >= 11 && c <= 13) return (c - 1) * 60;
    if (c >= 14 && c <= 25) return -(c - 13) * 60;
  }
  return undefined;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | undefined): string | undefined {
  if (offset === undefined || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  const date = new Date(utc);
  // Reject days that roll over into the next month (e.g. 31 February).
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
