/**
 * The API key as a person pastes it, and the ways it could leak back out.
 */

/** Spaces, line breaks, and the invisible characters a copy from a web page or a PDF brings along. */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The key without whitespace or invisible characters; `undefined` when control characters remain. */
export function cleanApiKey(raw: unknown): string | undefined {
  const key = String(raw ?? '').replace(INVISIBLE, '');
  return CONTROL.test(key) ? undefined : key;
}

export const BAD_KEY_MESSAGE =
  'The API key of this connection contains control characters, so it cannot be what Reevo issued. Copy the key again (Reevo shows it only once; a workspace admin can make a new one under Settings → API Keys) and reconnect.';

/** Runs this long of the key's characters count as the key: half a key leaks it too. */
export const SHORTEST_LEAK = 8;

/**
 * What JSON encoders escape as `\uXXXX`: Go's HTML-safe set, .NET's default set, everything but
 * letters and digits. Each also with `/` as `\/` (PHP) and with upper-case hex.
 */
const JSON_ESCAPED = [/[&<>]/g, /[&<>'+`]/g, /[^A-Za-z0-9_-]/g];

/** How the key may appear in text: as is, JSON-escaped (`\/`, `\u0026`), URL-encoded. */
export function keyEncodings(key: string): string[] {
  const encodings = [
    key,
    encodeURIComponent(key),
    encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
  ];
  for (const escaped of JSON_ESCAPED) {
    for (const hex of [(code: string) => code, (code: string) => code.toUpperCase()]) {
      const json = key.replace(escaped, (c) => `\\u${hex(c.charCodeAt(0).toString(16).padStart(4, '0'))}`);
      encodings.push(json, json.replace(/\//g, '\\/'));
    }
  }
  return [...new Set(encodings)];
}

/**
 * For core's log censor, which tries each value raw, URL-encoded, JSON-stringified and in base64
 * itself at a cost per value: every encoding whole, and every run of {@link SHORTEST_LEAK} of the
 * key's own characters.
 */
export function logForms(key: string): string[] {
  const runs = Array.from({ length: Math.max(0, key.length - SHORTEST_LEAK + 1) }, (_, i) =>
    key.slice(i, i + SHORTEST_LEAK),
  );
  return [...new Set([...keyEncodings(key), ...runs])];
}

/** Every form of the key and every run of {@link SHORTEST_LEAK} of its characters in each form. */
export function leakForms(key: string): string[] {
  const forms = new Set<string>();
  for (const encoding of keyEncodings(key)) {
    forms.add(encoding);
    for (let i = 0; i + SHORTEST_LEAK <= encoding.length; i++) forms.add(encoding.slice(i, i + SHORTEST_LEAK));
  }
  return [...forms];
}

/**
 * The text with every run of {@link SHORTEST_LEAK} or more of the key's characters (in any of its
 * encodings) replaced by `[API key]`.
 */
export function redactKey(text: string, key: string | undefined): string {
  if (!key || key.length < SHORTEST_LEAK || !text) return text;
  const covered = new Uint8Array(text.length);
  let found = false;
  for (const form of leakForms(key)) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      covered.fill(1, at, at + form.length);
      found = true;
    }
  }
  if (!found) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) out += text[i];
    else if (i === 0 || !covered[i - 1]) out += '[API key]';
  }
  return out;
}
