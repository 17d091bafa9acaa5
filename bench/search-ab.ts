/**
 * A/B of the type-ahead search query on the cached graph: `npx tsx bench/search-ab.ts [--size M] [rounds]`. The
 * index-ranked query (server/src/search/queries.ts) and the earlier one (5,000 hits ranked by stored degree)
 * take turns on the same 3-letter prefixes and full names, one request at a time, so load on the shared machine
 * hits both alike; prints p50/p95 of each, and checks that no prefix-only hit outranks a whole-word hit.
 */
import neo4j from 'neo4j-driver';
import { ENTITY_NAMES_INDEX } from '../server/src/db/schema.js';
import { ENTITY_PROJECTION } from '../server/src/graph/entity.js';
import { foldForSearch } from '../server/src/graph/fold.js';
import { luceneQuery } from '../server/src/search/lucene.js';
import { searchQuery } from '../server/src/search/queries.js';
import { DEFAULT_SEED, sizeOptions, type SizeName } from './generate.js';
import { planGraph } from './gen/plan.js';
import { openBenchDatabase } from './harness/database.js';
import { chooseProbes } from './harness/probes.js';

const size = (process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : 'M') as SizeName;
const rounds = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 5);
const generate = sizeOptions(size, DEFAULT_SEED);
const probes = chooseProbes(planGraph(generate), generate.seed, 50);
const bench = await openBenchDatabase({ size, seed: DEFAULT_SEED, generate }, (line) => process.stderr.write(`${line}\n`));

/** The query before the rank tokens: up to 5,000 hits, ordered by score and then by each hit's stored degree. */
const earlier = (query: string) => ({
  cypher: `CALL db.index.fulltext.queryNodes('${ENTITY_NAMES_INDEX}', $lucene, {limit: 5000}) YIELD node AS n, score
WITH n, score ORDER BY score DESC, coalesce(n.degree, 0) DESC, n.name ASC, n.id ASC LIMIT $first
RETURN ${ENTITY_PROJECTION} AS entity, score`,
  params: { lucene: `searchNames:(${luceneQuery(query)})`, first: neo4j.int(10) },
});

const targets = [...probes.searchTargets, ...probes.connectedTargets];
const styles = { prefix3: (name: string) => name.slice(0, 3), full_name: (name: string) => name };
const times: Record<string, number[]> = {};
let inversions = 0;
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const target of targets) {
      for (const [style, make] of Object.entries(styles)) {
        const query = make(target.name);
        for (const [variant, built] of [['index-ranked', searchQuery({ query, kinds: null, first: 10 })], ['earlier', earlier(query)]] as const) {
          const start = performance.now();
          const result = await bench.db.read((tx) => tx.run(built.cypher, built.params));
          (times[`${style} ${variant}`] ??= []).push(performance.now() - start);
          if (variant === 'index-ranked' && round === 0) {
            // A hit whose names hold every query word whole must never follow one that holds only prefixes.
            const words = foldForSearch(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
            const whole = result.records.map((r) => {
              const entity = r.get('entity') as { name: string; aliases: string[] };
              const tokens = new Set([entity.name, ...entity.aliases].flatMap((n) => foldForSearch(n).split(/[^\p{L}\p{N}]+/u)));
              return words.every((w) => tokens.has(w));
            });
            if (whole.lastIndexOf(true) > whole.indexOf(false) && whole.includes(false)) inversions += 1;
          }
        }
      }
    }
  }
} finally {
  await bench.close();
}
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
for (const [name, values] of Object.entries(times)) {
  console.log(`${name.padEnd(24)} n=${values.length} p50 ${pct(values, 0.5).toFixed(1)} ms p95 ${pct(values, 0.95).toFixed(1)} ms`);
}
console.log(`queries with a prefix-only hit above a whole-word hit (index-ranked, first round): ${inversions} of ${targets.length * 2}`);
