import { KIND_FIELDS, LIST_SEPARATOR, type ExportEdge, type ExportNode } from './model.js';
import type { CsvPart } from './selection.js';
import type { FormatWriter } from './writer.js';

/**
 * CSV as RFC 4180 has it: CRLF line ends, a header row, fields quoted when they hold a comma, quote, CR or LF, and
 * quotes doubled. Two files, one request each (`part=nodes|edges`), so nothing has to be zipped or buffered.
 * Column names follow Gephi's spreadsheet import (`id`, `label`; `source`, `target`); the relationship type is
 * `relationshipType`, because Gephi reads a `type` column as directed/undirected.
 */

const NODE_COLUMNS = ['id', 'label', 'kind', 'aliases', 'description', 'degree', ...KIND_FIELDS, 'firstSeen', 'lastSeen', 'evidenceCount', 'quotes'];
const EDGE_COLUMNS = ['id', 'source', 'target', 'relationshipType', 'title', 'firstSeen', 'lastSeen', 'evidenceCount', 'quotes'];

/** One CSV field: quoted only when it has to be. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (values: readonly (string | number | null | undefined)[]): string => `${values.map(csvField).join(',')}\r\n`;
const list = (values: readonly string[]): string => values.join(LIST_SEPARATOR);

/** A writer of one of the two CSV files. */
export function csvWriter(part: CsvPart): FormatWriter {
  return {
    mediaType: 'text/csv; charset=utf-8; header=present',
    fileName: `kg-export.${part}.csv`,
    reads: { nodes: part === 'nodes', edges: part === 'edges' },
    head: () => row(part === 'nodes' ? NODE_COLUMNS : EDGE_COLUMNS),
    nodes: (batch: readonly ExportNode[]) =>
      batch
        .map((n) =>
          row([
            n.id,
            n.name,
            n.kind,
            list(n.aliases),
            n.description,
            n.degree,
            ...KIND_FIELDS.map((field) => n.fields[field]),
            n.firstSeen,
            n.lastSeen,
            n.quotes.length,
            list(n.quotes),
          ]),
        )
        .join(''),
    between: () => '',
    edges: (batch: readonly ExportEdge[]) =>
      batch
        .map((e) => row([e.id, e.source, e.target, e.type, e.title, e.firstSeen, e.lastSeen, e.quotes.length, list(e.quotes)]))
        .join(''),
    tail: () => '',
  };
}
