import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_METADATA, withMetadata, type Database } from '../db/driver.js';
import { isDatabaseUnavailable } from '../errors.js';
import { ExportInputError, parseExportRequest } from './selection.js';
import { prepareExport, streamExport, type ExportSink } from './stream.js';

/** Where `/export` is served. */
export const EXPORT_PATH = '/export';

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };

/** Options of the export route. */
export interface ExportRouteOptions {
  batchSize?: number;
  /** Where failures are reported (they reach the client only as a status or a cut-off download). */
  log?: (line: string) => void;
}

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...TEXT, ...headers });
  res.end(`${message}\n`);
}

/** Writes to the response, resolving when it may take more (or is gone), so a slow client slows the reading. */
function responseSink(res: ServerResponse): ExportSink {
  return (chunk) =>
    new Promise<void>((resolve) => {
      if (res.destroyed || res.write(chunk)) {
        resolve();
        return;
      }
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
}

/** Answers a failure that came before any output with a status and a plain message. */
function failBeforeOutput(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (error instanceof ExportInputError) plain(res, 400, `Bad export request: ${error.message}`);
  else if (isDatabaseUnavailable(error)) plain(res, 503, 'The graph database is not available right now; try again shortly.', { 'retry-after': '5' });
  else {
    log(`[export] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    plain(res, 500, 'Export failed.');
  }
}

/**
 * `GET /export?format=...`: public, read-only, bounded. Bad parameters get 400, an unreachable database 503, each with a plain
 * message, before anything is sent; once the download has begun, a failure can only cut it off (the connection is reset, so the
 * client sees an incomplete transfer rather than a file that looks whole).
 */
export function createExportHandler(db: Database, options: ExportRouteOptions = {}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return async (req, res) => {
    if (req.method !== 'GET') {
      plain(res, 405, 'Exports are read with GET.', { allow: 'GET' });
      return;
    }
    let prepared;
    let exportDb = db;
    try {
      const request = parseExportRequest(new URL(req.url ?? '/', 'http://localhost').searchParams);
      // Its batches are named in Neo4j's query log like the GraphQL operations are.
      exportDb = withMetadata(db, { ...APP_METADATA, api: 'export', operation: `export:${request.format}${request.part ? `:${request.part}` : ''}` });
      prepared = await prepareExport(exportDb, request);
    } catch (error) {
      failBeforeOutput(res, error, log);
      return;
    }
    const { writer } = prepared;
    const stop = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) stop.abort();
    });
    const send = responseSink(res);
    try {
      const complete = await streamExport(
        exportDb,
        prepared,
        (chunk) => {
          // Headers go with the first bytes: until then a failure can still be answered with a status.
          if (!res.headersSent) {
            res.writeHead(200, {
              'content-type': writer.mediaType,
              'content-disposition': `attachment; filename="${writer.fileName}"`,
              'cache-control': 'no-store',
              'x-content-type-options': 'nosniff',
            });
          }
          return send(chunk);
        },
        { batchSize: options.batchSize, signal: stop.signal },
      );
      if (complete) res.end();
    } catch (error) {
      if (!res.headersSent) {
        failBeforeOutput(res, error, log);
        return;
      }
      log(`[export] failed while streaming: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
    }
  };
}
