/** A verbatim quote (with offsets into its document) as stored in Neo4j. */
export interface EvidenceRecord {
  id: string;
  /** The entity or relationship the quote supports. */
  factId: string;
  documentId: string;
  quote: string;
  start: number;
  end: number;
  supports: string | null;
  addedBy: string | null;
  addedAt: string | null;
}

/** A source document as stored in Neo4j. */
export interface DocumentRecord {
  id: string;
  title: string;
  text: string;
  publishedAt: string | null;
  source: string | null;
  language: string | null;
}

/** Turns a stored Evidence node's properties into an EvidenceRecord. */
export function toEvidenceRecord(value: Record<string, unknown>): EvidenceRecord {
  return {
    id: String(value.id),
    factId: String(value.factId),
    documentId: String(value.documentId),
    quote: String(value.quote),
    start: Number(value.start),
    end: Number(value.end),
    supports: typeof value.supports === 'string' ? value.supports : null,
    addedBy: typeof value.addedBy === 'string' ? value.addedBy : null,
    addedAt: typeof value.addedAt === 'string' ? value.addedAt : null,
  };
}

/** Turns a stored Document node's properties into a DocumentRecord. */
export function toDocumentRecord(value: Record<string, unknown>): DocumentRecord {
  const optional = (key: string): string | null => (typeof value[key] === 'string' ? (value[key] as string) : null);
  return {
    id: String(value.id),
    title: String(value.title),
    text: String(value.text),
    publishedAt: optional('publishedAt'),
    source: optional('source'),
    language: optional('language'),
  };
}
