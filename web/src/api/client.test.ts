import { readFileSync, readdirSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import * as generated from '../generated/graphql.js';
import { graphql } from '../generated/gql.js';
import { describe, expect, it } from 'vitest';
import { ApiError, ENTITY_QUERY, GRAPH_QUERY, fetchGraph, isAbort, request, searchEntities, DOCUMENT_QUERY } from './client.js';

/** A fetch stand-in that records the request and answers with `status` and `body`. */
function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    seen.url = String(url);
    seen.init = init;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
}

/** A document for the transport tests (its text is all `request` reads). */
const doc = (text: string) => new generated.TypedDocumentString<unknown, Record<string, unknown>>(text);

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('request', () => {
  it('posts the query and variables as JSON to /graphql and returns data', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const graph = { nodes: [], edges: [], truncated: false };
    const result = await fetchGraph(300, { fetchImpl: fakeFetch(200, { data: { graph } }, seen) });
    expect(result).toEqual(graph);
    expect(seen.url).toBe('/graphql');
    expect(seen.init?.method).toBe('POST');
    expect(new Headers(seen.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(seen.init?.body))).toEqual({ query: GRAPH_QUERY.toString().trim(), variables: { limit: 300 } });
    expect(JSON.parse(String(seen.init?.body)).query).toMatch(/^query Graph\(/);
  });

  it('throws ApiError with the code from extensions.code', async () => {
    const error = await caught(
      searchEntities('x', 10, {
        fetchImpl: fakeFetch(200, {
          data: null,
          errors: [{ message: 'The graph database is not available right now', extensions: { code: 'DATABASE_UNAVAILABLE' } }],
        }),
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('DATABASE_UNAVAILABLE');
    expect((error as ApiError).message).toContain('not available');
  });

  it('prefers the GraphQL error over the HTTP status (Yoga answers bad input with 400)', async () => {
    const error = (await caught(
      request(doc('{ x }'), {}, { fetchImpl: fakeFetch(400, { errors: [{ message: 'limit must be 1-1000', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'b' }] }) }),
    )) as ApiError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.status).toBe(400);
    expect(error.message).toBe('limit must be 1-1000 (and 1 more)');
  });

  it('reports network failures as NETWORK_ERROR', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = (await caught(request(doc('{ x }'), {}, { fetchImpl: failing }))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('NETWORK_ERROR');
  });

  it('reports a non-JSON error page as HTTP_ERROR with the status', async () => {
    const error = (await caught(request(doc('{ x }'), {}, { fetchImpl: fakeFetch(502, '<html>Bad gateway</html>') }))) as ApiError;
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(502);
  });

  it('reports a 200 without data as BAD_RESPONSE', async () => {
    const error = (await caught(request(doc('{ x }'), {}, { fetchImpl: fakeFetch(200, {}) }))) as ApiError;
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('lets an abort through as an abort, not as an API failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting = (async (_url: unknown, init?: RequestInit) => {
      init?.signal?.throwIfAborted();
      throw new Error('unreachable');
    }) as typeof fetch;
    const error = await caught(request(doc('{ x }'), {}, { fetchImpl: aborting, signal: controller.signal }));
    expect(isAbort(error)).toBe(true);
  });
});

/** The text of every `graphql(`...`)` call in the page's sources, as codegen reads them. */
function pageDocumentSources(): string[] {
  const root = new URL('../', import.meta.url);
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('generated'));
  return files.flatMap((f) => [...readFileSync(new URL(f, root), 'utf8').matchAll(/\bgraphql\(`([^`]*)`\)/g)].map((m) => m[1]!));
}

describe('queries', () => {
  // Operations only: each carries the fragments it uses (a fragment alone is "never used").
  const documents = Object.entries(generated).flatMap(([name, value]): [string, string][] =>
    value instanceof generated.TypedDocumentString && !name.endsWith('FragmentDoc') ? [[name, value.toString()]] : [],
  );

  it('are generated for every graphql() call in the page, so none is sent as an empty document', () => {
    const sources = pageDocumentSources();
    expect(sources.length).toBeGreaterThanOrEqual(20);
    // graphql() answers `{}` for a text codegen has not seen: an edited query without `npm run codegen`.
    for (const source of sources) expect(graphql(source as never), source).toBeInstanceOf(generated.TypedDocumentString);
  });

  it('are valid against schema.graphql', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
    const names = documents.map(([name]) => name);
    for (const name of ['GraphDocument', 'NeighbourhoodDocument', 'EntityDocument', 'SearchDocument', 'ScenesDocument', 'SaveSceneDocument', 'ImportDocument', 'AcceptDocument']) expect(names).toContain(name);
    for (const [name, document] of documents) {
      expect(validate(schema, parse(document)).map((e) => `${name}: ${e.message}`)).toEqual([]);
    }
  });

  it('ask for the kind-specific fields with inline fragments', () => {
    const entityQuery = ENTITY_QUERY.toString().replace(/\s+/g, ' ');
    expect(entityQuery).toMatch(/\.\.\. on Organisation \{ vision \}/);
    expect(entityQuery).toMatch(/\.\.\. on Programme \{ fullName \}/);
    expect(entityQuery).toMatch(/\.\.\. on Event \{ when \}/);
  });
});

describe('what entity details download', () => {
  it('asks for each quote’s sentence, never for document texts (the document view fetches one when it opens)', () => {
    const flat = (document: { toString(): string }) => document.toString().replace(/\s+/g, ' ');
    expect(flat(ENTITY_QUERY)).toMatch(/context \{ text documentStart quoteStart quoteEnd \}/);
    expect(flat(ENTITY_QUERY)).toMatch(/document \{ id title publishedAt source \}/);
    expect(flat(ENTITY_QUERY)).not.toMatch(/\btext\b(?! documentStart)/);
    expect(flat(DOCUMENT_QUERY)).toMatch(/document\(id: \$id\) \{ id text \}/);
  });
});
