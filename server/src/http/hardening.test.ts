import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fakeDatabase } from '../../test/fake-db.js';
import { createGraphQLServer, type SecurityOptions } from './yoga.js';

type Yoga = ReturnType<typeof createGraphQLServer>;

function yogaWith(security: Partial<SecurityOptions> = {}, db = fakeDatabase().db, extra: { graphiql?: boolean } = {}): Yoga {
  return createGraphQLServer({ db, maxBodyBytes: 200_000, security, ...extra });
}

async function post(
  yoga: Yoga,
  query: string,
  variables: Record<string, unknown> = {},
  init: { accept?: string; client?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const serverContext = init.client ? { req: { socket: { remoteAddress: init.client } } } : {};
  const response = await yoga.fetch(
    'http://localhost/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: init.accept ?? 'application/graphql-response+json', ...init.headers },
      body: JSON.stringify({ query, variables }),
    },
    serverContext,
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const codeOf = (body: any): unknown => body.errors?.[0]?.extensions?.code;

describe('origins and requests', () => {
  const yoga = yogaWith();

  it('answers a preflight from another origin (or "null") without CORS headers, never echoing it', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(response.headers.get('access-control-allow-credentials'), origin).toBeNull();
    }
    const post = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origins, without credentials', async () => {
    const allowing = yogaWith({ allowedOrigins: ['https://good.example'] });
    const preflight = (origin: string) =>
      allowing.fetch('http://localhost/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const good = await preflight('https://good.example');
    expect(good.headers.get('access-control-allow-origin')).toBe('https://good.example');
    expect(good.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('runs POST bodies only when they are JSON (415 for form, multipart, text and application/graphql)', async () => {
    const { db, state } = fakeDatabase();
    const guarded = yogaWith({}, db);
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'query=%7B%20search(query%3A%22gro%22)%20%7B%20score%20%7D%20%7D'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ search(query: "gro") { score } }\r\n--x--\r\n'],
      ['text/plain', JSON.stringify({ query: '{ search(query: "gro") { score } }' })],
      ['application/graphql', '{ search(query: "gro") { score } }'],
    ];
    for (const [type, body] of bodies) {
      const response = await guarded.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': type }, body });
      expect(response.status, type).toBe(415);
    }
    expect(state.calls).toBe(0);
    const json = await post(guarded, '{ search(query: "gro") { score } }', {}, { headers: { 'content-type': 'application/graphql-response+json' } });
    expect(json.status).toBe(200);
  });

  it('refuses a GET query without the CSRF header (a plain link or <img> cannot run it) and runs it with one', async () => {
    const url = 'http://localhost/graphql?query=%7B__typename%7D';
    expect((await yoga.fetch(url, { headers: { accept: 'application/json' } })).status).toBe(403);
    const allowed = await yoga.fetch(url, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } });
    expect(allowed.status).toBe(200);
  });

  it('puts the security headers on every response, /graphql, /healthz, /readyz and refusals included', async () => {
    const responses = [
      await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
      await yoga.fetch('http://localhost/healthz'),
      await yoga.fetch('http://localhost/readyz'),
    ];
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('bounded work', () => {
  const yoga = yogaWith();
  it('refuses depth over 10 with QUERY_TOO_COMPLEX and 400, even for clients that accept only application/json', async () => {
    const ten = '{ search(query: "gro", first: 1) { entity { relationships(first: 1) { edges { node { evidence { document { id } } } } } } } }';
    expect((await post(yoga, ten)).status).toBe(200);
    const tooDeep = `{ __type(name: "Entity") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } entity(id: "x") { id } }`;
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const { status, body } = await post(yoga, tooDeep, {}, { accept });
      expect(status, accept).toBe(400);
      expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
      expect(body.errors[0].message).toMatch(/^Query depth limit of 10 exceeded/);
    }
  });

  it('counts __typename aliases: 16 are refused, 15 pass', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect((await post(yoga, aliases(15))).status).toBe(200);
    const { status, body } = await post(yoga, aliases(16));
    expect(status).toBe(400);
    expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses more than 50 directives and more than 1,000 tokens, as coded 400s without "Syntax Error:"', async () => {
    const directives = `{ __typename ${'@include(if: true) '.repeat(51)} }`;
    const tokens = `{ ${'__typename '.repeat(1_000)} }`;
    for (const query of [directives, tokens]) {
      const { status, body } = await post(yoga, query, {}, { accept: 'application/json' });
      expect(status, JSON.stringify(body)).toBe(400);
      expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
      expect(body.errors[0].message, JSON.stringify(body)).not.toMatch(/Syntax Error/);
    }
  });

  it('still accepts the standard introspection query (GraphiQL, codegen) while introspection is on', async () => {
    const { status, body } = await post(yoga, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('prices list fields by first/limit/depth, literal or variable: graph(limit: 1000) with nested lists is refused', async () => {
    const query = 'query($l: Int) { graph(limit: $l) { nodes { id relationships(first: 200) { edges { node { id } } } } } }';
    expect((await post(yoga, query, { l: 1 })).body.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
    const { status, body } = await post(yoga, query, { l: 1000 });
    expect(status).toBe(400);
    expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0].message).toMatch(/cost/);
  });

  it('allows at most 5 query-running root fields per request', async () => {
    const roots = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: search(query: "gro", first: 1) { score }`).join(' ')} }`;
    expect((await post(yoga, roots(5))).status).toBe(200);
    const { status, body } = await post(yoga, roots(6));
    expect(status).toBe(400);
    expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('replaces a response over the size limit by a QUERY_TOO_COMPLEX error', async () => {
    const small = yogaWith({ query: { ...(await import('./query-limits.js')).DEFAULT_QUERY_LIMITS, maxResponseBytes: 1_024 } });
    const { body } = await post(small, `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: __schema { types { name kind } }`).join(' ')} }`);

    expect(codeOf(body)).toBe('QUERY_TOO_COMPLEX');
    expect(body.data ?? null).toBeNull();
  });

  it('runs a request in one read transaction with at most maxSessionsPerRequest statements at once', async () => {
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    const { db, state } = fakeDatabase({ gate: () => opened });
    const limited = yogaWith({ maxSessionsPerRequest: 2 }, db);
    const pending = post(limited, `{ ${Array.from({ length: 5 }, (_, i) => `s${i}: search(query: "gro${i}", first: 1) { score }`).join(' ')} }`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.running).toBe(2);
    release();
    expect((await pending).status).toBe(200);
    expect(state.calls).toBe(5);
    expect(state.maxRunning).toBe(2);
    expect(state.transactions).toBe(1);
  });
});

describe('per-client limits', () => {
  it('lets one client run only `concurrency` requests at once, queues a few and refuses the rest with 429', async () => {
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    const { db, state } = fakeDatabase({ gate: () => opened });
    const yoga = yogaWith({ clients: { concurrency: 2, queue: 1, writesPerMinute: 0, expensivePerMinute: 0, expensiveCost: 1e9, trustProxy: false } }, db);
    const query = '{ search(query: "gro", first: 1) { score } }';
    const first = [post(yoga, query, {}, { client: '10.0.0.1' }), post(yoga, query, {}, { client: '10.0.0.1' }), post(yoga, query, {}, { client: '10.0.0.1' })];
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.running).toBe(2);
    const refused = await post(yoga, query, {}, { client: '10.0.0.1' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(codeOf(refused.body)).toBe('RATE_LIMITED');
    // Another client is not held up by the first one's queue.
    const other = post(yoga, query, {}, { client: '10.0.0.2' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.running).toBe(3);
    release();
    for (const response of [...(await Promise.all(first)), await other]) expect(response.status).toBe(200);
    expect(state.maxRunning).toBe(3);
  });

  it('rate-limits expensive queries per client with 429 and Retry-After', async () => {
    const yoga = yogaWith({ clients: { concurrency: 8, queue: 8, writesPerMinute: 0, expensivePerMinute: 2, expensiveCost: 100, trustProxy: false } });
    const expensive = '{ search(query: "gro", first: 100) { score } }';
    const cheap = '{ search(query: "gro", first: 1) { score } }';
    expect((await post(yoga, expensive, {}, { client: 'a' })).status).toBe(200);
    expect((await post(yoga, expensive, {}, { client: 'a' })).status).toBe(200);
    const limited = await post(yoga, expensive, {}, { client: 'a' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(codeOf(limited.body)).toBe('RATE_LIMITED');
    expect((await post(yoga, cheap, {}, { client: 'a' })).status).toBe(200);
    expect((await post(yoga, expensive, {}, { client: 'b' })).status).toBe(200);
  });
});

describe('inputs', () => {
  it('refuses an over-long id or string before it reaches the database, literal or variable, nested in lists too', async () => {
    const { db, state } = fakeDatabase();
    const yoga = yogaWith({}, db);
    const long = 'x'.repeat(99_000);
    for (const [query, variables] of [
      [`{ entity(id: "${long}") { id } }`, {}],
      ['query($id: ID!) { entity(id: $id) { id } }', { id: long }],
      ['query($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }', { ids: ['org:a', 'x'.repeat(201)] }],
      ['query($q: String!) { search(query: $q) { score } }', { q: 'x'.repeat(1_001) }],
    ] as const) {
      const { status, body } = await post(yoga, query, variables);
      expect(status, query).toBe(400);
      expect(codeOf(body)).toBe('BAD_USER_INPUT');
      expect(body.errors[0].extensions.argument).toBeTruthy();
    }
    expect(state.calls).toBe(0);
    expect((await post(yoga, '{ entity(id: "org:a") { id } }')).body).toEqual({ data: { entity: null } });
  });
});

describe('deadlines and masking', () => {
  it('answers TIMEOUT once the request deadline passes, even while a statement still hangs', async () => {
    const { db, state } = fakeDatabase({ gate: () => new Promise(() => {}) });
    const yoga = yogaWith({ requestTimeoutMs: 300 }, db);
    const { status, body } = await post(yoga, '{ search(query: "gro") { score } }');
    expect(codeOf(body)).toBe('TIMEOUT');
    expect(status).toBe(503);
    // The request's transaction was ended with the answer, though its statement still hangs.
    expect(state.transactions).toBe(1);
    expect(state.ended).toBe(1);
  });

  it('masks unexpected errors in production: no message, no stack, no original error', async () => {
    const { db } = fakeDatabase({ fail: () => new Error('secret internals at /srv/app.js:12') });
    const yoga = yogaWith({ production: true, introspection: false }, db);
    const { body } = await post(yoga, '{ search(query: "gro") { score } }');
    expect(body.errors[0].message).toBe('Unexpected error.');
    expect(JSON.stringify(body)).not.toMatch(/secret|stack|app\.js/);
  });
});

describe('production mode', () => {
  const yoga = yogaWith({ production: true, introspection: false });

  it('refuses introspection (a 12-deep __type included) and hides field suggestions', async () => {
    const schema = await post(yoga, '{ __schema { queryType { name } } }');
    expect(schema.status).toBe(400);
    const deepType = await post(yoga, '{ __type(name: "Entity") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }');
    expect(deepType.status).toBe(400);
    const typo = await post(yoga, '{ entity(id: "x") { nmae } }');
    expect(typo.body.errors[0].message).toMatch(/Cannot query field "nmae"/);
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
    expect((await post(yoga, '{ __typename }')).status).toBe(200);
  });

  it('serves GraphiQL only when turned on, from our own bundle under a CSP that allows no other origin', async () => {
    const off = await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(off.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    const on = yogaWith({}, undefined, { graphiql: true });
    const page = await on.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
    expect(html).not.toMatch(/unpkg|jsdelivr|cdn\./);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(csp).not.toMatch(/https?:|unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('write rate limit', () => {
  it('allows writesPerMinute mutations per client, then answers RATE_LIMITED with status 429 and Retry-After', async () => {
    const { createRateLimiter, DEFAULT_CLIENT_LIMITS } = await import('./clients.js');
    const limit = createRateLimiter({ ...DEFAULT_CLIENT_LIMITS, writesPerMinute: 3 });
    const write = { kind: 'mutation' as const, cost: 1, rootFields: 1 };
    for (let i = 0; i < 3; i += 1) expect(limit(write, '10.0.0.9')).toBeUndefined();
    const refused = limit(write, '10.0.0.9')!;
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', http: { status: 429, headers: { 'Retry-After': expect.stringMatching(/^\d+$/) } } });
    expect(limit(write, '10.0.0.10')).toBeUndefined();
    // Reads are not writes.
    expect(limit({ kind: 'query', cost: 1, rootFields: 1 }, '10.0.0.9')).toBeUndefined();
  });
});

describe('request errors found during execution', () => {
  it('gives variables of the wrong type and unsupported operation kinds a code and a 400', async () => {
    const yoga = yogaWith();
    const badVariable = await post(yoga, 'query($k: [EntityKind!]) { search(query: "gro", kinds: $k) { score } }', { k: ['NOT_A_KIND'] });
    expect(badVariable.status).toBe(400);
    expect(codeOf(badVariable.body)).toBe('BAD_USER_INPUT');
    const subscription = await post(yoga, 'subscription { __typename }');
    expect(subscription.status).toBeLessThan(500);
    expect(typeof codeOf(subscription.body)).toBe('string');
  });
});

describe('malformed bodies', () => {
  it('refuses invalid JSON with a coded 400 that does not quote the body back', async () => {
    const yoga = yogaWith();
    for (const accept of ['application/graphql-response+json', 'application/json', undefined]) {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
        body: '{not json SECRET-BODY-TEXT',
      });
      expect(response.status, accept).toBe(400);
      const text = await response.text();
      expect(text).not.toContain('SECRET-BODY-TEXT');
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });
});
