import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  NoSchemaIntrospectionCustomRule,
  parse,
  validate,
  valueFromAST,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import { MAX_PATHS } from '../neighbourhood/queries.js';
import { limitError } from './errors.js';

/** Limits on what one GraphQL request may ask for. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Estimated cost; see `estimateCost`. */
  maxCost: number;
  /** Root fields that run a query of their own (all but `LIGHT_ROOT_FIELDS` and introspection). */
  maxRootFields: number;
  maxResponseBytes: number;
  /** Longest ID argument value, and longest String (or other scalar) one, unless `ARGUMENT_LENGTH_CAPS` says otherwise. */
  maxIdLength: number;
  maxStringLength: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1_000,
  maxCost: 50_000,
  maxRootFields: 5,
  maxResponseBytes: 2_000_000,
  maxIdLength: 200,
  maxStringLength: 1_000,
};

/**
 * Per-argument (or input-field) length caps that differ from the defaults, by schema coordinate. Every other ID or
 * String argument, input field and list element gets the default cap, so new fields are capped without a line here.
 */
export const ARGUMENT_LENGTH_CAPS: Readonly<Record<string, number>> = {
  'Query.search.query': 200,
  // Write inputs (mutations): a document's text is bounded by the body size (KGX_MAX_BODY_BYTES) alone.
  'DocumentInput.text': Number.MAX_SAFE_INTEGER,
  'EntityInput.description': 5_000,
  'EvidenceInput.quote': 5_000,
  // Saved scenes: the state is the page's compact encoding (SCENE_STATE_MAX_LENGTH in common/scene-state.ts).
  'SceneInput.name': 100,
  'SceneInput.state': 65_536,
  // A kind's own properties (fullName, website, ...) as a JSON object: its serialised length.
  'EntityInput.properties': 5_000,
  // A JSON bundle (counted as its serialised length): bounded by the body size; its strings are capped by the
  // bundle format (seed/format.ts) as the other write inputs are here.
  'Mutation.importGraph.bundle': Number.MAX_SAFE_INTEGER,
};

/**
 * The length cap of a string (or, for JSON, a serialised value) at `coordinate`, of the scalar type `scalar`: the
 * entry in `ARGUMENT_LENGTH_CAPS`, else the default of its type. Undefined for a scalar with no default (JSON) and no
 * entry: the schema test (`schema-limits.test.ts`) fails on such a coordinate, so a new one gets a deliberate cap.
 */
export function lengthCapOf(coordinate: string, scalar: string, limits: Pick<QueryLimits, 'maxIdLength' | 'maxStringLength'>): number | undefined {
  const explicit = ARGUMENT_LENGTH_CAPS[coordinate];
  if (explicit !== undefined) return explicit;
  if (scalar === 'ID') return limits.maxIdLength;
  if (scalar === 'String' || scalar === 'Date') return limits.maxStringLength;
  return undefined;
}

/**
 * Cost multipliers of fields whose size another argument than `first`, `limit` or `depth` sets, by schema coordinate
 * (applied on top of those). The schema test holds every list-returning field to a multiplier argument, a rule
 * here, or an entry in `BOUNDED_LISTS`.
 */
export const COST_RULES: Readonly<Record<string, (args: Record<string, unknown>) => number>> = {
  // `all` asks for up to MAX_PATHS paths, each of at most `maxLength` relationships (maxLength + 1 entities).
  'Query.shortestPath': (args) => (args.all === true ? MAX_PATHS : 1) * (typeof args.maxLength === 'number' && args.maxLength > 0 ? args.maxLength + 1 : 1),
};

/**
 * List-returning fields that need no multiplier of their own, and why. A field of an interface's implementation may
 * be listed under the interface (`Entity.evidence`).
 */
