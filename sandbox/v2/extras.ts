/** The workspace's store of v2 attributes that v1 records do not carry (and of notes' attributes). */
import type { Workspace } from '../store';

export function extraAttribute<T>(ws: Workspace, recordId: string, name: string, fallback: T): T {
  const value = ws.v2Attributes.get(recordId)?.[name];
  return value === undefined ? fallback : (value as T);
}

export function setExtraAttribute(ws: Workspace, recordId: string, name: string, value: unknown): void {
  const values = ws.v2Attributes.get(recordId) ?? {};
  values[name] = value;
  ws.v2Attributes.set(recordId, values);
}

export function dropExtraAttributes(ws: Workspace, recordId: string): void {
  ws.v2Attributes.delete(recordId);
}
