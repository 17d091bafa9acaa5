/**
 * A schema-aware GraphQL fuzzer: from a seed, generates operations (queries, and mutations once the schema has
 * them) over the whole schema with random and hostile arguments, as literals or variables, plus malformed and
 * oversized documents. Deterministic for a given seed, so a failure can be replayed.
 */
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
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings a hostile client would try: injection, Lucene syntax, control characters, huge, odd Unicode. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  'gro',
  'jaere',
  'Jære',
  'org:sykehuspartner',
  'person:gro-jaere',
  'programme:stim',
  'doc:000_b40fe58a30269fa6',
  "x' DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`; DROP DATABASE neo4j',
  '*?!',
  'a* OR b~ AND "c" NOT [x TO y] {a TO b} ^2 \\',
  'name:gro',
  '/.*/',
  '((((((((((',
  '\u0000',
  '\u0000\u0001\u001f\u007f',
  '\ud800',
  '🦄🦄🦄',
  'ЖЖЖ 漢字 عربي',
  'e\u0301',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x}',
  '%00%27',
  '\n\r\t',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

const HOSTILE_INTS = [0, 1, -1, 2, 3, 4, 10, 20, 100, 199, 200, 201, 999, 1000, 1001, 5000, 2147483647, -2147483648];

/**
 * What a fuzz pass that writes may touch: ids are drawn from `ids` (its own fixture) or made up with `marker` in
 * them, and every name or title it sends carries the marker (ids made from a name do too), so the pass never
 * changes data it did not create and all it wrote can be found and removed.
 */
export interface WriteScope {
  /** Lower-case letters and digits, unique to the run, e.g. `fz1a2b3c4d`. */
  marker: string;
  /** Ids of the fixture's entities, relationships, documents, proposals and scenes. */
  ids: readonly string[];
  /** Values that pass validation, by input field or argument name (`quote`, `text`, `state`, `type`, ...). */
  plausible: Readonly<Record<string, readonly unknown[]>>;
  /** Makes a bundle for `importGraph`: well-formed or broken in one of many ways. */
  bundle: (random: () => number) => unknown;
}

export interface FuzzCase {
  query: string;
  variables: Record<string, unknown>;
  /** What kind of case this is, for the report. */
  kind: 'generated' | 'malformed';
}

