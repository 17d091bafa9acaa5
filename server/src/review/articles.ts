import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Database } from '../db/driver.js';
import type { TextFormat } from '../import/index.js';
import { acceptAbove } from './review.js';
import { importArticle, type ArticleInput, type ImportOutcome } from './store.js';

/** Article files the import command reads; a sibling `<stem>.meta.yaml` gives title, date, source, language and id. */
export const ARTICLE_FILE = /\.(txt|md|markdown|html?)$/i;

const FORMATS: Record<string, TextFormat> = { txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

const field = (meta: Record<string, unknown>, key: string): string | null => {
  const value = meta[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/**
 * An article file as import input: the bytes (decoded strictly as UTF-8 by the intake, so a Latin-1 file is
 * refused), the format from the extension, and the metadata file next to it when present; without one the
 * title is the first line.
 */
export async function readArticle(file: string): Promise<ArticleInput> {
  const bytes = new Uint8Array(await readFile(file));
  const extension = path.extname(file).slice(1).toLowerCase();
  const metaFile = file.replace(ARTICLE_FILE, '.meta.yaml');
  let meta: Record<string, unknown> = {};
  if (await stat(metaFile).then((s) => s.isFile(), () => false)) {
    const parsed: unknown = parseYaml(await readFile(metaFile, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
  }
  const firstLine = new TextDecoder('utf-8').decode(bytes.slice(0, 2_000)).split('\n').find((line) => line.trim() !== '') ?? '';
  return {
    id: field(meta, 'id'),
    title: field(meta, 'title') ?? firstLine.replace(/^#+\s*/, '').replace(/<[^>]*>/g, '').trim().slice(0, 300),
    text: bytes,
    format: FORMATS[extension],
    publishedAt: field(meta, 'publishedAt'),
    source: field(meta, 'source'),
    language: field(meta, 'language'),
  };
}

/** Imports one article file, then (when `acceptAbove` is given) accepts its proposals at or above that confidence. */
export async function importArticleFile(
  db: Database,
  file: string,
  options: { acceptAbove?: number; at?: string },
): Promise<ImportOutcome & { accepted: number }> {
  const at = options.at ?? new Date().toISOString();
  const outcome = await importArticle(db, await readArticle(file), { source: `article:${path.basename(file)}`, at });
  let accepted = 0;
  if (options.acceptAbove !== undefined) {
    const min = options.acceptAbove;
    accepted = (await db.write((tx) => acceptAbove(tx, outcome.documentId, min, { source: 'cli:accept-above', at }))).length;
  }
  return { ...outcome, accepted };
}