export const BOUNDED_LISTS: Readonly<Record<string, string>> = {
  'Query.expansionPreview': 'one group per relationship type, direction and neighbour kind: bounded by the vocabulary',
  'Query.kinds': 'the vocabulary of entity kinds',
  'Query.relationshipTypes': 'the vocabulary of relationship types',
  'Entity.aliases': 'the names of one entity',
  'Entity.evidence': 'the quotes of one fact (one per quoting sentence); the response-size cap bounds a fact quoted thousands of times',
  'Relationship.evidence': 'the quotes of one fact (one per quoting sentence); the response-size cap bounds a fact quoted thousands of times',
  'Subgraph.nodes': 'the parent field\'s limit, depth or maxLength multiplies it',
  'Subgraph.edges': 'the parent field\'s limit, depth or maxLength multiplies it',
  'Subgraph.hidden': 'one count per node of the subgraph, which the parent field\'s multiplier bounds',
  'EntityConnection.edges': 'the parent field\'s first multiplies it',
  'RelationshipConnection.edges': 'the parent field\'s first multiplies it',
  'DocumentConnection.edges': 'the parent field\'s first multiplies it',
  'ProposalConnection.edges': 'the parent field\'s first multiplies it',
  'DocumentMentionConnection.edges': 'the parent field\'s first multiplies it',
  'SavedSceneConnection.edges': 'the parent field\'s first multiplies it',
  'GraphStats.byKind': 'one count per entity kind',
  'GraphStats.byRelationshipType': 'one count per relationship type',
  'KindInfo.fields': 'the property names of one kind',
  'Mutation.addEvidence': 'a write (rate-limited), answering with the quotes of one fact',
  'Mutation.acceptProposals': "a write (rate-limited), answering with one document's proposals, which its text bounds",
  'ImportResult.mentions': 'the mentions in one document, which its size (the body-size cap) bounds',
  'ImportResult.proposals': 'the proposals of one document, which its size (the body-size cap) bounds',
};

/** Arguments that multiply the cost of a field (and of everything below it). */
export const COST_MULTIPLIERS = ['first', 'limit', 'depth'] as const;

/** Root fields answered from the per-request batch loaders; they do not count against `maxRootFields`. */
export const LIGHT_ROOT_FIELDS: ReadonlySet<string> = new Set(['entity', 'relationship', 'document', '__typename', '__schema', '__type']);

const tooComplex = (message: string): GraphQLError => limitError(ErrorCode.QUERY_TOO_COMPLEX, message, 400);

/** armor reports "Syntax Error: <what>"; clients get the limit as a coded 400 instead. */
const reportTo = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(tooComplex(error.message.replace(/^Syntax Error: /, '')));
};
const armor = { propagateOnRejection: false as const, onReject: [reportTo], exposeLimits: true };

/** True when every root field of the operation is introspection (`__schema`, `__type`, `__typename`). */
function introspectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'));
}

/** The depth armor counts for the standard introspection query with every option GraphiQL may turn on. */
export function standardIntrospectionDepth(schema: GraphQLSchema): number {
  const document = parse(
    getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }),
  );
  for (let n = 1; n < 100; n += 1) {
    let over = false;
    validate(schema, document, [maxDepthRule({ n, ignoreIntrospection: false, propagateOnRejection: false, onReject: [() => (over = true)] })]);
    if (!over) return n;
  }
  return 100;
}

/**
 * Depth counts introspection fields and `__typename` like any other; an operation made only of introspection may go
 * as deep as the standard introspection query (so GraphiQL and codegen work) and no deeper. Production turns
 * introspection off altogether.
 */
function depthRule(maxDepth: number, introspectionDepth: number): ValidationRule {
  const normal = maxDepthRule({ ...armor, n: maxDepth, ignoreIntrospection: false });
  const introspection = maxDepthRule({ ...armor, n: Math.max(maxDepth, introspectionDepth), ignoreIntrospection: false });
  return (context) => {
    const visitors = { normal: normal(context) as any, introspection: introspection(context) as any };
    return {
      OperationDefinition: {
        enter(operation) {
          const visitor = introspectionOnly(operation) ? visitors.introspection : visitors.normal;
          visitor.OperationDefinition.enter.call(visitor, operation);
        },
      },
    };
  };
}

/**
 * Counts the tokens of a query (as armor's max-tokens does) without building a document; stops past `max`.
 * Lexing errors are left to the parser, which reports them properly.
 */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > max) break;
    }
  } catch {
    // A syntax error: the parser will say where.
  }
  return count;
}

