import { KIND_PROPERTIES, type EntityKindName, type RelationshipTypeName } from '../graph/model.js';

/** An entity as exported: its stored fields plus a summary of its quotes and the dates of their documents. */
export interface ExportNode {
  id: string;
  kind: EntityKindName;
  name: string;
  aliases: string[];
  description: string | null;
  /** Relationships touching it in the whole graph (the stored degree), also in a selection. */
  degree: number;
  /** Kind-specific fields (vision, fullName, when) that this entity has. */
  fields: Record<string, string>;
  quotes: string[];
  /** Earliest and latest `publishedAt` of the documents quoted for it, in their own precision. */
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A relationship as exported. */
export interface ExportEdge {
  id: string;
  type: RelationshipTypeName;
  source: string;
  target: string;
  title: string | null;
  quotes: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** Every kind-specific field name, in a fixed order, so each format declares one column per field. */
export const KIND_FIELDS: readonly string[] = [...new Set(Object.values(KIND_PROPERTIES).flat())];

/** How several values share one text cell in formats without lists (GraphML, GEXF, CSV). */
export const LIST_SEPARATOR = ' | ';

/** The label a tool shows on an edge: the type, and the title when there is one. */
export function edgeLabel(edge: ExportEdge): string {
  return edge.title ? `${edge.type}: ${edge.title}` : edge.type;
}
