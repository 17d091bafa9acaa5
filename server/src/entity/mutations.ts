import type { MutationResolvers } from '../generated/resolvers-types.js';
import { entityIdFor } from '../graph/ids.js';
import { KIND_PROPERTIES, type EntityKindName } from '../graph/model.js';
import { deleteEntity } from '../write/delete.js';
import { writeGraph } from '../write/graph.js';
import { MAX_LIST, MAX_LONG_TEXT, check } from '../write/input.js';
import { mergeEntities } from '../write/merge.js';
import { ProblemList } from '../write/problems.js';
import type { EntityWrite } from '../write/types.js';
import { runWrite } from '../writes.js';
import type { GraphQLContext } from '../context.js';
import { apiError, ErrorCode } from '../errors.js';
import type { EntityRecord } from '../graph/entity.js';

/** An EntityInput as the write path takes it; every problem names its field under `input`. */
export function entityWriteFrom(input: Record<string, unknown>, problems: ProblemList, place = 'input'): EntityWrite | undefined {
  const kind = input.kind as EntityKindName;
  const name = check.text(problems, `${place}.name`, input.name);
  const id = input.id === undefined || input.id === null ? (name ? entityIdFor(kind, name) : undefined) : String(input.id);
  if (id !== undefined) check.entityId(problems, `${place}.id`, id);
  let aliases: string[] | undefined;
  if (Array.isArray(input.aliases)) {
    if (input.aliases.length > MAX_LIST) problems.add('BAD_INPUT', `${place}.aliases`, `holds more than ${MAX_LIST} aliases`);
    aliases = input.aliases.map((alias, i) => check.text(problems, `${place}.aliases[${i}]`, alias)).filter((a): a is string => a !== undefined);
  }
  const description = check.optionalText(problems, `${place}.description`, input.description, MAX_LONG_TEXT);
  const properties: Record<string, string | null> = {};
  if (input.properties !== undefined && input.properties !== null) {
    if (typeof input.properties !== 'object' || Array.isArray(input.properties)) {
      problems.add('BAD_INPUT', `${place}.properties`, 'must be an object such as {"vision": "..."}');
    } else {
      for (const [key, value] of Object.entries(input.properties)) {
        if (!(KIND_PROPERTIES[kind] as readonly string[]).includes(key)) {
          const allowed = KIND_PROPERTIES[kind].join(', ') || 'none';
          problems.add('BAD_INPUT', `${place}.properties.${key}`, `unknown property for kind ${kind} (allowed: ${allowed})`);
          continue;
        }
        const text = check.optionalText(problems, `${place}.properties.${key}`, value, MAX_LONG_TEXT);
        if (text !== undefined) properties[key] = text;
      }
    }
  }
  const evidence = check.evidence(problems, `${place}.evidence`, Array.isArray(input.evidence) ? input.evidence : []);
  if (id === undefined || name === undefined) return undefined;
  return { id, kind, name, aliases, description, properties, evidence, place };
}

export const entityMutations: Pick<MutationResolvers, 'upsertEntity' | 'deleteEntity' | 'mergeEntities'> = {
  upsertEntity: async (_parent, { input }, context) => {
    const id = await runWrite(context, async (tx, writer) => {
      const problems = new ProblemList();
      const entity = entityWriteFrom(input as Record<string, unknown>, problems);
      problems.throwIfAny();
      const report = await writeGraph(tx, { documents: [], entities: [entity!], relationships: [] }, writer, {
        fields: 'patch',
        retype: false,
        evidence: 'add',
      });
      return report.entityIds[0]!;
    });
    return loadWritten(context, id);
  },
  deleteEntity: (_parent, { id }, context) => runWrite(context, (tx, writer) => deleteEntity(tx, id, writer)),
  mergeEntities: async (_parent, { keepId, removeId }, context) => {
    const report = await runWrite(context, (tx, writer) => mergeEntities(tx, keepId, removeId, writer));
    return loadWritten(context, report.keepId);
  },
};

/** Reads back what a mutation wrote (after its commit, so the answer is what is stored). */
async function loadWritten(context: GraphQLContext, id: string): Promise<EntityRecord> {
  const entity = await context.loaders.entity.load(id);
  if (!entity) throw apiError(ErrorCode.NOT_FOUND, `entity ${id} is gone (deleted by a concurrent write)`);
  return entity;
}
