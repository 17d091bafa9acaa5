import { ENTITY_KINDS, RELATIONSHIP_TYPE_NAMES, isEntityKind, isRelationshipType, type EntityKindName, type RelationshipTypeName } from '../graph/model.js';

/** The formats an export can be written in. */
export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'cytoscape'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** CSV comes as two files; each request asks for one of them. */
export const CSV_PARTS = ['nodes', 'edges'] as const;
export type CsvPart = (typeof CSV_PARTS)[number];

/** Most start entities one export may name (as for the GraphQL neighbourhood). */
export const MAX_EXPORT_IDS = 100;
/** Deepest neighbourhood an export may ask for (as for the GraphQL neighbourhood). */
export const MAX_EXPORT_DEPTH = 3;
/** Most entities a selection by ids may hold; the whole graph (streamed) has no such cap. */
export const MAX_SELECTION = 5_000;
const MAX_ID_LENGTH = 200;

/** What to export: the whole graph or a neighbourhood, optionally narrowed to some kinds and relationship types. */
export interface ExportRequest {
  format: ExportFormat;
  /** Only for CSV: which of the two files. */
  part: CsvPart | null;
  /** Start entities; null exports the whole graph. */
  ids: string[] | null;
  /** Hops from the start entities (0: only them). */
  depth: number;
  kinds: EntityKindName[] | null;
  types: RelationshipTypeName[] | null;
  /** yFiles label graphics in GraphML, so yEd shows names (on unless `yed=false`). */
  yed: boolean;
}

/** A request that cannot be served as asked; the message is for the person who asked, as is. */
export class ExportInputError extends Error {
  override readonly name = 'ExportInputError';
}

const PARAMETERS = new Set(['format', 'part', 'ids', 'depth', 'kinds', 'types', 'yed']);

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/**
 * Reads and checks export parameters (the query string of `/export`, or the CLI's options). Lists are
 * comma-separated; kinds and types are matched case-insensitively against the allowlist.
 */
export function parseExportRequest(params: URLSearchParams): ExportRequest {
  for (const name of new Set(params.keys())) {
    if (!PARAMETERS.has(name)) throw new ExportInputError(`unknown parameter ${name}; known: ${[...PARAMETERS].join(', ')}`);
    if (params.getAll(name).length > 1) throw new ExportInputError(`parameter ${name} is given more than once`);
  }
  const format = params.get('format');
  if (format === null) throw new ExportInputError(`format is required: one of ${EXPORT_FORMATS.join(', ')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ExportInputError(`unknown format ${format}; one of ${EXPORT_FORMATS.join(', ')}`);
  }
  return {
    format: format as ExportFormat,
    part: partOf(format as ExportFormat, params.get('part')),
    ...selectionOf(params.get('ids'), params.get('depth')),
    kinds: kindsOf(params.get('kinds')),
    types: typesOf(params.get('types')),
    yed: booleanOf('yed', params.get('yed'), true),
  };
}

function partOf(format: ExportFormat, part: string | null): CsvPart | null {
  if (format !== 'csv') {
    if (part !== null) throw new ExportInputError('part applies to format=csv only');
    return null;
  }
  if (part === null || !(CSV_PARTS as readonly string[]).includes(part)) {
    throw new ExportInputError('format=csv needs part=nodes or part=edges (one file per request)');
  }
  return part as CsvPart;
}

function selectionOf(ids: string | null, depth: string | null): { ids: string[] | null; depth: number } {
  if (ids === null) {
    if (depth !== null) throw new ExportInputError('depth needs ids (the entities to start from)');
    return { ids: null, depth: 0 };
  }
  const unique = [...new Set(list(ids))];
  if (unique.length === 0) throw new ExportInputError('ids must name at least one entity; leave it out to export the whole graph');
  if (unique.length > MAX_EXPORT_IDS) throw new ExportInputError(`ids may name at most ${MAX_EXPORT_IDS} entities (got ${unique.length})`);
  if (unique.some((id) => id.length > MAX_ID_LENGTH)) throw new ExportInputError(`ids holds an id longer than ${MAX_ID_LENGTH} characters`);
  const hops = depth === null ? 0 : Number(depth);
  if (!/^\d+$/.test(depth ?? '0') || hops > MAX_EXPORT_DEPTH) {
    throw new ExportInputError(`depth must be an integer from 0 to ${MAX_EXPORT_DEPTH} (got ${depth})`);
  }
  return { ids: unique, depth: hops };
}

function kindsOf(value: string | null): EntityKindName[] | null {
  if (value === null) return null;
  const kinds = [...new Set(list(value).map((kind) => kind.toUpperCase()))];
  if (kinds.length === 0) throw new ExportInputError('kinds must name at least one kind; leave it out for all kinds');
  for (const kind of kinds) {
    if (!isEntityKind(kind)) throw new ExportInputError(`unknown kind ${kind}; one of ${ENTITY_KINDS.join(', ')}`);
  }
  return kinds as EntityKindName[];
}

function typesOf(value: string | null): RelationshipTypeName[] | null {
  if (value === null) return null;
  const types = [...new Set(list(value).map((type) => type.toUpperCase()))];
  if (types.length === 0) throw new ExportInputError('types must name at least one relationship type; leave it out for all types');
  for (const type of types) {
    if (!isRelationshipType(type)) throw new ExportInputError(`unknown relationship type ${type}; one of ${RELATIONSHIP_TYPE_NAMES.join(', ')}`);
  }
  return types as RelationshipTypeName[];
}

function booleanOf(name: string, value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ExportInputError(`${name} must be true or false`);
}