function withCode(error: GraphQLError, code: string, hideSuggestions: boolean): GraphQLError {
  if (error.extensions['code'] && !hideSuggestions) return error;
  const message = hideSuggestions ? error.message.replace(/ ?Did you mean .+\?$/, '') : error.message;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code: error.extensions['code'] ?? code, http: error.extensions['http'] ?? { status: 400, spec: true } },
  });
}

/** Parse and validation limits: tokens, depth, aliases (`__typename` included), directives, introspection switch. */
export function useQueryShapeLimits(limits: QueryLimits, options: { introspection: boolean; hideSuggestions: boolean }): Plugin {
  let rules: ValidationRule[] | undefined;
  return {
    // Before parsing (Yoga reports any error thrown by the parser as a 200 to application/json clients).
    onParams({ params, setResult }) {
      if (typeof params.query === 'string' && countTokens(params.query, limits.maxTokens) > limits.maxTokens) {
        setResult({ errors: [tooComplex(`Token limit of ${limits.maxTokens} exceeded.`)] });
      }
    },
    onValidate({ addValidationRule, params }) {
      rules ??= [
        depthRule(limits.maxDepth, standardIntrospectionDepth(params.schema)),
        maxAliasesRule({ ...armor, n: limits.maxAliases, allowList: [] }),
        maxDirectivesRule({ ...armor, n: limits.maxDirectives }),
        ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
      ];
      for (const rule of rules) addValidationRule(rule);
      return ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map((error) => withCode(error, ErrorCode.GRAPHQL_VALIDATION_FAILED, options.hideSuggestions)));
      };
    },
  };
}

function requestError(error: GraphQLError): GraphQLError {
  const code = error.message.startsWith('Variable "') ? ErrorCode.BAD_USER_INPUT : ErrorCode.GRAPHQL_VALIDATION_FAILED;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code, http: { status: 400, spec: true } } });
}

/** What one operation asks for, known only at execution time (it needs the variables). */
export interface OperationShape {
  kind: 'query' | 'mutation' | 'subscription';
  cost: number;
  rootFields: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: QueryLimits;
}

function argumentValue(argument: GraphQLArgument, nodes: readonly { name: { value: string }; value: any }[] | undefined, variables: Record<string, unknown>): unknown {
  const node = nodes?.find((candidate) => candidate.name.value === argument.name);
  if (!node) return argument.defaultValue;
  if (node.value.kind === Kind.VARIABLE && !(node.value.name.value in variables)) return argument.defaultValue;
  return valueFromAST(node.value, argument.type, variables);
}

/** Throws BAD_USER_INPUT when a string inside `value` is longer than its cap. */
function checkLengths(value: unknown, type: GraphQLInputType, coordinate: string, argument: string, walk: Walk): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const item of value) checkLengths(item, nullable.ofType, coordinate, argument, walk);
    else checkLengths(value, nullable.ofType, coordinate, argument, walk);
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      checkLengths((value as Record<string, unknown>)[field.name], field.type, `${nullable.name}.${field.name}`, `${argument}.${field.name}`, walk);
    }
    return;
  }
  if (isEnumType(nullable)) return;
  // Strings, and JSON values by their serialised length (a JSON scalar's strings are not a list of its own).
  const length = typeof value === 'string' ? value.length : ['Int', 'Float', 'Boolean'].includes(nullable.name) ? 0 : (JSON.stringify(value)?.length ?? 0);
  const cap = lengthCapOf(coordinate, nullable.name, walk.limits) ?? walk.limits.maxStringLength;
  if (length > cap) {
    throw new GraphQLError(`${argument} is longer than ${cap} characters.`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument, http: { status: 400 } },
    });
  }
}

/**
 * Estimated cost of a selection: each field costs 1 plus its children, times every `first`, `limit` and `depth`
 * argument it has (given or default), so `graph(limit: 1000) { nodes { id } }` costs 1000 times what
 * `graph(limit: 1) { nodes { id } }` does. Checks every argument's string lengths on the way.
 */
