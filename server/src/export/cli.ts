/**
 * `npm run export -- --format graphml [--ids a,b --depth 2] [--kinds PERSON,ORGANISATION] [--types ROLE_AT]
 * [--part nodes|edges] [--no-yed] [--out file]`: the same export as `GET /export`, to a file or standard output.
 * CSV is two files: with `--out graph.csv` both are written (`graph.nodes.csv`, `graph.edges.csv`); to standard
 * output, `--part` picks one. Progress goes to standard error.
 */
import { open } from 'node:fs/promises';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { openToolBackend } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { CSV_PARTS, ExportInputError, parseExportRequest, type ExportRequest } from './selection.js';
import { prepareExport, streamExport, type ExportSink } from './stream.js';

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const USAGE =
  'Usage: npm run export -- --format graphml|gexf|csv|cytoscape [--ids a,b [--depth 0-3]] [--kinds K,...] [--types T,...] [--part nodes|edges] [--no-yed] [--out file]';

function streamSink(stream: NodeJS.WritableStream): ExportSink {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

async function closeFile(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** The request the options describe, checked exactly as the HTTP route checks its query string. */
function requestsOf(values: Record<string, string | boolean | undefined>): { request: ExportRequest; out: string | undefined }[] {
  const params = new URLSearchParams();
  for (const name of ['format', 'ids', 'depth', 'kinds', 'types', 'part'] as const) {
    const value = values[name];
    if (typeof value === 'string') params.set(name, value);
  }
  if (values['no-yed']) params.set('yed', 'false');
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (params.get('format') === 'csv' && !params.has('part')) {
    if (out === undefined) throw new ExportInputError('CSV to standard output needs --part nodes or --part edges (or give --out to write both files)');
    const base = out.replace(/\.csv$/i, '');
    return CSV_PARTS.map((part) => {
      params.set('part', part);
      return { request: parseExportRequest(params), out: `${base}.${part}.csv` };
    });
  }
  return [{ request: parseExportRequest(params), out }];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      format: { type: 'string' },
      ids: { type: 'string' },
      depth: { type: 'string' },
      kinds: { type: 'string' },
      types: { type: 'string' },
      part: { type: 'string' },
      'no-yed': { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help || values.format === undefined) {
    say(USAGE);
    return values.help ? 0 : 2;
  }
  const jobs = requestsOf(values);
  const backend = await openToolBackend(loadConfig(), say);
  try {
    for (const { request, out } of jobs) {
      const prepared = await prepareExport(backend.db, request);
      const started = Date.now();
      // Opened before streaming, so a bad path fails with its reason instead of an unhandled stream error.
      const file = out === undefined ? undefined : (await open(out, 'w')).createWriteStream();
      let bytes = 0;
      let writeError: Error | undefined;
      file?.on('error', (error) => {
        writeError = error;
      });
      const sink = streamSink(file ?? process.stdout);
      await streamExport(backend.db, prepared, async (chunk) => {
        if (writeError) throw writeError;
        bytes += Buffer.byteLength(chunk);
        await sink(chunk);
      });
      if (file) await closeFile(file);
      say(`${out ?? 'standard output'}: ${(bytes / 1024).toFixed(1)} KiB of ${request.format}${request.part ? ` (${request.part})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await backend.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ExportInputError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      say(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    say(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
