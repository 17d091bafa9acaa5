import { graphql } from '../generated/gql.js';
import type { TypedDocumentString } from '../generated/graphql.js';
import type { EntityDetails, EntitySummary, SearchHit, Subgraph } from '../model.js';

/**
 * A tiny GraphQL client: one POST per call, no cache, no retries. Every failure becomes an
 * ApiError so the page can always tell the user what went wrong (nothing is swallowed here).
 */

/** Codes produced by the client itself; server codes arrive verbatim from `extensions.code`. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  HTTP_ERROR: 'HTTP_ERROR',
  BAD_RESPONSE: 'BAD_RESPONSE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;

/** An API failure with a machine-readable code (e.g. DATABASE_UNAVAILABLE, BAD_USER_INPUT, NETWORK_ERROR). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  constructor(message: string, code: string, status?: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** True for the error fetch throws when its AbortSignal fires; such calls were superseded, not failed. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

// Every operation is a typed document: `npm run codegen` reads these `graphql(...)` calls, checks them against
// schema.graphql and types their results and variables (web/src/generated/). Each quote comes with its sentence
// (`context`), so the panel never downloads document texts; the document view fetches one text when it opens.
graphql(`
  fragment EvidenceFields on Evidence {
    id quote start end supports
    context { text documentStart quoteStart quoteEnd }
    document { id title publishedAt source }
  }
`);

graphql(`
  fragment NodeFields on Entity { id kind name degree }
`);

graphql(`
  fragment EdgeFields on Relationship { id type source target title }
`);

/** What a scene query returns: `hidden` says per node how many relationships it left out ("+N more"). */
graphql(`
  fragment SubgraphFields on Subgraph { nodes { ...NodeFields } edges { ...EdgeFields } hidden { id count } truncated }
`);

export const DOCUMENT_QUERY = graphql(`
  query Document($id: ID!) { document(id: $id) { id text } }
`);

export const STATS_QUERY = graphql(`
  query Stats { stats { entities relationships documents evidence } }
`);

export const GRAPH_QUERY = graphql(`
  query Graph($limit: Int!, $kinds: [EntityKind!], $asOf: Date) {
    graph(limit: $limit, kinds: $kinds, asOf: $asOf) { ...SubgraphFields }
  }
`);

export const SEARCH_QUERY = graphql(`
  query Search($query: String!, $first: Int!) {
    search(query: $query, first: $first) { score entity { ...NodeFields } }
  }
`);

// Optional variables left out of the JSON take the schema's defaults (BOTH directions, every kind and type, now).
export const NEIGHBOURHOOD_QUERY = graphql(`
  query Neighbourhood($ids: [ID!]!, $depth: Int!, $limit: Int!, $kinds: [EntityKind!], $relationshipTypes: [RelationshipType!], $direction: Direction, $asOf: Date) {
    neighbourhood(ids: $ids, depth: $depth, limit: $limit, kinds: $kinds, relationshipTypes: $relationshipTypes, direction: $direction, asOf: $asOf) { ...SubgraphFields }
  }
`);

export const PATH_QUERY = graphql(`
  query ShortestPath($from: ID!, $to: ID!, $all: Boolean, $asOf: Date) {
    shortestPath(from: $from, to: $to, all: $all, asOf: $asOf) { ...SubgraphFields }
  }
`);

export const PREVIEW_QUERY = graphql(`
  query ExpansionPreview($id: ID!) { expansionPreview(id: $id) { type direction kind count } }
`);

// The neighbourhood rides along so relationships can name their other end even when it is not drawn.
export const ENTITY_QUERY = graphql(`
  query Entity($id: ID!) {
    entity(id: $id) {
      id kind name aliases description degree
      ... on Organisation { vision }
      ... on Programme { fullName }
      ... on Event { when }
      evidence { ...EvidenceFields }
      relationships(first: 1000) { edges { node { ...EdgeFields evidence { ...EvidenceFields } } } }
    }
    neighbourhood(ids: [$id], depth: 1, limit: 1000) { nodes { id kind name } }
  }
`);

