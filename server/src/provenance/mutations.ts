import type { MutationResolvers } from '../generated/resolvers-types.js';
import { apiError, ErrorCode } from '../errors.js';
import { documentIdFor } from '../graph/ids.js';
import { MAX_SHORT_TEXT, check } from '../write/input.js';
import { addEvidence } from '../write/evidence-add.js';
import { writeGraph } from '../write/graph.js';
import { ProblemList } from '../write/problems.js';
import type { DocumentWrite } from '../write/types.js';
import { runWrite } from '../writes.js';

/** Longest document text accepted (characters). */
export const MAX_DOCUMENT_TEXT = 5_000_000;

/** A DocumentInput as the write path takes it. */
export function documentWriteFrom(input: Record<string, unknown>, problems: ProblemList, place = 'input'): DocumentWrite | undefined {
  const title = check.text(problems, `${place}.title`, input.title);
  const text = typeof input.text === 'string' && input.text.trim() !== '' ? input.text : undefined;
  if (text === undefined) problems.add('BAD_INPUT', `${place}.text`, 'must be a non-empty string');
  else if (text.length > MAX_DOCUMENT_TEXT) problems.add('BAD_INPUT', `${place}.text`, `is longer than ${MAX_DOCUMENT_TEXT} characters`);
  const publishedAt = check.optionalText(problems, `${place}.publishedAt`, input.publishedAt, 40);
  if (publishedAt && !/^\d{4}(-\d{2}(-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/.test(publishedAt)) {
    problems.add('BAD_INPUT', `${place}.publishedAt`, 'must be ISO 8601: 2019, 2019-05, 2019-05-14 or a full timestamp');
  }
  const source = check.optionalText(problems, `${place}.source`, input.source, MAX_SHORT_TEXT);
  const language = check.optionalText(problems, `${place}.language`, input.language, 35);
  if (language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) problems.add('BAD_INPUT', `${place}.language`, 'must be a BCP 47 tag such as nb or nn');
  const id = input.id === undefined || input.id === null ? (title && text ? documentIdFor(title, text) : undefined) : String(input.id);
  if (id !== undefined) check.documentId(problems, `${place}.id`, id);
  if (id === undefined || title === undefined || text === undefined) return undefined;
  return { id, title, text, publishedAt: publishedAt ?? null, source: source ?? null, language: language ?? null };
}

export const provenanceMutations: Pick<MutationResolvers, 'upsertDocument' | 'addEvidence'> = {
  upsertDocument: async (_parent, { input }, context) => {
    const id = await runWrite(context, async (tx, writer) => {
      const problems = new ProblemList();
      const document = documentWriteFrom(input as Record<string, unknown>, problems);
      problems.throwIfAny();
      await writeGraph(tx, { documents: [document!], entities: [], relationships: [] }, writer, { fields: 'patch', retype: false, evidence: 'add' });
      return document!.id;
    });
    const written = await context.loaders.document.load(id);
    if (!written) throw apiError(ErrorCode.NOT_FOUND, `document ${id} is gone`);
    return written;
  },
  addEvidence: async (_parent, { factId, evidence }, context) => {
    await runWrite(context, async (tx, writer) => {
      const problems = new ProblemList();
      const items = check.evidence(problems, 'evidence', evidence);
      if (items.length === 0 && problems.items.length === 0) problems.add('BAD_INPUT', 'evidence', 'must hold at least one quote');
      problems.throwIfAny();
      await addEvidence(tx, factId, items, writer);
    });
    return context.loaders.evidenceOf.load(factId);
  },
};
