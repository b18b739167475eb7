import type { Bundle, ZObject } from 'zapier-platform-core';
import type { appTester as AppTester } from '../helpers/zapier';

type Perform<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

export type FindOrCreateResult = { outcome: 'found' | 'created'; record: Record<string, unknown> };

/**
 * What Zapier does for a "Find or Create" step (zapier-platform-core does not run search-or-create
 * itself): run the search; if it finds nothing, run the paired create with the create's own
 * inputs. The step's result is the search's first record, or what the create returned.
 */
export async function findOrCreate(
  appTester: typeof AppTester,
  pair: { search: Perform<Array<Record<string, unknown>>>; create: Perform<Record<string, unknown>> },
  searchBundle: Partial<Bundle>,
  createBundle: Partial<Bundle>,
): Promise<FindOrCreateResult> {
  const found = await appTester(pair.search, searchBundle);
  if (found.length > 0) return { outcome: 'found', record: found[0] };
  return { outcome: 'created', record: await appTester(pair.create, createBundle) };
}
