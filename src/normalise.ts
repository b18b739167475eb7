import type * as PhoneNumbers from 'libphonenumber-js/min';

/**
 * Pure functions that turn what a Zap or a Clay cell hands over into what Reevo expects.
 * Each returns `undefined` when the value cannot be read, so callers can report the field.
 */

/** Nothing worth sending: undefined, null, blank text, or a list of blanks. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** `" Jane.Doe@Acme.COM "`, `mailto:jane@acme.com`, `Jane <jane@acme.com>` → `jane.doe@acme.com`. */
export function normaliseEmail(value: string): string | undefined {
  let text = value.trim();
  const bracketed = /<([^<>]+)>\s*$/.exec(text);
  if (bracketed) text = bracketed[1].trim();
  text = text.replace(/^mailto:/i, '').toLowerCase();
  return EMAIL.test(text) ? text : undefined;
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isHostName(host: string): boolean {
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label)) && /[a-z]/.test(labels.at(-1) ?? '');
}

/** The host of anything that names a site: a URL, a bare host, or an email address. */
function hostOf(value: string): string | undefined {
  let text = value.trim().toLowerCase();
  if (text === '') return undefined;
  if (!text.includes('/') && text.includes('@')) text = text.slice(text.lastIndexOf('@') + 1);
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `https://${text}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/\.$/, '');
  return isHostName(host) ? host : undefined;
}

/** `https://www.Acme.com/about`, `acme.com`, `jane@acme.com` → `acme.com`. */
export function normaliseDomain(value: string): string | undefined {
  return hostOf(value)?.replace(/^www\./, '');
}

/** `www.acme.com/about?x=1` → `https://www.acme.com`: the site's origin, always HTTPS unless given as http. */
export function normaliseWebsite(value: string): string | undefined {
  const host = hostOf(value);
  if (!host) return undefined;
  const scheme = /^\s*http:\/\//i.test(value) ? 'http' : 'https';
  return `${scheme}://${host}`;
}

/** A profile or page URL: scheme added when missing, otherwise kept as typed. */
export function normaliseUrl(value: string): string | undefined {
  const text = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return isHostName(url.hostname.toLowerCase()) ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC_2822 =
  /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?\s*(GMT|UTC|Z|[+-]\d{4})?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A real day and time of day: 2026-02-31 and 24:30 are not rolled over into the next. */
function isRealTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour <= 23 && minute <= 59 && second <= 59;
}

function isoOf(
  year: string,
  month: string,
  day: string,
  hour = '0',
  minute = '0',
  second = '0',
  fraction = '',
  zone = 'Z',
): string | undefined {
  if (!isRealTime(+year, +month, +day, +hour, +minute, +second)) return undefined;
  const offset = /^z|gmt|utc$/i.test(zone) ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const time = Date.parse(
    `${year}-${month}-${day}T${hour.padStart(2, '0')}:${minute.padStart(2, '0')}:${second.padStart(2, '0')}${fraction}${offset}`,
  );
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Date-times as Zapier hands them over (ISO-8601 with or without offset, `2026-11-25 14:00`, a
 * date alone, RFC 2822 as in mail headers, Unix seconds or milliseconds) → ISO-8601 in UTC. A
 * time without an offset is read as UTC, so the result does not depend on the machine's zone.
 * Anything else (`1`, `Dec 25`, `2026-02-31`) is refused rather than guessed at.
 */
export function normaliseDateTime(value: string | number): string | undefined {
  if (typeof value === 'number' || /^\d{9,13}$/.test(String(value).trim())) {
    const n = Number(value);
    if (!Number.isFinite(n)) return undefined;
    const ms = n < 1e11 ? n * 1000 : n;
    return new Date(ms).toISOString();
  }
  const text = value.trim();
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) return isoOf(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7], iso[8]);
  const rfc = RFC_2822.exec(text);
  const month = rfc ? MONTHS.indexOf(rfc[2].toLowerCase()) + 1 : 0;
  if (!rfc || month === 0) return undefined;
  return isoOf(rfc[3], String(month).padStart(2, '0'), rfc[1].padStart(2, '0'), rfc[4], rfc[5], rfc[6], '', rfc[7]);
}

/** Minus signs other than `-` that a spreadsheet or a word processor may hand over. */
const MINUS = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g;
const SIGNED_AMOUNT = /^([+-]?)[^\d.,+-]*([+-]?)([\d.,]+)[^\d.,+-]*([+-]?)$/;

/**
 * `95,000.00`, `$95 000`, `€1.234,56`, `(1,234.56)`, `1,234.56-`, `−95,000` → a number, its sign
 * kept. The last `.` or `,` is the decimal mark when other digits follow it than one group of three
 * (`0.125`, `12.3456`, `1,234.5`); one group of three after a `,` groups thousands (`95,000`);
 * `1.234` could be either, and is refused rather than guessed at.
 */
export function parseAmount(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  let text = value
    .trim()
    .replace(/[\s\u00a0\u202f'’]/g, '')
    .replace(MINUS, '-');
  const accounting = /^([^\d(]*)\((.*)\)([^\d)]*)$/.exec(text);
  if (accounting) text = `${accounting[1]}${accounting[2]}${accounting[3]}`;
  const parts = SIGNED_AMOUNT.exec(text);
  if (!parts) return undefined;
  const signs = [parts[1], parts[2], parts[4]].filter(Boolean);
  if (signs.length > 1 || (accounting && signs.length > 0)) return undefined;
  const magnitude = unsignedAmount(parts[3]);
  if (magnitude === undefined) return undefined;
  return accounting || signs[0] === '-' ? -magnitude : magnitude;
}

function unsignedAmount(text: string): number | undefined {
  const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  if (last === -1) return Number(text);
  const mark = text[last];
  const before = text.slice(0, last);
  const after = text.slice(last + 1);
  const otherMark = mark === '.' ? ',' : '.';
  const groupsOnly = (whole: string, separator: string) => new RegExp(`^\\d{1,3}(\\${separator}\\d{3})*$`).test(whole);
  let decimal: boolean;
  if (!/^\d+$/.test(after)) return undefined;
  if (after.length !== 3 || before.includes(otherMark) || /^0?$/.test(before)) decimal = true;
  else if (before.includes(mark)) decimal = false;
  else if (mark === ',') decimal = false;
  else return undefined;
  if (!decimal) return groupsOnly(text, mark) ? Number(text.replace(/[.,]/g, '')) : undefined;
  const whole = before === '' ? '0' : before;
  if (!/^\d+$/.test(whole) && !groupsOnly(whole, otherMark)) return undefined;
  return Number(`${whole.replace(/[.,]/g, '')}.${after}`);
}

/** Comma-, semicolon- or newline-separated text, or Zapier line items, → distinct non-blank items. */
export function splitList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.flatMap((item) => splitList(item)) : String(value ?? '').split(/[,;\n]/);
  return [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
}

let phoneNumbers: typeof PhoneNumbers | undefined;

/**
 * Common phone formats → E.164. Numbers without a country code are read as US numbers.
 * The phone library (with its country metadata) loads on first use, not with the app.
 */
export function normalisePhone(value: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  phoneNumbers ??= require('libphonenumber-js/min') as typeof PhoneNumbers;
  const phone = phoneNumbers.parsePhoneNumberFromString(value.trim(), 'US');
  return phone?.isPossible() ? phone.number : undefined;
}
