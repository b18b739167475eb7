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

/** How the key may appear in text: as is, JSON-escaped (`\/`, `\u0026`), URL-encoded. */
export function keyEncodings(key: string): string[] {
  const json = JSON.stringify(key).slice(1, -1);
  const unicodeEscaped = key.replace(/[^A-Za-z0-9_-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const url = encodeURIComponent(key);
  const form = url.replace(/%20/g, '+');
  return [...new Set([key, json, json.replace(/\//g, '\\/'), unicodeEscaped, url, url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), form])];
}

/**
 * The text with every run of {@link SHORTEST_LEAK} or more of the key's characters (in any of its
 * encodings) replaced by `[API key]`.
 */
export function redactKey(text: string, key: string | undefined): string {
  if (!key || key.length < SHORTEST_LEAK || !text) return text;
  const covered = new Uint8Array(text.length);
  let found = false;
  for (const encoding of keyEncodings(key)) {
    for (let i = 0; i + SHORTEST_LEAK <= encoding.length; i++) {
      const window = encoding.slice(i, i + SHORTEST_LEAK);
      for (let at = text.indexOf(window); at !== -1; at = text.indexOf(window, at + 1)) {
        covered.fill(1, at, at + SHORTEST_LEAK);
        found = true;
      }
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
