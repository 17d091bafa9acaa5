/** The printed table: one row per query and concurrency, with the ratios the targets are stated in. */
import type { BenchResult } from './result.js';

const ms = (value: number | null): string => (value === null || Number.isNaN(value) ? '-' : value.toFixed(1));
const ratio = (a: number, b: number | null): string => (b === null || !b || Number.isNaN(a) || Number.isNaN(b) ? '-' : (a / b).toFixed(2));

export function formatTable(result: BenchResult): string {
  const header = ['query', 'c', 'a p50', 'a p95', 'a p99', 'a req/s', 'b p50', 'b p95', 'b req/s', 'c p50', 'c p95', 'a/b p50', 'a/b p95', 'a/c p50', '=b', '=c'];
  const rows = result.queries.map((q) => [
    q.name,
    String(q.concurrency),
    ms(q.server_p50_ms),
    ms(q.server_p95_ms),
    ms(q.server_p99_ms),
    q.server_rps.toFixed(0),
    ms(q.floor_p50_ms),
    ms(q.floor_p95_ms),
    q.floor_rps.toFixed(0),
    ms(q.peer_p50_ms),
    ms(q.peer_p95_ms),
    ratio(q.server_p50_ms, q.floor_p50_ms),
    ratio(q.server_p95_ms, q.floor_p95_ms),
    ratio(q.server_p50_ms, q.peer_p50_ms),
    q.equal_floor ? 'yes' : 'NO',
    q.equal_peer === null ? '-' : q.equal_peer ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ');
  const s = result.search;
  const a = result.import.articles;
  const lines = [
    '',
    `Size ${result.size} (${result.graph.entities} entities, ${result.graph.relationships} relationships, ${result.graph.documents} documents), seed ${result.seed}`,
    `Machine: ${result.machine}`,
    `Neo4j ${result.neo4j.version}: ${result.neo4j.where}, heap ${result.neo4j.heap ?? 'n/a'}, page cache ${result.neo4j.page_cache ?? 'n/a'}`,
    `${result.iterations} requests per series after warm-up; times in ms over HTTP on 127.0.0.1. a = this server, b = floor (same Cypher via neo4j-driver), c = @neo4j/graphql 7.6.3`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
    '',
    ...(result.not_yet_in_schema.length > 0 ? [`Not timed yet (no rows): ${result.not_yet_in_schema.join(', ')}`] : []),
    `Search top-5 over ${s.probes} people and organisations: ${(result.search_top5 * 100).toFixed(0)}% (3-letter prefix ${(s.byStyle.prefix3 * 100).toFixed(0)}%, full name ${(s.byStyle.full_name * 100).toFixed(0)}%, without diacritics ${(s.byStyle.without_diacritics * 100).toFixed(0)}%; 3-letter prefix of every word ${(s.byStyle.prefix3_each_word * 100).toFixed(0)}%)`,
    `  probes drawn by degree instead: 3-letter prefix ${(s.connectedByStyle.prefix3 * 100).toFixed(0)}%, full name ${(s.connectedByStyle.full_name * 100).toFixed(0)}%, without diacritics ${(s.connectedByStyle.without_diacritics * 100).toFixed(0)}%, every word ${(s.connectedByStyle.prefix3_each_word * 100).toFixed(0)}%`,
    `Import (${result.import.importer}): ${result.import.entities_per_s.toFixed(0)} entities/s, ${result.import.relationships_per_s.toFixed(0)} relationships/s; ${naiveLine(result)}`,
    a
      ? `Articles (importArticle, gazetteer of ${a.gazetteer_names} names from ${a.gazetteer_entities} entities: read ${a.gazetteer_read_ms.toFixed(0)} ms, built ${a.gazetteer_build_ms.toFixed(0)} ms): ${a.articles_per_s} articles/s, ${a.import_ms_per_article} ms per article (max ${a.import_max_ms}), extraction alone ${a.extract_ms_per_article} ms (${a.articles} articles of ~${a.article_chars} characters, ${a.rounds} rounds)`
      : `Articles: not measured (run limited to queries matching "${result.only ?? ''}")`,
    `Memory: benchmark process RSS ${result.memory.rss_at_rest_mb.toFixed(0)} MB at rest, ${result.memory.rss_under_load_max_mb.toFixed(0)} MB max under load; Neo4j heap used ${result.memory.neo4j_at_rest.heap_used_mb ?? '?'} MB at rest, ${result.memory.neo4j_after_load.heap_used_mb ?? '?'} MB after the query series (committed ${result.memory.neo4j_after_load.heap_committed_mb ?? '?'} MB)`,
    `Load average (shared machine; 1/5/15 min): ${result.load_average.start.join(' / ')} when the queries started, ${result.load_average.end.join(' / ')} at the end`,
    '',
  ];
  for (const q of result.queries) if (q.peer_note && q.concurrency === result.queries[0]?.concurrency) lines.push(`c: ${q.name}: ${q.peer_note}`);
  return lines.join('\n');
}

/** The naive baseline with its spread, or why it is missing. */
function naiveLine(result: BenchResult): string {
  const n = result.import.naive;
  if (!n) return 'naive baseline not measured (run limited to some queries)';
  const x = (perS: number): string => (result.import.entities_per_s / perS).toFixed(1);
  return `naive baseline ${n.entities_per_s.toFixed(1)} entities/s, median of ${n.samples} samples of ${n.rows.entities / n.samples} entities (${n.entities_per_s_min.toFixed(1)}-${n.entities_per_s_max.toFixed(1)}): ${x(n.entities_per_s)}x (${x(n.entities_per_s_max)}-${x(n.entities_per_s_min)}x)`;
}
