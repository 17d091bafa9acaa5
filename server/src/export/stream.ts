import type { Database } from '../db/driver.js';
import { csvWriter } from './csv.js';
import { cytoscapeWriter } from './cytoscape.js';
import { gexfWriter } from './gexf.js';
import { graphmlWriter } from './graphml.js';
import { DEFAULT_BATCH_SIZE, readEdges, readNodes, resolveScope, type ExportScope } from './repository.js';
import type { ExportRequest } from './selection.js';
import type { FormatWriter } from './writer.js';

/** The writer for a request's format. */
export function writerFor(request: ExportRequest): FormatWriter {
  switch (request.format) {
    case 'graphml':
      return graphmlWriter({ yed: request.yed });
    case 'gexf':
      return gexfWriter();
    case 'csv':
      return csvWriter(request.part ?? 'nodes');
    case 'cytoscape':
      return cytoscapeWriter();
  }
}

/** Where an export goes: resolves once the chunk is taken (after a slow reader caught up, for backpressure). */
export type ExportSink = (chunk: string) => Promise<void>;

/** Options of a streamed export. */
export interface StreamOptions {
  batchSize?: number;
  /** Aborting stops reading before the next batch (the client went away). */
  signal?: AbortSignal;
}

/** An export whose scope is resolved: its writer, ready to stream. Parameter errors surface here, before any output. */
export interface PreparedExport {
  writer: FormatWriter;
  scope: ExportScope;
}

/** Checks the request against the graph (unknown ids, a selection too large) without writing anything. */
export async function prepareExport(db: Database, request: ExportRequest): Promise<PreparedExport> {
  return { writer: writerFor(request), scope: await resolveScope(db, request) };
}

/**
 * Streams an export to `sink`: the graph is read in batches (each its own read transaction, so no transaction
 * outlives a slow client), and each batch is written before the next is read, so memory holds one batch. The head
 * goes out with the first batch, so a database that fails the first read fails the export before anything was
 * sent. Returns false when aborted. Neo4j reads are read-committed, so an export taken while others write may miss
 * an entity written meanwhile, as one long transaction would too.
 */
export async function streamExport(db: Database, prepared: PreparedExport, sink: ExportSink, options: StreamOptions = {}): Promise<boolean> {
  const { writer, scope } = prepared;
  const read = { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, signal: options.signal };
  let pending = writer.head();
  const emit = async (text: string): Promise<void> => {
    const chunk = pending + text;
    pending = '';
    if (chunk.length > 0) await sink(chunk);
  };
  if (writer.reads.nodes) {
    for await (const batch of readNodes(db, scope, read)) await emit(writer.nodes(batch));
  }
  if (options.signal?.aborted) return false;
  pending += writer.between();
  if (writer.reads.edges) {
    for await (const batch of readEdges(db, scope, read)) await emit(writer.edges(batch));
  }
  if (options.signal?.aborted) return false;
  await emit(writer.tail());
  return true;
}