export class SchemaFuzzer {
  private readonly random: () => number;
  private variableCount = 0;
  private variables: Record<string, unknown> = {};
  private definitions: string[] = [];
  /** Root fields (`Query.search`) and their arguments (`Query.search.query`) the generated operations used. */
  readonly covered = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
    private readonly scope?: WriteScope,
  ) {
    this.random = rng(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** The next case: usually a generated operation, sometimes a malformed or oversized document. */
  next(): FuzzCase {
    if (this.chance(0.1)) return { ...this.malformed(), kind: 'malformed' };
    const mutation = this.schema.getMutationType();
    return this.operation(mutation && this.chance(0.3) ? mutation : this.schema.getQueryType()!);
  }

  /** The next mutation (only with a write scope: every value then stays inside it). */
  nextMutation(): FuzzCase {
    if (!this.scope) throw new Error('mutations are fuzzed with a write scope only');
    return this.operation(this.schema.getMutationType()!);
  }

  private operation(root: GraphQLObjectType): FuzzCase {
    const mutation = this.schema.getMutationType();
    this.variableCount = 0;
    this.variables = {};
    this.definitions = [];
    const fields = Object.values(root.getFields());
    const count = this.chance(0.15) ? this.int(2, 8) : 1;
    const selections: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const field = this.pick(fields);
      selections.push(this.field(field, this.int(1, 6), count > 1 || this.chance(0.1) ? `f${i}: ` : '', `${root.name}.${field.name}`));
    }
    if (this.chance(0.1)) selections.push('__typename');
    const keyword = root === mutation ? 'mutation' : 'query';
    const header = this.definitions.length > 0 ? `(${this.definitions.join(', ')})` : '';
    return { query: `${keyword} Fuzz${header} { ${selections.join(' ')} }`, variables: this.variables, kind: 'generated' };
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, alias = '', coordinate?: string): string {
    const args: string[] = [];
    if (coordinate) this.covered.add(coordinate);
    for (const argument of field.args) {
      const required = isNonNullType(argument.type);
      if (!required && !this.chance(0.5)) continue;
      if (required && this.chance(0.02)) continue; // a missing required argument
      if (coordinate) this.covered.add(`${coordinate}.${argument.name}`);
      args.push(`${argument.name}: ${this.argument(argument.type, argument.name)}`);
    }
    const named = getNamedType(field.type);
    const selection = this.selection(named, depth - 1);
    return `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    if (!(isObjectType(type) || isInterfaceType(type) || isUnionType(type))) return '';
    const parts: string[] = [];
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const scalars = fields.filter((field) => !(isObjectType(getNamedType(field.type)) || isInterfaceType(getNamedType(field.type))));
      const objects = fields.filter((field) => !scalars.includes(field));
      parts.push(this.field(this.pick(scalars.length ? scalars : fields), 1));
      const extra = this.int(0, 3);
      for (let i = 0; i < extra; i += 1) {
        const candidates = depth > 0 && this.chance(0.6) && objects.length ? objects : scalars;
        if (candidates.length) parts.push(this.field(this.pick(candidates), depth, this.chance(0.1) ? `a${i}: ` : ''));
      }
    }
    if (isInterfaceType(type) || isUnionType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      if (possible.length && this.chance(0.4)) {
        const concrete = this.pick(possible) as GraphQLObjectType;
        parts.push(`... on ${concrete.name} ${this.selection(concrete, depth)}`);
      }
      if (isUnionType(type)) parts.push('__typename');
    }
    if (this.chance(0.05)) parts.push('__typename');
    return ` { ${parts.join(' ')} }`;
  }

  /** An argument value: mostly a literal, sometimes a variable (whose value may be of the wrong type). */
  private argument(type: GraphQLInputType, key: string): string {
    if (this.chance(0.35)) {
      const name = `v${this.variableCount++}`;
      this.definitions.push(`$${name}: ${String(type)}`);
      // A wrong value is rejected before any resolver runs, so it stays out of scope even when writing.
      const value = this.chance(0.05) ? this.wrongValue() : this.value(type, key);
      if (value !== undefined) this.variables[name] = value;
      return `$${name}`;
    }
    return this.literal(type, key);
  }

  private wrongValue(): unknown {
    return this.pick<unknown>([null, 'x', 12, 1.5, true, [], {}, [null], { a: 1 }, 'x'.repeat(5_000)]);
  }

  private string(): string {
    if (this.chance(0.1)) return this.pick(['a', 'ж', '🦄', "'", '"', '\\']).repeat(this.int(100, 3_000));
    if (this.chance(0.1)) return Array.from({ length: this.int(1, 30) }, () => String.fromCharCode(this.int(0, 0xffff))).join('');
    return this.pick(HOSTILE_STRINGS);
  }

  /** A value of `type` for the argument or input field `key` (which only a write scope looks at). */
  private value(type: GraphQLInputType, key = ''): unknown {
    if (!isNonNullType(type) && this.chance(0.1)) return null;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const length = this.chance(0.05) ? this.int(50, 300) : this.int(0, 4);
      return Array.from({ length }, () => this.value(nullable.ofType, key));
    }
    if (isInputObjectType(nullable)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(nullable.getFields())) {
        if (isNonNullType(field.type) || this.chance(0.5)) value[field.name] = this.value(field.type, field.name);
      }
      return value;
    }
    if (this.scope && (isScalarType(nullable) || isEnumType(nullable))) return this.scoped(this.scope, nullable.name, key);
    if (isEnumType(nullable)) return this.chance(0.05) ? 'NOT_A_KIND' : this.pick(nullable.getValues()).value;
    if (isScalarType(nullable)) {
      switch (nullable.name) {
        case 'Int':
          return this.chance(0.8) ? this.pick(HOSTILE_INTS) : this.int(-1e6, 1e6);
        case 'Float':
          return this.pick([0, -1, 0.5, 1e308, -1e308, 3.14]);
        case 'Boolean':
          return this.chance(0.5);
        default:
          return this.string();
      }
    }
    return null;
  }

  private literal(type: GraphQLInputType, key: string): string {
    return toLiteral(this.value(type, key), getNullableType(type) as GraphQLInputType);
  }

  /**
   * A leaf value inside the write scope: ids from the fixture or made up with the marker, names and titles with
   * the marker, and often a value that passes validation so the mutation gets past its checks into the writes.
   */
  private scoped(scope: WriteScope, typeName: string, key: string): unknown {
    const plausible = scope.plausible[key];
    if (typeName === 'ID') {
      if (plausible && plausible.length > 0 && this.chance(0.6)) return this.pick(plausible);
      if (this.chance(0.6)) return this.pick(scope.ids);
      return this.pick([`${scope.marker}`, `person:${scope.marker}-x`, `doc:${scope.marker}-none`, `${this.pick(scope.ids)}${this.string()}`, `${scope.marker}${this.string()}`]);
    }
    if (key === 'bundle') return scope.bundle(this.random);
    if (key === 'name' || key === 'title') return this.chance(0.4) ? scope.marker : `Fuzz ${scope.marker}${this.chance(0.4) ? ` ${this.string()}` : ''}`;
    if (plausible && plausible.length > 0 && this.chance(0.6)) return this.pick(plausible);
    if (typeName === 'JSON') return this.json(scope, 3);
    const type = this.schema.getType(typeName);
    if (type && isEnumType(type)) return this.chance(0.05) ? 'NOT_A_KIND' : this.pick(type.getValues()).value;
    switch (typeName) {
      case 'Int':
        return this.chance(0.8) ? this.pick(HOSTILE_INTS) : this.int(-1e6, 1e6);
      case 'Float':
        return this.pick([0, -1, 0.5, 1, 1e308, -1e308, 0.9]);
      case 'Boolean':
        return this.chance(0.5);
      default:
        return this.string();
    }
  }

  /** A JSON value: objects with the keys the server looks for, hostile keys and values, nesting. */
  private json(scope: WriteScope, depth: number): unknown {
    if (depth <= 0 || this.chance(0.3)) return this.pick<unknown>([null, 1, -1, true, 1e308, this.string(), `${scope.marker} x`, []]);
    if (this.chance(0.2)) return Array.from({ length: this.int(0, 4) }, () => this.json(scope, depth - 1));
    const keys = ['vision', 'fullName', 'when', 'id', 'name', '__proto__', 'constructor', 'x'.repeat(this.int(1, 300)), this.string()];
    return Object.fromEntries(Array.from({ length: this.int(0, 4) }, () => [this.pick(keys), this.json(scope, depth - 1)]));
  }

  /** Documents a parser or a limit must refuse cleanly. */
  private malformed(): { query: string; variables: Record<string, unknown> } {
    const depth = this.int(5, 40);
    const options = [
      () => `{ ${'entity(id: "x") { relationships { edges { node { evidence { document { id } } } } } }'.repeat(1)} ${'{'.repeat(depth)}`,
      () => `{ search(query: "gro") { entity { ${'... on Entity { relationships { edges { node { evidence { document { '.repeat(this.int(1, 6))} id ${'} } } } } }'.repeat(1)} } } }`,
      () => `{ ${Array.from({ length: this.int(10, 60) }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      () => `{ ${Array.from({ length: this.int(3, 30) }, (_, i) => `g${i}: graph(limit: ${this.pick(HOSTILE_INTS)}) { nodes { id evidence { document { text } } } }`).join(' ')} }`,
      () => `{ __schema { types { fields { type ${'{ ofType '.repeat(depth)}{ name }${' }'.repeat(depth)} } } } }`,
      () => `{ __typename ${'@include(if: true) '.repeat(this.int(10, 80))} }`,
      () => `{ ${'__typename '.repeat(this.int(500, 1_500))} }`,
      () => this.string(),
      () => `query { entity(id: ${JSON.stringify(this.string())}) { id nmae } }`,
      () => `fragment A on Query { ...B } fragment B on Query { ...A } { ...A }`,
      () => `subscription { stats { entities } }`,
      () => `{ entity(id: "${'x'.repeat(this.int(150, 90_000))}") { id } }`,
    ];
    return { query: this.pick(options)(), variables: this.chance(0.2) ? { x: this.wrongValue() } : {} };
  }
}

/** A JSON-ish value as a GraphQL literal of `type` (enums unquoted). */
function toLiteral(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const nullable = getNullableType(type);
  if (Array.isArray(value)) {
    const item = isListType(nullable) ? (nullable.ofType as GraphQLInputType) : nullable;
    return `[${value.map((element) => toLiteral(element, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(nullable) ? nullable.getFields() : {};
    return `{ ${Object.entries(value)
      .map(([key, field]) => `${key}: ${toLiteral(field, (fields[key]?.type ?? nullable) as GraphQLInputType)}`)
      .join(', ')} }`;
  }
  if (isEnumType(nullable) && typeof value === 'string' && /^[A-Za-z_]\w*$/.test(value)) return value;
  // JSON string escapes are GraphQL string escapes; lone surrogates are written as \u escapes by JSON.stringify.
  return JSON.stringify(value);
}
