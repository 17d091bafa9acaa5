/**
 * npm run eval:import — measures the extractor on the gold set in bench/gold/ (no database): precision, recall
 * and F1 per entity kind and for person–title–organisation triples, a row per article (people, organisations,
 * triples), time per article, and the time per article with a gazetteer of 100k names. `--verbose` lists misses
 * and wrong items, `--no-timing` skips the timing, `--gold DIR --articles DIR` measures another annotated set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { extract, Gazetteer, type GazetteerEntry } from '../../server/src/import/index.js';
import { readGold } from './gold.js';
import { SCORED_KINDS, add, emptyCounts, predictedEntities, rates, scoreEntities, scoreTriples, type Counts } from './score.js';
import { syntheticEntries } from './synthetic.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `--gold DIR` and `--articles DIR` measure another annotated set (e.g. held-out articles kept outside the repo). */
function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ? `${value.replace(/\/$/, '')}/` : fallback;
}
const GOLD_DIR = option('--gold', `${ROOT}bench/gold/`);
const ARTICLES_DIR = option('--articles', `${ROOT}seeds/articles/`);
const SEED_GRAPH = `${ROOT}seeds/000_b40fe58a30269fa6.graph.yaml`;

interface SeedEntity {
  id: string;
  kind: GazetteerEntry['kind'];
  name: string;
  aliases?: string[];
}

function seedEntries(): GazetteerEntry[] {
  const graph = parse(readFileSync(SEED_GRAPH, 'utf8')) as { entities: SeedEntity[] };
  return graph.entities.map((entity) => ({ entityId: entity.id, kind: entity.kind, name: entity.name, aliases: entity.aliases ?? [] }));
}

interface Article {
  name: string;
  text: string;
  publishedAt: string | undefined;
  language: string | undefined;
}

function readArticle(name: string): Article {
  const meta = parse(readFileSync(`${ARTICLES_DIR}${name}.meta.yaml`, 'utf8')) as { file: string; publishedAt?: string | null; language?: string | null };
  return { name, text: readFileSync(`${ARTICLES_DIR}${meta.file}`, 'utf8'), publishedAt: meta.publishedAt ?? undefined, language: meta.language ?? undefined };
}

function timeExtraction(articles: Article[], gazetteer: Gazetteer, rounds: number): number {
  // One untimed round first, so the figure is the steady state and not the JIT warming up.
  for (const article of articles) extract(article.text, { gazetteer, publishedAt: article.publishedAt, language: article.language });
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const article of articles) extract(article.text, { gazetteer, publishedAt: article.publishedAt, language: article.language });
  }
  return (performance.now() - started) / (rounds * articles.length);
}

function row(label: string, counts: Counts): string {
  const { precision, recall, f1 } = rates(counts);
  const cells = [label, counts.truePositives, counts.falsePositives, counts.falseNegatives, precision.toFixed(2), recall.toFixed(2), f1.toFixed(2)];
  return `| ${cells.join(' | ')} |`;
}

const gazetteer = new Gazetteer(seedEntries());
const goldFiles = readdirSync(GOLD_DIR).filter((name) => name.endsWith('.gold.yaml')).sort();
const totals = new Map<string, Counts>([...SCORED_KINDS, 'triples'].map((kind) => [kind, emptyCounts()]));
const articles: Article[] = [];
const verbose = process.argv.includes('--verbose');
const perArticle: string[] = [];

/** "P/R" of one article and kind, or "–" when neither the gold nor the extractor has any. */
function cell(counts: Counts): string {
  if (counts.truePositives + counts.falsePositives + counts.falseNegatives === 0) return '–';
  const { precision, recall } = rates(counts);
  return `${precision.toFixed(2)} / ${recall.toFixed(2)}`;
}

for (const file of goldFiles) {
  const gold = readGold(`${GOLD_DIR}${file}`);
  const article = readArticle(file.replace(/\.gold\.yaml$/, ''));
  articles.push(article);
  const result = extract(article.text, { gazetteer, publishedAt: article.publishedAt, language: article.language });
  const predicted = predictedEntities(result, gazetteer);
  const cells: string[] = [];
  for (const kind of SCORED_KINDS) {
    const counts = scoreEntities(gold, predicted, kind);
    if (kind === 'PERSON' || kind === 'ORGANISATION') cells.push(cell(counts));
    add(totals.get(kind) as Counts, counts);
    if (verbose && (counts.misses.length > 0 || counts.wrong.length > 0)) {
      console.log(`${article.name} ${kind}: missed ${JSON.stringify(counts.misses)} wrong ${JSON.stringify(counts.wrong)}`);
    }
  }
  const triples = scoreTriples(gold, result, gazetteer);
  add(totals.get('triples') as Counts, triples);
  cells.push(cell(triples), triples.truePositives + triples.falsePositives + triples.falseNegatives === 0 ? '–' : rates(triples).f1.toFixed(2));
  perArticle.push(`| ${article.name} | ${cells.join(' | ')} |`);
  if (verbose && (triples.misses.length > 0 || triples.wrong.length > 0)) {
    console.log(`${article.name} triples: missed ${JSON.stringify(triples.misses)} wrong ${JSON.stringify(triples.wrong)}`);
  }
}

console.log(`\nExtraction on ${goldFiles.length} gold articles (gazetteer: the seed graph, ${gazetteer.size} names)\n`);
console.log('| kind | TP | FP | FN | precision | recall | F1 |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [label, counts] of totals) console.log(row(label, counts));
console.log('\n| article | PERSON P / R | ORGANISATION P / R | triples P / R | triples F1 |');
console.log('| --- | --- | --- | --- | --- |');
for (const line of perArticle) console.log(line);
if (process.argv.includes('--no-timing')) process.exit(0);

const seedMs = timeExtraction(articles, gazetteer, 20);
const buildStarted = performance.now();
const large = new Gazetteer([...seedEntries(), ...syntheticEntries(100_000)]);
const buildMs = performance.now() - buildStarted;
const largeMs = timeExtraction(articles, large, 5);
console.log(
  `\nTime per article: ${seedMs.toFixed(1)} ms with the seed gazetteer; ${largeMs.toFixed(1)} ms with 100 000 more entities ` +
    `(${large.size} names and aliases; gazetteer built once in ${buildMs.toFixed(0)} ms).`,
);
