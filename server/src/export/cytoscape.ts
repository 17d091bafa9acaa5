import type { ExportEdge, ExportNode } from './model.js';
import type { FormatWriter } from './writer.js';

/**
 * Cytoscape JSON (`elements: { nodes: [{data}], edges: [{data}] }`), as Cytoscape desktop imports it and
 * Cytoscape.js reads it. Desktop labels nodes by `name` and edges by `interaction`; lists stay lists, and absent
 * values are left out rather than written as null.
 */

const compact = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined));

/** A Cytoscape JSON writer. */
export function cytoscapeWriter(): FormatWriter {
  // Batches arrive separately; a comma is due before every element but the first of its list.
  let written = 0;
  const elements = (items: readonly Record<string, unknown>[]): string =>
    items.map((data) => `${written++ === 0 ? '\n' : ',\n'}{"data":${JSON.stringify(compact(data))}}`).join('');
  return {
    mediaType: 'application/json; charset=utf-8',
    fileName: 'kg-export.cyjs',
    reads: { nodes: true, edges: true },
    head: () => {
      written = 0;
      return '{"format_version":"1.0","generated_by":"kg-explorer","target_cytoscapejs_version":"~3.0","data":{"name":"kg-explorer export"},"elements":{"nodes":[';
    },
    nodes: (batch: readonly ExportNode[]) =>
      elements(
        batch.map((n) => ({
          id: n.id,
          name: n.name,
          kind: n.kind,
          aliases: n.aliases,
          description: n.description,
          degree: n.degree,
          ...n.fields,
          firstSeen: n.firstSeen,
          lastSeen: n.lastSeen,
          evidenceCount: n.quotes.length,
          quotes: n.quotes,
        })),
      ),
    between: () => {
      written = 0;
      return '\n],"edges":[';
    },
    edges: (batch: readonly ExportEdge[]) =>
      elements(
        batch.map((e) => ({
          id: e.id,
          source: e.source,
          target: e.target,
          interaction: e.type,
          relationshipType: e.type,
          title: e.title,
          firstSeen: e.firstSeen,
          lastSeen: e.lastSeen,
          evidenceCount: e.quotes.length,
          quotes: e.quotes,
        })),
      ),
    tail: () => '\n]}}\n',
  };
}
