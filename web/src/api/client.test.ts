import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ApiError, ENTITY_QUERY, GRAPH_QUERY, NEIGHBOURHOOD_QUERY, STATS_QUERY, SEARCH_QUERY, fetchGraph, isAbort, request, searchEntities, DOCUMENT_QUERY, PATH_QUERY, PREVIEW_QUERY } from './client.js';
import { DELETE_SCENE_MUTATION, SAVE_SCENE_MUTATION, SCENES_QUERY, SCENE_QUERY } from './scenes.js';

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
    expect(JSON.parse(String(seen.init?.body))).toEqual({ query: GRAPH_QUERY, variables: { limit: 300 } });
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
      request('{ x }', {}, { fetchImpl: fakeFetch(400, { errors: [{ message: 'limit must be 1-1000', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'b' }] }) }),
    )) as ApiError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.status).toBe(400);
    expect(error.message).toBe('limit must be 1-1000 (and 1 more)');
  });

  it('reports network failures as NETWORK_ERROR', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = (await caught(request('{ x }', {}, { fetchImpl: failing }))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('NETWORK_ERROR');
  });

  it('reports a non-JSON error page as HTTP_ERROR with the status', async () => {
    const error = (await caught(request('{ x }', {}, { fetchImpl: fakeFetch(502, '<html>Bad gateway</html>') }))) as ApiError;
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(502);
  });

  it('reports a 200 without data as BAD_RESPONSE', async () => {
    const error = (await caught(request('{ x }', {}, { fetchImpl: fakeFetch(200, {}) }))) as ApiError;
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('lets an abort through as an abort, not as an API failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting = (async (_url: unknown, init?: RequestInit) => {
      init?.signal?.throwIfAborted();
      throw new Error('unreachable');
    }) as typeof fetch;
    const error = await caught(request('{ x }', {}, { fetchImpl: aborting, signal: controller.signal }));
    expect(isAbort(error)).toBe(true);
  });
});

describe('queries', () => {
  it('are valid against schema.graphql', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
    for (const query of [GRAPH_QUERY, SEARCH_QUERY, NEIGHBOURHOOD_QUERY, ENTITY_QUERY, STATS_QUERY, DOCUMENT_QUERY, PATH_QUERY, PREVIEW_QUERY, SCENES_QUERY, SCENE_QUERY, SAVE_SCENE_MUTATION, DELETE_SCENE_MUTATION]) {
      expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    }
  });

  it('ask for the kind-specific fields with inline fragments', () => {
    expect(ENTITY_QUERY).toMatch(/\.\.\. on Organisation \{ vision \}/);
    expect(ENTITY_QUERY).toMatch(/\.\.\. on Programme \{ fullName \}/);
    expect(ENTITY_QUERY).toMatch(/\.\.\. on Event \{ when \}/);
  });
});

describe('what entity details download', () => {
  it('asks for each quote’s sentence, never for document texts (the document view fetches one when it opens)', () => {
    expect(ENTITY_QUERY).toMatch(/context \{ text documentStart quoteStart quoteEnd \}/);
    expect(ENTITY_QUERY).toMatch(/document \{ id title publishedAt source \}/);
    expect(DOCUMENT_QUERY).toMatch(/document\(id: \$id\) \{ id text \}/);
  });
});
