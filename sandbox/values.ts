/** Small value helpers shared by the routes: timestamps, ids, domains, phones and change sets. */
import { createHash, randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const newId = (): string => randomUUID();

/** A UUID derived from its parts, for things that need a stable id but are not stored (stages, email items). */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** ISO-8601 with an explicit +00:00 offset and whole seconds, like the contract's samples. */
export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** "https://www.Northwind-Traders.com/about" → "northwind-traders.com"; null when it is not a host. */
export function domainOf(website: string): string | null {
  const trimmed = website.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

/**
 * E.164 when the number parses; numbers without a country code are read as US numbers [assumed].
 * Unparseable input is kept as sent so nothing the client wrote is lost.
 */
export function normalizePhone(raw: string): string {
  return parsePhoneNumberFromString(raw, 'US')?.number ?? raw.trim();
}

export type Changes = Record<string, { old: unknown; new: unknown }>;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Writes every defined key of `patch` into `record` and returns what actually changed.
 * Keys the client did not send stay untouched.
 */
export function applyPatch<T extends object>(record: T, patch: Partial<T>): Changes {
  const changes: Changes = {};
  const target = record as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || sameValue(target[key], value)) continue;
    changes[key] = { old: target[key], new: value };
    target[key] = value;
  }
  return changes;
}

export const hasChanges = (changes: Changes): boolean => Object.keys(changes).length > 0;

/** Drops undefined values so a patch holds exactly the keys the client sent. */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (values[key] !== undefined) out[key] = values[key];
  }
  return out;
}
