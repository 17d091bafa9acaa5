import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, MAX_ID_LENGTH } from '../graph/ids.js';
import { GraphFileSchema } from '../seed/format.js';
import { MAX_SHORT_TEXT } from '../write/input.js';

const text = z.string().trim().min(1, 'must not be empty').max(MAX_SHORT_TEXT, `is longer than ${MAX_SHORT_TEXT} characters`);

/** A document a bundle brings along, as in DocumentInput but with its id required. */
const bundleDocumentSchema = z.strictObject({
  id: z.string().max(MAX_ID_LENGTH, `is longer than ${MAX_ID_LENGTH} characters`).regex(DOCUMENT_ID_PATTERN, 'must look like doc:<name>'),
  title: text,
  text: z.string().min(1, 'must not be empty').max(5_000_000, 'is longer than 5,000,000 characters'),
  publishedAt: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/, 'must be ISO 8601 (2019, 2019-05 or 2019-05-14)')
    .nullish(),
  source: text.nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as nb')
    .nullish(),
});

/**
 * A bundle: the seed graph format (`document`, `entities`, `relationships`, as in seeds/*.graph.yaml), plus
 * `documents` to bring the quoted documents along. `document` names the default document of quotes.
 */
export const BundleSchema = GraphFileSchema.extend({
  documents: z.array(bundleDocumentSchema).default([]),
});

export type Bundle = z.infer<typeof BundleSchema>;