export interface RequestOptions {
  signal?: AbortSignal;
  /** A write token, sent as `Authorization: Bearer` (mutations need one). */
  token?: string;
  endpoint?: string;
  fetchImpl?: typeof fetch;
}

interface GraphQLErrorJson {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** A generated typed document: its text, and (as types only) what it answers and which variables it takes. */
export type Document<TResult, TVariables> = TypedDocumentString<TResult, TVariables>;

/**
 * POSTs one operation and returns its `data`, typed by the document; throws ApiError on any transport or GraphQL
 * error. The document is sent as its text (no graphql-js in the page).
 */
export async function request<TResult, TVariables>(document: Document<TResult, TVariables>, variables: TVariables, options: RequestOptions = {}): Promise<TResult> {
  // Generated texts start with a newline and indentation; the wire (and the server's logs) get them trimmed.
  const query = document.toString().trim();
  const { signal, token, endpoint = '/graphql', fetchImpl = globalThis.fetch } = options;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: signal ?? null,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(`Cannot reach the server (${describe(error)}).`, ClientErrorCode.NETWORK_ERROR);
  }

  let body: { data?: unknown; errors?: GraphQLErrorJson[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    if (isAbort(error)) throw error;
    body = undefined;
  }

  // GraphQL errors first: Yoga answers BAD_USER_INPUT and friends with 4xx/5xx statuses too, and
  // their code and message say more than the status does.
  const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : ClientErrorCode.INTERNAL;
    const message = typeof first.message === 'string' && first.message ? first.message : 'The server reported an error.';
    const more = body!.errors!.length > 1 ? ` (and ${body!.errors!.length - 1} more)` : '';
    throw new ApiError(message + more, code, response.status);
  }
  if (!response.ok) {
    throw new ApiError(`The server answered ${response.status} ${response.statusText}`.trim() + '.', ClientErrorCode.HTTP_ERROR, response.status);
  }
  if (!body || typeof body.data !== 'object' || body.data === null) {
    throw new ApiError('The server sent a response without data.', ClientErrorCode.BAD_RESPONSE, response.status);
  }
  return body.data as TResult;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The overview graph drawn at start. */
export async function fetchGraph(limit: number, options?: RequestOptions): Promise<Subgraph> {
  return (await request(GRAPH_QUERY, { limit }, options)).graph;
}

/** Type-ahead search over names and aliases, best hits first. */
export async function searchEntities(query: string, first: number, options?: RequestOptions): Promise<SearchHit[]> {
  return (await request(SEARCH_QUERY, { query, first }, options)).search;
}

/** The entities within `depth` hops of `ids` and the relationships among them. */
export async function fetchNeighbourhood(ids: string[], depth: number, limit: number, options?: RequestOptions): Promise<Subgraph> {
  return (await request(NEIGHBOURHOOD_QUERY, { ids, depth, limit }, options)).neighbourhood;
}

/** One document's full text, for the document view (the panel shows quotes from their context alone). */
export async function fetchDocumentText(id: string, options?: RequestOptions): Promise<string | null> {
  return (await request(DOCUMENT_QUERY, { id }, options)).document?.text ?? null;
}

export interface EntityWithNeighbours {
  entity: EntityDetails | null;
  neighbours: Pick<EntitySummary, 'id' | 'kind' | 'name'>[];
}

/** One entity with its evidence and relationships, plus the names of its direct neighbours. */
export async function fetchEntity(id: string, options?: RequestOptions): Promise<EntityWithNeighbours> {
  const data = await request(ENTITY_QUERY, { id }, options);
  const entity = data.entity ? { ...data.entity, relationships: data.entity.relationships.edges.map((edge) => edge.node) } : null;
  return { entity, neighbours: data.neighbourhood.nodes };
}
