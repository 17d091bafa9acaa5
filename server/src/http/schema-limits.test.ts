import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { fakeDatabase } from '../../test/fake-db.js';
import { analyseOperation, BOUNDED_LISTS, COST_MULTIPLIERS, COST_RULES, DEFAULT_QUERY_LIMITS, lengthCapOf } from './query-limits.js';
import { buildSchema } from './schema.js';
import { createGraphQLServer } from './yoga.js';

// Walks schema.graphql, so a field added later (by any issue) is held to the limits without a line here: every
// string-like argument and input field has a length cap that the server enforces before any resolver runs, and every
// list-returning field has a cost rule.

const schema = buildSchema();
const NUMERIC = new Set(['Int', 'Float', 'Boolean']);

interface Leaf {
  /** Schema coordinate whose cap applies (`Query.search.query`, `DocumentInput.title`). */
  coordinate: string;
  /** The argument path the server names in its error (`input.title`). */
  argument: string;
  scalar: string;
  /** Property path inside the argument's value, for building a request. */
  path: string[];
}

/** The string-like leaves (scalars other than Int/Float/Boolean) under one argument, through input objects and lists. */
function leavesOf(type: GraphQLInputType, coordinate: string, argument: string, path: string[], seen: Set<string>): Leaf[] {
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (seen.has(named.name)) return [];
    return Object.values(named.getFields()).flatMap((field) =>
      leavesOf(field.type, `${named.name}.${field.name}`, `${argument}.${field.name}`, [...path, field.name], new Set([...seen, named.name])),
    );
  }
  if (isScalarType(named) && !NUMERIC.has(named.name)) return [{ coordinate, argument, scalar: named.name, path }];
  return [];
}

const roots = [schema.getQueryType()!, schema.getMutationType()!];
const rootFields = roots.flatMap((root) => Object.values(root.getFields()).map((field) => ({ root: root.name, field })));
const leaves = rootFields.flatMap(({ root, field }) =>
  field.args.flatMap((argument) => leavesOf(argument.type, `${root}.${field.name}.${argument.name}`, argument.name, [], new Set()).map((leaf) => ({ root, field, argumentName: argument.name, leaf }))),
);

/** The smallest value a type accepts (required input fields only), so a request is refused for one reason. */
function sample(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sample(nullable.ofType)];
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(Object.values(nullable.getFields()).filter((field) => isNonNullType(field.type)).map((field) => [field.name, sample(field.type)]));
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  switch (nullable.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 0.5;
    case 'Boolean':
      return false;
    case 'Date':
      return '2024';
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}

/** `value` with `path` set to `leaf` (through lists: their one element). */
function withLeaf(type: GraphQLInputType, value: unknown, path: string[], leaf: unknown): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [withLeaf(nullable.ofType, (value as unknown[])[0], path, leaf)];
  if (path.length === 0) return leaf;
  if (!isInputObjectType(nullable)) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const field = nullable.getFields()[head]!;
  return { ...(value as object), [head]: withLeaf(field.type, (value as Record<string, unknown>)[head] ?? sample(field.type), rest, leaf) };
}

function selectionOf(type: GraphQLNamedType): string {
  return isObjectType(type) || isInterfaceType(type) ? ' { __typename }' : '';
}

function operationFor(root: string, field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((argument, i) => `$a${i}: ${String(argument.type)}`);
  const args = field.args.map((argument, i) => `${argument.name}: $a${i}`);
  const keyword = root === 'Mutation' ? 'mutation' : 'query';
  return `${keyword}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selectionOf(getNamedType(field.type))} }`;
}

describe('every argument of the schema has a length cap', () => {
  it('finds a cap for every string-like argument and input field (JSON and new scalars need an entry in ARGUMENT_LENGTH_CAPS)', () => {
    expect(leaves.length).toBeGreaterThan(20);
    const uncapped = leaves.filter(({ leaf }) => lengthCapOf(leaf.coordinate, leaf.scalar, DEFAULT_QUERY_LIMITS) === undefined).map(({ leaf }) => leaf.coordinate);
    expect(uncapped).toEqual([]);
  });

  it('refuses one character over the cap at every one of them with BAD_USER_INPUT naming the argument, before any resolver or statement runs', async () => {
    const { db, state } = fakeDatabase();
    const yoga = createGraphQLServer({ db, maxBodyBytes: 5_000_000, security: { clients: { concurrency: 8, queue: 100, writesPerMinute: 0, expensivePerMinute: 0, expensiveCost: 1e9, trustProxy: false } } });
    const misses: string[] = [];
    let checked = 0;
    for (const { root, field, argumentName, leaf } of leaves) {
      const cap = lengthCapOf(leaf.coordinate, leaf.scalar, DEFAULT_QUERY_LIMITS)!;
      // Caps left to the body size (a document's text, a bundle) are the body-size limit's to test.
      if (cap >= Number.MAX_SAFE_INTEGER) continue;
      const long = 'x'.repeat(cap + 1);
      const variables = Object.fromEntries(
        field.args.map((argument, i) => [`a${i}`, argument.name === argumentName ? withLeaf(argument.type, sample(argument.type), leaf.path, long) : sample(argument.type)]),
      );
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: operationFor(root, field), variables }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string; argument?: string } }[] };
      const error = body.errors?.[0]?.extensions;
      checked += 1;
      if (response.status !== 400 || error?.code !== 'BAD_USER_INPUT' || error.argument !== leaf.argument) {
        misses.push(`${leaf.coordinate} (${root}.${field.name} ${leaf.argument}): ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    expect(state.calls).toBe(0);
  });
});

describe('every list-returning field has a cost rule', () => {
  it('gives each list or connection field a multiplier argument, a COST_RULES entry or a reason in BOUNDED_LISTS', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      const interfaces = type.getInterfaces().map((parent) => parent.name);
      for (const field of Object.values(type.getFields())) {
        const listish = isListType(getNullableType(field.type)) || getNamedType(field.type).name.endsWith('Connection');
        if (!listish) continue;
        const coordinate = `${type.name}.${field.name}`;
        const ruled =
          field.args.some((argument) => (COST_MULTIPLIERS as readonly string[]).includes(argument.name)) ||
          coordinate in COST_RULES ||
          coordinate in BOUNDED_LISTS ||
          interfaces.some((parent) => `${parent}.${field.name}` in BOUNDED_LISTS);
        if (!ruled) missing.push(coordinate);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists no field in BOUNDED_LISTS or COST_RULES that the schema does not have', () => {
    const known = new Set(
      Object.values(schema.getTypeMap()).flatMap((type) => (isObjectType(type) || isInterfaceType(type) ? Object.keys(type.getFields()).map((name) => `${type.name}.${name}`) : [])),
    );
    expect([...Object.keys(BOUNDED_LISTS), ...Object.keys(COST_RULES)].filter((coordinate) => !known.has(coordinate))).toEqual([]);
  });

  it('prices shortestPath by maxLength and by all (up to 20 paths)', () => {
    const cost = (args: string) => analyseOperation(schema, parse(`{ shortestPath(from: "a", to: "b"${args}) { nodes { id } } }`), null, {}, DEFAULT_QUERY_LIMITS).cost;
    expect(cost(', maxLength: 10')).toBeGreaterThan(cost(', maxLength: 2'));
    expect(cost(', maxLength: 10, all: true')).toBe(20 * cost(', maxLength: 10'));
  });
});
