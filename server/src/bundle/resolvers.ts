import { badInput } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { writeGraph } from '../write/graph.js';
import { WriteRejected } from '../write/problems.js';
import { runWrite, toApiError } from '../writes.js';
import { bundleChange } from './import.js';

/** Resolvers of bundle import. */
export const bundleResolvers: Resolvers = {
  Mutation: {
    importGraph: async (_parent, { bundle, name }, context) => {
      if (name !== undefined && name !== null && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) {
        throw badInput('name must be 1-100 letters, digits, ".", "_" or "-"', 'name');
      }
      return runWrite(context, async (tx, writer) => {
        let change;
        try {
          change = bundleChange(bundle);
        } catch (error) {
          if (error instanceof WriteRejected) throw toApiError(error);
          throw error;
        }
        // Stamped as the token that wrote it, with the bundle's name when given: api:<token>/bundle:<name>.
        const stamped = name ? { ...writer, source: `${writer.source}/bundle:${name}` } : writer;
        const report = await writeGraph(tx, change, stamped, { fields: 'patch', retype: false, evidence: 'add' });
        return { documents: report.documents, entities: report.entities, relationships: report.relationships, evidence: report.evidence };
      });
    },
  },
};
