/** The shape of bench/results/latest.json. */
import type { ArticleImportResult } from './articles.js';
import type { NaiveBaseline } from './naive-baseline.js';
import type { SearchQuality } from './search-quality.js';

export interface QueryRow {
  name: string;
  concurrency: number;
  server_p50_ms: number;
  server_p95_ms: number;
  server_p99_ms: number;
  server_rps: number;
  floor_p50_ms: number;
  floor_p95_ms: number;
  floor_p99_ms: number;
  floor_rps: number;
  peer_p50_ms: number | null;
  peer_p95_ms: number | null;
  peer_rps: number | null;
  /** Server and floor answered with the same content. */
  equal_floor: boolean;
  /** Server and peer answered with the same content; null where not comparable. */
  equal_peer: boolean | null;
  errors: { server: number; floor: number; peer: number };
  capped: boolean;
  peer_note?: string;
}

export interface BenchResult {
  size: string;
  seed: number;
  machine: string;
  date: string;
  iterations: number;
  neo4j: { where: string; version: string; heap: string | null; page_cache: string | null };
  graph: { entities: number; relationships: number; documents: number; cached: boolean; hub: string; ordinary: string };
  queries: QueryRow[];
  not_yet_in_schema: string[];
  /** Which queries were timed when the run was limited (`--only`), else absent. */
  only?: string;
  search_top5: number;
  search: SearchQuality;
  import: {
    importer: string;
    entities_per_s: number;
    relationships_per_s: number;
    /** The naive loader's median over its samples (harness/naive-baseline.ts); null when the run was limited (`--only`). */
    naive_entities_per_s: number | null;
    /** Articles per second through importArticle with the whole graph as gazetteer (see harness/articles.ts). */
    articles_per_s: number | null;
    /** Null when the run was limited to some queries (`--only`). */
    articles: ArticleImportResult | null;
    naive_relationships_per_s: number | null;
    seconds: number;
    /** Seconds the naive loader would need for the whole graph, from its per-row costs on the median sample. */
    naive_estimated_seconds: number | null;
    /** The samples behind the naive figure and their spread; null when not measured. */
    naive: NaiveBaseline | null;
  };
  memory: {
    rss_at_rest_mb: number;
    rss_under_load_max_mb: number;
    note: string;
    neo4j_at_rest: Record<string, number | null>;
    neo4j_after_load: Record<string, number | null>;
  };
  /** 1, 5 and 15 minute load averages of the (shared) machine when the queries started and when the run ended. */
  load_average: { start: number[]; end: number[] };
}
