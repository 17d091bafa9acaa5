import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  GraphFileSchema,
  MetaFileSchema,
  defaultRelationshipId,
  type EvidenceItem,
  type GraphFile,
  type MetaFile,
} from './format.js';
import { describeQuoteMiss, locateQuote, showQuote } from '../graph/quotes.js';
import type { DocumentWrite, EntityWrite, EvidenceInput, RelationshipWrite } from '../write/types.js';

/** One seed file's name (no folder) and contents. */
export interface SourceFile {
  name: string;
  content: string;
}

/** Everything a seed set is made of, as read from disk (or written inline by a test). */
export interface SeedSources {
  /** `*.meta.yaml` files. */
  metas: SourceFile[];
  /** `*.graph.yaml` files. */
  graphs: SourceFile[];
  /** Document texts by file name, as named by the metas' `file`. */
  texts: Readonly<Record<string, string>>;
}

/** A document as the seed writes it, with the meta file it came from. */
export interface SeedDocument extends DocumentWrite {
  metaFile: string;
}

/** An entity as the seed writes it, with the graph file that lists it. */
export interface SeedEntity extends EntityWrite {
  seedFile: string;
}

/** A relationship as the seed writes it, with the graph file that lists it. */
export interface SeedRelationship extends RelationshipWrite {
  seedFile: string;
}

/** A validated seed set: every quote found verbatim, every reference known. */
export interface SeedSet {
  documents: SeedDocument[];
  entities: SeedEntity[];
  relationships: SeedRelationship[];
  /** How many quotes the set holds. */
  quotes: number;
  metaFiles: string[];
  graphFiles: string[];
}

/** Thrown when a seed set has problems; `problems` lists every one, each naming its file and item. */
export class SeedValidationError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Seed validation failed with ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'SeedValidationError';
    this.problems = problems;
  }
}

/** Parses, checks and resolves a seed set; throws one SeedValidationError listing all problems. Pure. */
export function validateSeedSet(sources: SeedSources): SeedSet {
  const problems: string[] = [];
  const documents = readDocuments(sources, problems);
  const graphs = readGraphs(sources, problems);
  const byId = new Map(documents.map((document) => [document.id, document]));

  const entities: SeedEntity[] = [];
  const relationships: SeedRelationship[] = [];
  let quotes = 0;
  const entityFile = new Map<string, string>();
  const relationshipFile = new Map<string, string>();

  // Resolves one item's evidence list; problems name the item so a 200-line file stays navigable.
  const resolve = (file: string, graph: GraphFile, item: string, items: EvidenceItem[]): EvidenceInput[] => {
    const resolved: EvidenceInput[] = [];
    for (const ev of items) {
      const documentId = ev.document ?? graph.document;
      if (documentId === undefined) {
        problems.push(`${file}: ${item}: evidence ${showQuote(ev.quote)} names no document (set "document" at the top of the file or on the item)`);
        continue;
      }
      const document = byId.get(documentId);
      if (!document) {
        problems.push(`${file}: ${item}: evidence ${showQuote(ev.quote)} points to unknown document ${documentId}`);
        continue;
      }
      const location = locateQuote(document.text, ev.quote, ev.start);
      if (!location.ok) {
        problems.push(`${file}: ${item}: ${describeQuoteMiss(ev.quote, documentId, ev.start, location)}`);
        continue;
      }
      quotes += 1;
      resolved.push({ documentId, quote: ev.quote, start: location.span.start, supports: ev.supports ?? null });
    }
    return resolved;
  };

  for (const { file, graph } of graphs) {
    for (const entity of graph.entities) {
      const item = `entity ${entity.id}`;
      const other = entityFile.get(entity.id);
      if (other !== undefined) problems.push(`${file}: ${item}: duplicate id (also in ${other})`);
      else entityFile.set(entity.id, file);
      entities.push({
        id: entity.id,
        kind: entity.kind,
        name: entity.name,
        aliases: entity.aliases,
        description: entity.description ?? null,
        properties: entity.properties,
        evidence: resolve(file, graph, item, entity.evidence),
        place: `${file}: ${item}`,
        seedFile: file,
      });
    }
  }

  for (const { file, graph } of graphs) {
    for (const relationship of graph.relationships) {
      const id = relationship.id ?? defaultRelationshipId(relationship);
      const item = `relationship ${id}`;
      const other = relationshipFile.get(id);
      if (other !== undefined) problems.push(`${file}: ${item}: duplicate id (also in ${other}); give one of them an explicit id`);
      else relationshipFile.set(id, file);
      for (const end of ['source', 'target'] as const) {
        if (!entityFile.has(relationship[end])) problems.push(`${file}: ${item}: ${end} ${relationship[end]} is not a known entity`);
      }
      relationships.push({
        id,
        type: relationship.type,
        source: relationship.source,
        target: relationship.target,
        title: relationship.title ?? null,
        validFrom: relationship.validFrom ?? null,
        validTo: relationship.validTo ?? null,
        evidence: resolve(file, graph, item, relationship.evidence),
        place: `${file}: ${item}`,
        seedFile: file,
      });
    }
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return {
    documents,
    entities,
    relationships,
    quotes,
    metaFiles: sources.metas.map((meta) => meta.name),
    graphFiles: sources.graphs.map((graph) => graph.name),
  };
}

function readDocuments(sources: SeedSources, problems: string[]): SeedDocument[] {
  const documents: SeedDocument[] = [];
  const seen = new Map<string, string>();
  for (const source of sources.metas) {
    const meta = parseFile<MetaFile>(source, MetaFileSchema, problems);
    if (!meta) continue;
    const other = seen.get(meta.id);
    if (other !== undefined) {
      problems.push(`${source.name}: document ${meta.id}: duplicate id (also in ${other})`);
      continue;
    }
    seen.set(meta.id, source.name);
    const text = Object.hasOwn(sources.texts, meta.file) ? sources.texts[meta.file] : undefined;
    if (text === undefined) {
      problems.push(`${source.name}: document ${meta.id}: text file ${meta.file} not found`);
      continue;
    }
    documents.push({
      id: meta.id,
      title: meta.title,
      text,
      publishedAt: meta.publishedAt ?? null,
      source: meta.source ?? null,
      language: meta.language ?? null,
      metaFile: source.name,
    });
  }
  return documents;
}

function readGraphs(sources: SeedSources, problems: string[]): { file: string; graph: GraphFile }[] {
  const graphs: { file: string; graph: GraphFile }[] = [];
  for (const source of sources.graphs) {
    const graph = parseFile<GraphFile>(source, GraphFileSchema, problems);
    if (graph) graphs.push({ file: source.name, graph });
  }
  return graphs;
}

function parseFile<T>(source: SourceFile, schema: z.ZodType<T>, problems: string[]): T | undefined {
  let data: unknown;
  try {
    data = parseYaml(source.content, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    problems.push(`${source.name}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push(`${source.name}: ${describePath(data, issue.path)}: ${issue.message}`);
  }
  return undefined;
}

// Paths like `entities[3] (org:x).kind`, so a problem can be found without counting list items.
export function describePath(data: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  let out = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = node && typeof node === 'object' ? (node as Record<string, unknown>).id : undefined;
      if (typeof id === 'string') out += ` (${id})`;
    } else {
      out += `${out === '' ? '' : '.'}${String(key)}`;
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out;
}
