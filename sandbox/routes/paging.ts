/** Limit/offset paging over stored records (searches return a bare array; contract §2.2). */

/** One page of the matches, in creation order, without materializing every match. */
export function page<T>(
  records: Iterable<T>,
  matches: (record: T) => boolean,
  paging: { limit: number; offset: number },
): T[] {
  const out: T[] = [];
  let skipped = 0;
  for (const record of records) {
    if (!matches(record)) continue;
    if (skipped < paging.offset) {
      skipped += 1;
      continue;
    }
    out.push(record);
    if (out.length >= paging.limit) break;
  }
  return out;
}
