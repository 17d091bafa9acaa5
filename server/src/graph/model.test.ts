import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType, GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../http/schema.js';
import { ENTITY_KINDS, KIND_LABEL, checkedRelationshipType, labelForKind } from './model.js';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

describe('the graph vocabulary', () => {
  it('has exactly the EntityKind values of schema.graphql', () => {
    const kinds = (schema.getType('EntityKind') as GraphQLEnumType).getValues().map((value) => value.name);
    expect([...ENTITY_KINDS].sort()).toEqual(kinds.sort());
  });

  it('names each kind label after a GraphQL object type that implements Entity', () => {
    for (const kind of ENTITY_KINDS) {
      const type = schema.getType(KIND_LABEL[kind]);
      expect(type, kind).toBeInstanceOf(GraphQLObjectType);
      expect((type as GraphQLObjectType).getInterfaces().map((i) => i.name)).toEqual(['Entity']);
    }
  });

  it('refuses anything outside the allowlists before it could reach Cypher', () => {
    expect(labelForKind('PERSON')).toBe('Person');
    expect(() => labelForKind('Person`) DETACH DELETE (n')).toThrow(/Unknown entity kind/);
    expect(checkedRelationshipType('ROLE_AT')).toBe('ROLE_AT');
    expect(() => checkedRelationshipType('ROLE_AT]->() DELETE r//')).toThrow(/Unknown relationship type/);
    expect(() => checkedRelationshipType('toString')).toThrow(/Unknown relationship type/);
  });
});
