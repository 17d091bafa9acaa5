/**
 * The document import at scale (issue 9 item 4): the gazetteer of every entity in the benchmark graph (100k names
 * and aliases at M), read and built the way the server builds it (server/src/review/gazetteer-cache.ts), then the
 * project's article seeds imported one after another through `importArticle` (intake, extraction against that
 * gazetteer, one write transaction with the document, mentions and proposals). Each import is stored under a
 * bench id and removed again, so the cached graph stays as generated.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../server/src/db/driver.js';
import { Gazetteer, prepareImport } from '../../server/src/import/index.js';
import { ARTICLE_FILE, readArticle } from '../../server/src/review/articles.js';
import { currentGazetteer, forgetGazetteer, readGazetteerEntries } from '../../server/src/review/gazetteer-cache.js';
import { importArticle } from '../../server/src/review/store.js';

const ARTICLES_DIR = fileURLToPath(new URL('../../seeds/articles/', import.meta.url));
const BENCH_PREFIX = 'doc:bench-article-';

export interface ArticleImportResult {
  /** Entities and names (names plus aliases) in the gazetteer. */
  gazetteer_entities: number;
  gazetteer_names: number;
  /** Reading the entries from Neo4j (keyset pages over the id index), and building the trie and blocking indexes. */
  gazetteer_read_ms: number;
  gazetteer_build_ms: number;
  articles: number;
  rounds: number;
  /** Mean article size in characters. */
  article_chars: number;
  /** Extraction alone (intake and extract against the gazetteer), per article. */
  extract_ms_per_article: number;
  /** The whole import (extraction plus its write transaction), per article, with the gazetteer already built. */
  import_ms_per_article: number;
  /** The slowest single import. */
  import_max_ms: number;
  articles_per_s: number;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

async function removeBenchDocuments(db: Database): Promise<void> {
  await db.write(async (tx) => {
    await tx.run('MATCH (n) WHERE (n:Mention OR n:Proposal) AND n.documentId STARTS WITH $prefix DETACH DELETE n', { prefix: BENCH_PREFIX });
    await tx.run('MATCH (e:Evidence) WHERE e.documentId STARTS WITH $prefix DETACH DELETE e', { prefix: BENCH_PREFIX });
    await tx.run('MATCH (d:Document) WHERE d.id STARTS WITH $prefix DETACH DELETE d', { prefix: BENCH_PREFIX });
  });
}

export async function measureArticleImport(db: Database, rounds = 3): Promise<ArticleImportResult> {
  // The same read and build as the server's cache, timed apart; then the cache is primed the server's way.
  let started = performance.now();
  const entries = await readGazetteerEntries(db);
  const readMs = performance.now() - started;
  started = performance.now();
  const gazetteer = new Gazetteer(entries);
  const buildMs = performance.now() - started;
  forgetGazetteer();
  await currentGazetteer(db);

  const files = (await readdir(ARTICLES_DIR)).filter((file) => ARTICLE_FILE.test(file)).sort();
  const articles = await Promise.all(files.map((file) => readArticle(path.join(ARTICLES_DIR, file))));
  let chars = 0;
  started = performance.now();
  for (let r = 0; r < rounds; r += 1) {
    for (const article of articles) chars += prepareImport(article, gazetteer).document.text.length;
  }
  const extractMs = (performance.now() - started) / (rounds * articles.length);

  const times: number[] = [];
  try {
    for (let r = 0; r < rounds; r += 1) {
      for (const [i, article] of articles.entries()) {
        const at = performance.now();
        await importArticle(db, { ...article, id: `${BENCH_PREFIX}${i}-${r}` }, { source: 'bench:articles', at: new Date().toISOString() });
        times.push(performance.now() - at);
      }
    }
  } finally {
    await removeBenchDocuments(db);
    forgetGazetteer();
  }
  const total = times.reduce((sum, t) => sum + t, 0);
  return {
    gazetteer_entities: entries.length,
    gazetteer_names: entries.reduce((sum, entry) => sum + 1 + (entry.aliases?.length ?? 0), 0),
    gazetteer_read_ms: round2(readMs),
    gazetteer_build_ms: round2(buildMs),
    articles: articles.length,
    rounds,
    article_chars: Math.round(chars / (rounds * articles.length)),
    extract_ms_per_article: round2(extractMs),
    import_ms_per_article: round2(total / times.length),
    import_max_ms: round2(Math.max(...times)),
    articles_per_s: round2((times.length / total) * 1000),
  };
}
