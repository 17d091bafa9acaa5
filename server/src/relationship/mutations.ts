import type { MutationResolvers } from '../generated/resolvers-types.js';
import { apiError, ErrorCode } from '../errors.js';
import { defaultRelationshipId } from '../graph/ids.js';
import type { RelationshipTypeName } from '../graph/model.js';
import { deleteRelationship } from '../write/delete.js';
import { writeGraph } from '../write/graph.js';
import { check } from '../write/input.js';
import { ProblemList } from '../write/problems.js';
import type { RelationshipWrite } from '../write/types.js';
import { runWrite } from '../writes.js';

/** A RelationshipInput as the write path takes it; every problem names its field. */
export function relationshipWriteFrom(input: Record<string, unknown>, problems: ProblemList, place = 'input'): RelationshipWrite | undefined {
  const type = typeof input.type === 'string' ? input.type : '';
  const typeOk = check.relationshipType(problems, `${place}.type`, type);
  const source = check.reference(problems, `${place}.source`, input.source);
  const target = check.reference(problems, `${place}.target`, input.target);
  const title = check.optionalText(problems, `${place}.title`, input.title);
  const id =
    input.id === undefined || input.id === null
      ? source && target && typeOk
        ? defaultRelationshipId({ source, type, target })
        : undefined
      : String(input.id);
  if (id !== undefined) check.relationshipId(problems, `${place}.id`, id);
  const evidence = check.evidence(problems, `${place}.evidence`, Array.isArray(input.evidence) ? input.evidence : []);
  if (!typeOk || id === undefined || source === undefined || target === undefined) return undefined;
  return { id, type: type as RelationshipTypeName, source, target, title, evidence, place };
}

export const relationshipMutations: Pick<MutationResolvers, 'upsertRelationship' | 'deleteRelationship'> = {
  upsertRelationship: async (_parent, { input }, context) => {
    const id = await runWrite(context, async (tx, writer) => {
      const problems = new ProblemList();
      const relationship = relationshipWriteFrom(input as Record<string, unknown>, problems);
      problems.throwIfAny();
      const report = await writeGraph(tx, { documents: [], entities: [], relationships: [relationship!] }, writer, {
        fields: 'patch',
        retype: false,
        evidence: 'add',
      });
      return report.relationshipIds[0]!;
    });
    const written = await context.loaders.relationship.load(id);
    if (!written) throw apiError(ErrorCode.NOT_FOUND, `relationship ${id} is gone (deleted by a concurrent write)`);
    return written;
  },
  deleteRelationship: (_parent, { id }, context) => runWrite(context, (tx, writer) => deleteRelationship(tx, id, writer)),
};
