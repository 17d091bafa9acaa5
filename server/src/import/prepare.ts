import { extract } from './extract.js';
import type { Gazetteer } from './gazetteer.js';
import { IntakeError, intake, type TextFormat } from './intake.js';
import type { ExtractionResult } from './types.js';

/** What `importDocument(input: DocumentInput!)` receives; the storage layer adds ids, status and the write. */
export interface DocumentInput {
  title: string;
  /** Plain text, Markdown or HTML (guessed unless `format` says), or the bytes of a UTF-8 file. */
  text: string | Uint8Array;
  format?: TextFormat;
  publishedAt?: string | null;
  source?: string | null;
  language?: string | null;
}

export interface PreparedImport {
  document: {
    title: string;
    text: string;
    contentHash: string;
    publishedAt: string | null;
    source: string | null;
    language: string | null;
  };
  result: ExtractionResult;
}

// The same forms the seed loader accepts for a document's date: 2019, 2019-05, 2019-05-14, or a timestamp.
const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * Everything an import does before it writes: checks and reduces the document, hashes it, and extracts its
 * mentions and proposals. Throws IntakeError on bad input, before anything could be stored, so a caller never
 * writes half a document.
 */
export function prepareImport(input: DocumentInput, gazetteer: Gazetteer): PreparedImport {
  const publishedAt = input.publishedAt?.trim() || null;
  if (publishedAt !== null && !ISO_DATE.test(publishedAt)) {
    throw new IntakeError('BAD_DATE', `publishedAt "${publishedAt}" is not an ISO 8601 date such as 2019, 2019-05 or 2019-05-14.`);
  }
  const language = input.language?.trim() || null;
  if (language !== null && !LANGUAGE.test(language)) {
    throw new IntakeError('BAD_LANGUAGE', `language "${language}" is not a language tag such as nb or nn.`);
  }
  const document = intake({ title: input.title, body: input.text, format: input.format });
  const result = extract(document.text, { gazetteer, publishedAt: publishedAt ?? undefined, language: language ?? undefined });
  return {
    document: { title: document.title, text: document.text, contentHash: document.contentHash, publishedAt, source: input.source?.trim() || null, language },
    result,
  };
}
