/**
 * `npm run import -- [--accept-above 0.9] <file or folder> [...]`: imports bundles (JSON, or YAML as in
 * seeds/*.graph.yaml) through the one write path, and articles (.txt, .md, .html, with a sibling .meta.yaml) into
 * mentions and proposals for review. Each file is checked whole and written in one transaction; a folder's files
 * go in name order. Prints progress and counts; exits 1 when any file failed.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { openToolBackend } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { IntakeError } from '../import/index.js';
import { ARTICLE_FILE, importArticleFile } from '../review/articles.js';
import { WriteRejected } from '../write/problems.js';
import type { Counts } from '../write/types.js';
import { importBundle } from './import.js';

const BUNDLE_FILE = /\.(json|ya?ml)$/i;
// An article's metadata sits beside it as <stem>.meta.yaml; it is not a bundle.
const META_FILE = /\.meta\.ya?ml$/i;
const isBundle = (name: string): boolean => BUNDLE_FILE.test(name) && !META_FILE.test(name);
const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function bundleFiles(targets: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    const info = await stat(target);
    if (info.isDirectory()) {
      const names = (await readdir(target)).filter((name) => isBundle(name) || ARTICLE_FILE.test(name)).sort();
      files.push(...names.map((name) => path.join(target, name)));
    } else {
      files.push(target);
    }
  }
  return files;
}

async function readBundle(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  return /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
}

const show = (counts: Counts): string => `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;

/** `--accept-above <confidence>` and the files; undefined when the flag's value is not a number in 0-1. */
function parseArgs(args: readonly string[]): { targets: string[]; acceptAbove?: number } | undefined {
  const targets: string[] = [];
  let acceptAbove: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') continue;
    if (arg === '--accept-above' || arg.startsWith('--accept-above=')) {
      const value = Number(arg.includes('=') ? arg.split('=')[1] : args[(i += 1)]);
      if (!(value >= 0 && value <= 1)) return undefined;
      acceptAbove = value;
    } else targets.push(arg);
  }
  return { targets, acceptAbove };
}

async function importArticleAt(backend: { db: Parameters<typeof importArticleFile>[0] }, file: string, label: string, acceptAbove: number | undefined): Promise<void> {
  say(`${label}: extracting and writing ...`);
  const result = await importArticleFile(backend.db, file, { acceptAbove });
  if (result.unchanged) say(`${label}: unchanged (same text imported before as ${result.documentId})`);
  say(`  ${result.documentId}: ${result.mentions} mentions, ${result.proposals} proposals${acceptAbove === undefined ? '' : `, ${result.accepted} accepted (confidence >= ${acceptAbove})`}`);
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed || parsed.targets.length === 0) {
    say('Usage: npm run import -- [--accept-above 0.9] <file or folder> [...]');
    say('  bundles: .json, or .yaml in the seed graph format; articles: .txt, .md, .html (with <name>.meta.yaml beside them)');
    return 2;
  }
  const { targets, acceptAbove } = parsed;
  const files = await bundleFiles(targets);
  if (files.length === 0) {
    say('No bundle (.json, .yaml) or article (.txt, .md, .html) files found.');
    return 2;
  }
  const backend = await openToolBackend(loadConfig(), say);
  let failed = 0;
  try {
    for (const [index, file] of files.entries()) {
      const started = Date.now();
      const label = `[${index + 1}/${files.length}] ${file}`;
      try {
        if (ARTICLE_FILE.test(file)) {
          await importArticleAt(backend, file, label, acceptAbove);
          say(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          continue;
        }
        say(`${label}: reading ...`);
        const bundle = await readBundle(file);
        say(`${label}: checking and writing ...`);
        const name = path.basename(file).replace(BUNDLE_FILE, '');
        let lastShown = 0;
        const report = await importBundle(backend.db, bundle, {
          origin: `bundle:${name}`,
          // A large file reports each batch, at most once a second.
          progress: (stage, done, total) => {
            if (Date.now() - lastShown < 1_000 && done < total) return;
            lastShown = Date.now();
            say(`${label}:   ${stage}: ${done} of ${total}`);
          },
        });
        say(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        say(`  entities: ${show(report.entities)}; relationships: ${show(report.relationships)}`);
        say(`  documents: ${show(report.documents)}; quotes: ${report.evidence.created} added, ${report.evidence.unchanged} already there`);
      } catch (error) {
        failed += 1;
        if (error instanceof WriteRejected) {
          say(`${label}: refused, nothing written (${error.problems.length} problem(s)):`);
          for (const problem of error.problems.slice(0, 100)) say(`  - ${problem.place}: ${problem.message}`);
          if (error.problems.length > 100) say(`  ... and ${error.problems.length - 100} more`);
        } else if (error instanceof IntakeError) {
          say(`${label}: refused, nothing written: ${error.message}`);
        } else {
          say(`${label}: failed, nothing written: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  } finally {
    await backend.close();
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
