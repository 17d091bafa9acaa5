import { KIND_FIELDS, LIST_SEPARATOR, edgeLabel, type ExportEdge, type ExportNode } from './model.js';
import type { FormatWriter } from './writer.js';
import { xmlAttribute, xmlText } from './xml.js';

/**
 * GraphML for yEd and Gephi. Every attribute is a declared key (`attr.name`, `attr.type`); `label` carries the
 * name, which Gephi takes as the node label. yEd ignores plain keys for drawing, so unless asked not to, each node
 * and edge also carries yFiles graphics (a ShapeNode with a NodeLabel, an arrowed edge with its type as label):
 * without them yEd draws empty boxes. Other readers skip data of keys they do not know.
 */

interface Key {
  id: string;
  name: string;
  type: 'string' | 'int';
}

const NODE_KEYS: readonly Key[] = [
  { id: 'n_label', name: 'label', type: 'string' },
  { id: 'n_id', name: 'entityId', type: 'string' },
  { id: 'n_kind', name: 'kind', type: 'string' },
  { id: 'n_name', name: 'name', type: 'string' },
  { id: 'n_aliases', name: 'aliases', type: 'string' },
  { id: 'n_description', name: 'description', type: 'string' },
  { id: 'n_degree', name: 'degree', type: 'int' },
  ...KIND_FIELDS.map((field): Key => ({ id: `n_${field}`, name: field, type: 'string' })),
  { id: 'n_firstSeen', name: 'firstSeen', type: 'string' },
  { id: 'n_lastSeen', name: 'lastSeen', type: 'string' },
  { id: 'n_evidenceCount', name: 'evidenceCount', type: 'int' },
  { id: 'n_quotes', name: 'quotes', type: 'string' },
];

const EDGE_KEYS: readonly Key[] = [
  { id: 'e_label', name: 'label', type: 'string' },
  { id: 'e_id', name: 'relationshipId', type: 'string' },
  { id: 'e_type', name: 'relationshipType', type: 'string' },
  { id: 'e_title', name: 'title', type: 'string' },
  { id: 'e_firstSeen', name: 'firstSeen', type: 'string' },
  { id: 'e_lastSeen', name: 'lastSeen', type: 'string' },
  { id: 'e_evidenceCount', name: 'evidenceCount', type: 'int' },
  { id: 'e_quotes', name: 'quotes', type: 'string' },
];

/** Fill colours per kind, so yEd's first view already tells kinds apart. */
const KIND_COLOURS: Record<string, string> = {
  ORGANISATION: '#8EC9F0',
  PERSON: '#F5C27A',
  PROGRAMME: '#B5E0A8',
  VENDOR: '#E3A6D6',
  PRODUCT: '#D7D08A',
  EVENT: '#F29B9B',
  PLACE: '#A9D8D1',
  TOPIC: '#CFCFCF',
};

const key = (k: Key, owner: 'node' | 'edge'): string =>
  `  <key id="${k.id}" for="${owner}" attr.name="${k.name}" attr.type="${k.type}"/>\n`;

function data(id: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `      <data key="${id}">${xmlText(String(value))}</data>\n`;
}

function nodeGraphics(node: ExportNode): string {
  // yEd sizes boxes from the geometry, not the label; roughly 7 px a character fits its default 12 px font.
  const width = Math.min(300, Math.max(60, node.name.length * 7 + 20));
  return `      <data key="n_graphics"><y:ShapeNode><y:Geometry width="${width}" height="30"/><y:Fill color="${KIND_COLOURS[node.kind] ?? '#CFCFCF'}"/><y:NodeLabel>${xmlText(node.name)}</y:NodeLabel><y:Shape type="roundrectangle"/></y:ShapeNode></data>\n`;
}

function edgeGraphics(edge: ExportEdge): string {
  return `      <data key="e_graphics"><y:PolyLineEdge><y:Arrows source="none" target="standard"/><y:EdgeLabel>${xmlText(edge.type)}</y:EdgeLabel></y:PolyLineEdge></data>\n`;
}

/** A GraphML writer; `yed` adds the yFiles graphics. */
export function graphmlWriter(options: { yed: boolean }): FormatWriter {
  return {
    mediaType: 'application/graphml+xml; charset=utf-8',
    fileName: 'kg-export.graphml',
    reads: { nodes: true, edges: true },
    head: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      (options.yed
        ? '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">\n'
        : '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n') +
      NODE_KEYS.map((k) => key(k, 'node')).join('') +
      EDGE_KEYS.map((k) => key(k, 'edge')).join('') +
      (options.yed ? '  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>\n  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>\n' : '') +
      '  <graph id="kg-explorer" edgedefault="directed">\n',
    nodes: (batch) =>
      batch
        .map(
          (node) =>
            `    <node id="${xmlAttribute(node.id)}">\n` +
            data('n_label', node.name) +
            data('n_id', node.id) +
            data('n_kind', node.kind) +
            data('n_name', node.name) +
            data('n_aliases', node.aliases.length > 0 ? node.aliases.join(LIST_SEPARATOR) : null) +
            data('n_description', node.description) +
            data('n_degree', node.degree) +
            KIND_FIELDS.map((field) => data(`n_${field}`, node.fields[field])).join('') +
            data('n_firstSeen', node.firstSeen) +
            data('n_lastSeen', node.lastSeen) +
            data('n_evidenceCount', node.quotes.length) +
            data('n_quotes', node.quotes.length > 0 ? node.quotes.join(LIST_SEPARATOR) : null) +
            (options.yed ? nodeGraphics(node) : '') +
            '    </node>\n',
        )
        .join(''),
    between: () => '',
    edges: (batch) =>
      batch
        .map(
          (edge) =>
            `    <edge id="${xmlAttribute(edge.id)}" source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}">\n` +
            data('e_label', edgeLabel(edge)) +
            data('e_id', edge.id) +
            data('e_type', edge.type) +
            data('e_title', edge.title) +
            data('e_firstSeen', edge.firstSeen) +
            data('e_lastSeen', edge.lastSeen) +
            data('e_evidenceCount', edge.quotes.length) +
            data('e_quotes', edge.quotes.length > 0 ? edge.quotes.join(LIST_SEPARATOR) : null) +
            (options.yed ? edgeGraphics(edge) : '') +
            '    </edge>\n',
        )
        .join(''),
    tail: () => '  </graph>\n</graphml>\n',
  };
}
