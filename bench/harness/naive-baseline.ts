/**
 * The naive import baseline as a measurement with a spread: the naive loader (load/naive.ts, one MERGE per row and
 * transaction) writes several disjoint real samples of the generated graph next to the loaded graph, each under
 * its own renamed ids and removed again, after an unmeasured warm-up. A single 200-entity sample taken on a
 * freshly started, empty database varied twelvefold between builds (cold plans and JIT, the shared disk's commit
 * latency); repeating on more rows and reporting the median with the lowest and highest shows how much is noise.
 */
import type { Database } from '../../server/src/db/driver.js';
import { generateBundles, type Bundle, type GenerateOptions } from '../generate.js';
import { naiveImport, naiveSecondsFor, sample, type NaiveTimings } from '../load/naive.js';

export interface NaiveBaseline {
  /** Entities per second the naive loader would reach on the whole graph: the median over the samples. */
  entities_per_s: number;
  relationships_per_s: number;
  /** Lowest and highest over the samples (each extrapolated to the whole graph alone). */
  entities_per_s_min: number;
  entities_per_s_max: number;
  estimated_seconds: number;
  samples: number;
  /** Rows written per sample (all samples together: entities, relationships, quotes, documents). */
  rows: { entities: number; relationships: number; evidence: number; documents: number };
  seconds: number;
  per_sample_entities_per_s: number[];
}

export interface GraphCounts {
  documents: number;
  evidence: number;
  entities: number;
  relationships: number;
}

/** Disjoint slices of the first bundles: `samples` of `entities` entities each, with their relationships and documents. */
function samplesOf(options: GenerateOptions, samples: number, entities: number): Bundle[] {
  const out: Bundle[] = [];
  for (const bundle of generateBundles(options)) {
    for (let offset = 0; offset + entities <= bundle.entities.length && out.length < samples; offset += entities) out.push(sample(bundle, entities, offset));
    if (out.length >= samples) break;
  }
  return out;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Times the naive loader on `samples` slices of `entities` entities and extrapolates each to `counts`. */
export async function measureNaiveBaseline(
  db: Database,
  options: GenerateOptions,
  counts: GraphCounts,
  log: (line: string) => void,
  { samples = 5, entities = 200 }: { samples?: number; entities?: number } = {},
): Promise<NaiveBaseline> {
  const slices = samplesOf(options, samples + 1, entities);
  if (slices.length < 2) throw new Error('the graph is too small for the naive baseline samples');
  // Warm-up: the first slice, unmeasured, so query plans and the JIT are warm for every measured one.
  await naiveImport(db, slices[0]!, '-nv0');
  const timings: NaiveTimings[] = [];
  for (let i = 1; i < slices.length; i += 1) {
    timings.push(await naiveImport(db, slices[i]!, `-nv${i}`));
    const seconds = naiveSecondsFor(timings.at(-1)!, counts);
    log(`Naive baseline sample ${i}/${slices.length - 1}: ${(counts.entities / seconds).toFixed(1)} entities/s extrapolated`);
  }
  const perSample = timings.map((t) => counts.entities / naiveSecondsFor(t, counts));
  const sum = (key: keyof NaiveTimings, field: 'rows' | 'ms'): number => timings.reduce((total, t) => total + t[key][field], 0);
  const estimated = counts.entities / median(perSample);
  return {
    entities_per_s: median(perSample),
    relationships_per_s: counts.relationships / estimated,
    entities_per_s_min: Math.min(...perSample),
    entities_per_s_max: Math.max(...perSample),
    estimated_seconds: estimated,
    samples: timings.length,
    rows: { entities: sum('entities', 'rows'), relationships: sum('relationships', 'rows'), evidence: sum('evidence', 'rows'), documents: sum('documents', 'rows') },
    seconds: (['entities', 'relationships', 'evidence', 'documents'] as const).reduce((total, key) => total + sum(key, 'ms'), 0) / 1000,
    per_sample_entities_per_s: perSample,
  };
}

/** Quotes stored (Evidence nodes, from Neo4j's count store): graphs loaded before `evidence` was kept in their stats. */
export async function evidenceCount(db: Database): Promise<number> {
  const result = await db.read((tx) => tx.run('MATCH (e:Evidence) RETURN count(e) AS evidence'));
  return Number(result.records[0]?.get('evidence') ?? 0);
}