function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLNamedType, walk: Walk, seen: Set<string>): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (walk.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
      total += selectionCost(selection.selectionSet, type, walk, seen);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value) ?? parent;
      total += selectionCost(fragment.selectionSet, type, walk, new Set([...seen, fragment.name.value]));
      continue;
    }
    const name = selection.name.value;
    if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) {
      total += 1;
      continue;
    }
    const field = parent.getFields()[name];
    if (!field) continue;
    let multiplier = 1;
    const values: Record<string, unknown> = {};
    for (const argument of field.args) {
      const value = argumentValue(argument, selection.arguments, walk.variables);
      values[argument.name] = value;
      checkLengths(value, argument.type, `${parent.name}.${name}.${argument.name}`, argument.name, walk);
      if ((COST_MULTIPLIERS as readonly string[]).includes(argument.name) && typeof value === 'number' && value > 1) multiplier *= value;
    }
    const rule = COST_RULES[`${parent.name}.${name}`];
    if (rule) multiplier *= Math.max(1, rule(values));
    const children = selection.selectionSet ? selectionCost(selection.selectionSet, getNamedType(field.type), walk, seen) : 0;
    total += multiplier * (1 + children);
  }
  return total;
}

/** Cost, kind and number of query-running root fields of the operation `execute` is about to run. */
export function analyseOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): OperationShape {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation) return { kind: 'query', cost: 0, rootFields: 0 };
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const root = schema.getRootType(operation.operation as any);
  const walk: Walk = { schema, fragments, variables, limits };
  const cost = root ? selectionCost(operation.selectionSet, root, walk, new Set()) : 0;
  let rootFields = 0;
  const countRoots = (selectionSet: SelectionSetNode, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (operation.operation !== 'query' || !LIGHT_ROOT_FIELDS.has(selection.name.value)) rootFields += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) countRoots(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) countRoots(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  countRoots(operation.selectionSet, new Set());
  return { kind: operation.operation as OperationShape['kind'], cost, rootFields };
}

/**
 * Execution limits: argument lengths, cost, root fields (refused before anything runs, as coded 400s) and the size
 * of the response (replaced by an error when over). `onShape` sees each accepted operation (rate limits use it).
 */
export function useExecutionLimits(limits: QueryLimits, onShape?: (shape: OperationShape, context: any) => GraphQLError | undefined): Plugin {
  return {
    // The schema has no subscriptions; say so with a code rather than graphql-js's bare message.
    onSubscribe({ setResultAndStopExecution }) {
      setResultAndStopExecution({
        errors: [new GraphQLError('Subscriptions are not supported.', { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400, spec: false } } })],
      });
    },
    onExecute({ args, setResultAndStopExecution }) {
      let shape: OperationShape;
      try {
        shape = analyseOperation(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>, limits);
      } catch (error) {
        if (error instanceof GraphQLError) {
          setResultAndStopExecution({ errors: [error] });
          return;
        }
        throw error;
      }
      const refusal =
        shape.cost > limits.maxCost
          ? tooComplex(`Query cost limit of ${limits.maxCost} exceeded, found ${shape.cost}; ask for fewer items (first, limit, depth) or fewer fields.`)
          : shape.rootFields > limits.maxRootFields
            ? tooComplex(`At most ${limits.maxRootFields} query-running root fields per request, found ${shape.rootFields}.`)
            : onShape?.(shape, args.contextValue);
      if (refusal) {
        setResultAndStopExecution({ errors: [refusal] });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in (result as object)) return;
          const single = result as ExecutionResult;
          // Request errors reported by execute before any resolver ran (no data at all: variables of the wrong type, an
          // operation kind the schema lacks) carry no code; clients get them coded like validation errors.
          if (single.data === undefined && single.errors?.some((error) => !error.extensions['code'])) {
            setResult({ ...single, errors: single.errors.map((error) => (error.extensions['code'] ? error : requestError(error))) });
            return;
          }
          const size = Buffer.byteLength(JSON.stringify(result));
          if (size > limits.maxResponseBytes) {
            setResult({ errors: [tooComplex(`The response would be ${size} bytes, over the limit of ${limits.maxResponseBytes}; ask for less.`)] });
          }
        },
      };
    },
  };
}
