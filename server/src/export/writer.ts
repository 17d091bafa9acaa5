import type { ExportEdge, ExportNode } from './model.js';

/**
 * A format, written piece by piece as batches arrive: the head, the nodes, what goes between nodes and edges,
 * the edges, the tail. A writer is made per export (some keep state, e.g. whether a comma is due).
 */
export interface FormatWriter {
  readonly mediaType: string;
  readonly fileName: string;
  /** Which passes the format needs (a CSV part needs only one). */
  readonly reads: { readonly nodes: boolean; readonly edges: boolean };
  head(): string;
  nodes(batch: readonly ExportNode[]): string;
  between(): string;
  edges(batch: readonly ExportEdge[]): string;
  tail(): string;
}
