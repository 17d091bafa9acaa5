import type { Loaders } from '../context.js';
import type { EvidenceRecord } from './model.js';

/** The evidence records behind a fact, in the fact's order; a failed batch load is rethrown, not dropped. */
export async function loadEvidence(loaders: Loaders, ids: readonly string[]): Promise<EvidenceRecord[]> {
  const found = await loaders.evidence.loadMany(ids);
  const records: EvidenceRecord[] = [];
  for (const item of found) {
    if (item instanceof Error) throw item;
    if (item) records.push(item);
  }
  return records;
}
