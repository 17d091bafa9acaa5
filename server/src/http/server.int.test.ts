import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/harness.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Sends raw bytes over HTTP/1.1 and returns the status line; for requests fetch() refuses to send. */
function rawRequest(request: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.end(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('the HTTP server over a real socket', () => {
  it('answers a request target that is not a valid URL with 400 and stays up', async () => {
    expect(await rawRequest('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses a chunked GraphQL body (no Content-Length) with 411', async () => {
    const body = JSON.stringify({ query: '{ stats { entities } }' });
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const status = await rawRequest(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked}`,
    );
    expect(status).toBe('HTTP/1.1 411 Length Required');
  });

  it('refuses a body that gives both a Content-Length and chunked encoding (so the length checked is the length read)', async () => {
    const body = JSON.stringify({ query: '{ stats { entities } }' });
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const status = await rawRequest(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked}`,
    );
    expect(status).toBe('HTTP/1.1 400 Bad Request');
  });

  it('reads no more than Content-Length says: the rest of a longer body is not part of the request', async () => {
    const body = JSON.stringify({ query: '{ stats { entities } }' });
    const status = await rawRequest(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n${body}`,
    );
    // The first 10 bytes are not a GraphQL request; the server answers that and never sees the rest as its body.
    expect(status).toBe('HTTP/1.1 400 Bad Request');
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ search(query: "${'x'.repeat(200_000)}") { score } }` }),
    });
    expect(response.status).toBe(413);
  });

  it('answers only to the loopback host names by default (DNS rebinding): another Host gets 403', async () => {
    const { port } = new URL(server.url);
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect(await rawRequest(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`), host).toBe('HTTP/1.1 200 OK');
    }
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example']) {
      for (const path of ['/graphql', '/', '/healthz']) {
        expect(await rawRequest(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`), `${host} ${path}`).toBe('HTTP/1.1 403 Forbidden');
      }
    }
  });

  it('serves GraphQL, health, the page with its security headers, and 404 for unknown paths', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "org:sykehuspartner") { name } }' }),
    });
    expect(await response.json()).toEqual({ data: { entity: { name: 'Sykehuspartner' } } });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/graphql', '/healthz', '/readyz', '/no-such-file']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    expect((await fetch(`${server.url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/package.json`)).status).toBe(404);
  });
});
