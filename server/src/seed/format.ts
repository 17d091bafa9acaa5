import { z } from 'zod';
import {
  ENTITY_KINDS,
  KIND_ID_PREFIX,
  KIND_PROPERTIES,
  KIND_PROPERTY_NAMES,
  RELATIONSHIP_TYPE_NAMES,
  type EntityKindName,
  type RelationshipTypeName,
} from '../graph/model.js';
import { DOCUMENT_ID_PATTERN, ENTITY_ID_PATTERN, MAX_ID_LENGTH, RELATIONSHIP_ID_PATTERN } from '../graph/ids.js';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../write/input.js';

export { defaultRelationshipId } from '../graph/ids.js';

// The same caps as the mutations' (write/input.ts): a bundle over GraphQL is a write input like any other.
const text = z.string().trim().min(1, 'must not be empty').max(MAX_SHORT_TEXT, `is longer than ${MAX_SHORT_TEXT} characters`);
const longText = z.string().trim().min(1, 'must not be empty').max(MAX_LONG_TEXT, `is longer than ${MAX_LONG_TEXT} characters`);
const idLength = `is longer than ${MAX_ID_LENGTH} characters`;

const documentId = z.string().max(MAX_ID_LENGTH, idLength).regex(DOCUMENT_ID_PATTERN, 'must look like doc:<name>');
const entityId = z.string().max(MAX_ID_LENGTH, idLength).regex(ENTITY_ID_PATTERN, 'must look like <prefix>:<slug> (lower-case a-z, 0-9, ".", "_", "-")');

const evidenceSchema = z.strictObject({
  // Not trimmed: the quote must be exactly the document's characters.
  quote: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_LONG_TEXT, `is longer than ${MAX_LONG_TEXT} characters`)
    .refine((quote) => quote.trim() === quote, 'must not start or end with whitespace'),
  supports: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be a short word such as alias, vision or role')
    .optional(),
  /** Only needed when the quote occurs more than once in the document. */
  start: z.int().nonnegative().optional(),
  /** Defaults to the graph file's `document`. */
  document: documentId.optional(),
});

const BASE_ENTITY_KEYS = ['id', 'kind', 'name', 'aliases', 'description', 'evidence'] as const;

const entitySchema = z
  .looseObject({
    id: entityId,
    kind: z.enum(ENTITY_KINDS),
    name: text,
    aliases: z.array(text).default([]),
    description: longText.optional(),
    evidence: z.array(evidenceSchema).min(1, 'needs at least one evidence item'),
  })
  .superRefine((entity, ctx) => {
    const prefix = KIND_ID_PREFIX[entity.kind];
    if (!entity.id.startsWith(`${prefix}:`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with "${prefix}:" for kind ${entity.kind}` });
    }
    const allowed = KIND_PROPERTIES[entity.kind];
    for (const [key, value] of Object.entries(entity)) {
      if ((BASE_ENTITY_KEYS as readonly string[]).includes(key)) continue;
      if (!KIND_PROPERTY_NAMES.includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown property "${key}"` });
      } else if (!allowed.includes(key)) {
        const list = allowed.length > 0 ? allowed.join(', ') : 'none';
        ctx.addIssue({ code: 'custom', path: [key], message: `property "${key}" is not allowed for kind ${entity.kind} (allowed: ${list})` });
      } else if (value !== null && value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'must be a non-empty string' });
      } else if (typeof value === 'string' && value.length > MAX_SHORT_TEXT) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is longer than ${MAX_SHORT_TEXT} characters` });
      }
    }
    const seen = new Set<string>();
    for (const alias of entity.aliases) {
      if (alias === entity.name) ctx.addIssue({ code: 'custom', path: ['aliases'], message: `alias "${alias}" repeats the name` });
      else if (seen.has(alias)) ctx.addIssue({ code: 'custom', path: ['aliases'], message: `alias "${alias}" is listed twice` });
      seen.add(alias);
    }
  })
  .transform((entity) => {
    const properties: Record<string, string> = {};
    const raw = entity as Record<string, unknown>;
    for (const key of KIND_PROPERTY_NAMES) {
      const value = raw[key];
      if (typeof value === 'string') properties[key] = value.trim();
    }
    return {
      id: entity.id,
      kind: entity.kind as EntityKindName,
      name: entity.name,
      aliases: entity.aliases,
      description: entity.description,
      properties,
      evidence: entity.evidence,
    };
  });

const relationshipSchema = z
  .strictObject({
    /** Defaults to `rel:<source>-<TYPE>-<target>`. */
    id: z.string().max(MAX_ID_LENGTH, idLength).regex(RELATIONSHIP_ID_PATTERN, 'must look like rel:<name>').optional(),
    type: z.enum(RELATIONSHIP_TYPE_NAMES as [RelationshipTypeName, ...RelationshipTypeName[]]),
    source: entityId,
    target: entityId,
    title: text.optional(),
    /** When the fact began or ended, where a document says so (year, year-month or day). */
    validFrom: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date: 2019, 2019-05 or 2019-05-14').optional(),
    validTo: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date: 2019, 2019-05 or 2019-05-14').optional(),
    evidence: z.array(evidenceSchema).min(1, 'needs at least one evidence item'),
  })
  .refine((relationship) => relationship.source !== relationship.target, {
    message: 'source and target are the same entity',
    path: ['target'],
  });

/** A `*.meta.yaml` file: one source document's metadata. */
export const MetaFileSchema = z.strictObject({
  id: documentId,
  title: text,
  /** BCP 47 tag such as nb or nn. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as nb')
    .nullish(),
  /** The text file, next to the meta file. */
  file: z.string().regex(/^[^/\\]+$/, 'must be a plain file name in the same folder'),
  publishedAt: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/, 'must be ISO 8601 (2019, 2019-05 or 2019-05-14); quote it in YAML')
    .nullish(),
  source: text.nullish(),
});

/** A `*.graph.yaml` file: curated entities and relationships with their evidence. */
export const GraphFileSchema = z.strictObject({
  /** The document that evidence items quote unless they name another one. */
  document: documentId.optional(),
  entities: z.array(entitySchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
});

export type MetaFile = z.infer<typeof MetaFileSchema>;
export type GraphFile = z.infer<typeof GraphFileSchema>;
export type EvidenceItem = z.infer<typeof evidenceSchema>;
export type EntityItem = GraphFile['entities'][number];
export type RelationshipItem = GraphFile['relationships'][number];

