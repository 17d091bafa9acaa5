import { periodEnd, periodStart } from './dates.js';
import { KIND_FIELDS, LIST_SEPARATOR, edgeLabel, type ExportEdge, type ExportNode } from './model.js';
import type { FormatWriter } from './writer.js';
import { xmlAttribute } from './xml.js';

/**
 * GEXF 1.3 for Gephi. The graph is dynamic with `timeformat="date"`: a fact whose quotes come from dated documents
 * gets `start`/`end` from the first day of its earliest source's period to the last day of its latest source's
 * (xs:date has no year-only form, so `2019` becomes 2019-01-01 .. 2019-12-31); the exact dates, in their own
 * precision, are also the `firstSeen`/`lastSeen` attributes. Facts without dated sources carry no time and so are
 * present throughout, as Gephi's timeline treats them. Relationship types are edge `kind`s (GEXF 1.3 multigraphs).
 */

interface Attribute {
  id: string;
  type: 'string' | 'integer';
}

const NODE_ATTRIBUTES: readonly Attribute[] = [
  { id: 'kind', type: 'string' },
  { id: 'aliases', type: 'string' },
  { id: 'description', type: 'string' },
  { id: 'degree', type: 'integer' },
  ...KIND_FIELDS.map((id): Attribute => ({ id, type: 'string' })),
  { id: 'firstSeen', type: 'string' },
  { id: 'lastSeen', type: 'string' },
  { id: 'evidenceCount', type: 'integer' },
  { id: 'quotes', type: 'string' },
];

const EDGE_ATTRIBUTES: readonly Attribute[] = [
  { id: 'relationshipType', type: 'string' },
  { id: 'title', type: 'string' },
  { id: 'firstSeen', type: 'string' },
  { id: 'lastSeen', type: 'string' },
  { id: 'evidenceCount', type: 'integer' },
  { id: 'quotes', type: 'string' },
];

const declare = (owner: 'node' | 'edge', attributes: readonly Attribute[]): string =>
  `    <attributes class="${owner}" mode="static">\n` +
  attributes.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>\n`).join('') +
  '    </attributes>\n';

function attvalues(values: Record<string, string | number | null | undefined>): string {
  const present = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined);
  if (present.length === 0) return '';
  return (
    '        <attvalues>\n' +
    present.map(([id, value]) => `          <attvalue for="${id}" value="${xmlAttribute(String(value))}"/>\n`).join('') +
    '        </attvalues>\n'
  );
}

function span(fact: { firstSeen: string | null; lastSeen: string | null }): string {
  if (fact.firstSeen === null || fact.lastSeen === null) return '';
  return ` start="${periodStart(fact.firstSeen)}" end="${periodEnd(fact.lastSeen)}"`;
}

const list = (values: readonly string[]): string | null => (values.length > 0 ? values.join(LIST_SEPARATOR) : null);

/** A GEXF 1.3 writer. */
export function gexfWriter(): FormatWriter {
  return {
    mediaType: 'application/gexf+xml; charset=utf-8',
    fileName: 'kg-export.gexf',
    reads: { nodes: true, edges: true },
    head: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}">\n    <creator>kg-explorer</creator>\n    <description>Entities and relationships with their quotes; times are the dates of the documents quoted.</description>\n  </meta>\n` +
      '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n' +
      declare('node', NODE_ATTRIBUTES) +
      declare('edge', EDGE_ATTRIBUTES) +
      '    <nodes>\n',
    nodes: (batch: readonly ExportNode[]) =>
      batch
        .map(
          (node) =>
            `      <node id="${xmlAttribute(node.id)}" label="${xmlAttribute(node.name)}"${span(node)}>\n` +
            attvalues({
              kind: node.kind,
              aliases: list(node.aliases),
              description: node.description,
              degree: node.degree,
              ...Object.fromEntries(KIND_FIELDS.map((field) => [field, node.fields[field]])),
              firstSeen: node.firstSeen,
              lastSeen: node.lastSeen,
              evidenceCount: node.quotes.length,
              quotes: list(node.quotes),
            }) +
            '      </node>\n',
        )
        .join(''),
    between: () => '    </nodes>\n    <edges>\n',
    edges: (batch: readonly ExportEdge[]) =>
      batch
        .map(
          (edge) =>
            `      <edge id="${xmlAttribute(edge.id)}" source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}" kind="${edge.type}" label="${xmlAttribute(edgeLabel(edge))}"${span(edge)}>\n` +
            attvalues({
              relationshipType: edge.type,
              title: edge.title,
              firstSeen: edge.firstSeen,
              lastSeen: edge.lastSeen,
              evidenceCount: edge.quotes.length,
              quotes: list(edge.quotes),
            }) +
            '      </edge>\n',
        )
        .join(''),
    tail: () => '    </edges>\n  </graph>\n</gexf>\n',
  };
}
