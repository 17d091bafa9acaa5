/**
 * `npm run import -- <file or folder> [...]`: imports bundles (JSON, or YAML as in seeds/*.graph.yaml) through
 * the one write path. Each file is one bundle, checked whole and written in one transaction; a folder's files
 * go in name order. Prints progress and created / updated / unchanged counts; exits 1 when any file failed.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { openToolBackend } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { WriteRejected } from '../write/problems.js';
import type { Counts } from '../write/types.js';
import { importBundle } from './import.js';

const BUNDLE_FILE = /\.(json|ya?ml)$/i;
const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function bundleFiles(targets: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    const info = await stat(target);
    if (info.isDirectory()) {
      const names = (await readdir(target)).filter((name) => BUNDLE_FILE.test(name)).sort();
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

async function main(): Promise<number> {
  const targets = process.argv.slice(2).filter((arg) => arg !== '--');
  if (targets.length === 0) {
    say('Usage: npm run import -- <bundle file or folder> [...]   (JSON, or YAML in the seed graph format)');
    return 2;
  }
  const files = await bundleFiles(targets);
  if (files.length === 0) {
    say('No bundle files (.json, .yaml, .yml) found.');
    return 2;
  }
  const backend = await openToolBackend(loadConfig(), say);
  let failed = 0;
  try {
    for (const [index, file] of files.entries()) {
      const started = Date.now();
      const label = `[${index + 1}/${files.length}] ${file}`;
      try {
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
