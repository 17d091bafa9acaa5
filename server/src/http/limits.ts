import type { Plugin } from 'graphql-yoga';

/**
 * Refuses oversized request bodies before they are read: 413 when Content-Length is over the limit, and 411 for
 * a POST without Content-Length (a chunked body could otherwise stream without bound).
 */
export function useRequestSizeLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const header = request.headers.get('content-length');
      const length = header === null ? Number.NaN : Number(header);
      const refuse = (status: number, message: string): void =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
        );
      if (header === null) refuse(411, 'A Content-Length header is required.');
      else if (!Number.isFinite(length) || length < 0) refuse(400, 'Invalid Content-Length header.');
      else if (length > maxBytes) refuse(413, `Request body is larger than ${maxBytes} bytes.`);
    },
  };
}
