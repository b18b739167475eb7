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

/**
 * Date-times as Zapier hands them over (ISO-8601 with or without offset, `2026-11-25 14:00`,
 * a date alone, Unix seconds or milliseconds) → ISO-8601 in UTC. A time without an offset is
 * read as UTC, so the result does not depend on the machine's zone.
 */
export function normaliseDateTime(value: string | number): string | undefined {
  if (typeof value === 'number' || /^\d{9,13}$/.test(String(value).trim())) {
    const n = Number(value);
    if (!Number.isFinite(n)) return undefined;
    const ms = n < 1e11 ? n * 1000 : n;
    return new Date(ms).toISOString();
  }
  let text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
  else text = text.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * `95,000.00`, `$95 000`, `€1.234,56`, `95000` → a number. The last `.` or `,` followed by one
 * or two digits is the decimal mark; other separators group thousands.
 */
export function parseAmount(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  let text = value.trim().replace(/[\s\u00a0'’]/g, '').replace(/^[^\d+-]+|[^\d]+$/g, '');
  const negative = text.startsWith('-');
  text = text.replace(/^[+-]/, '');
  if (!/^[\d.,]+$/.test(text)) return undefined;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = decimal ? text.slice(0, decimal.index) : text;
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return undefined;
  const number = Number(`${whole.replace(/[.,]/g, '')}${decimal ? `.${decimal[1]}` : ''}`);
  return Number.isFinite(number) ? (negative ? -number : number) : undefined;
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
