import { createHash, timingSafeEqual } from 'node:crypto';
import type { WriteToken } from '../config.js';
import type { RequestWriter } from '../context.js';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Turns an Authorization header into the writer its bearer token names, or null. Tokens are compared as
 * SHA-256 digests with timingSafeEqual, and every configured token is compared every time, so neither the
 * length nor the position of a match shows in the timing.
 */
export function createTokenCheck(tokens: readonly WriteToken[]): (authorization: string | null) => RequestWriter | null {
  const known = tokens.map((t) => ({ name: t.name, digest: digest(t.token) }));
  return (authorization) => {
    if (known.length === 0 || authorization === null) return null;
    const match = /^Bearer[ ]+(\S{1,512})\s*$/i.exec(authorization);
    if (!match) return null;
    const offered = digest(match[1]!);
    let found: string | null = null;
    for (const token of known) {
      if (timingSafeEqual(offered, token.digest) && found === null) found = token.name;
    }
    return found === null ? null : { name: found };
  };
}
