import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMaskError, DeadlineExceededError } from './errors.js';
import { OutageTracker } from './outage.js';

const driverError = (code: string, message = 'boom'): Neo4jError => new Neo4jError(message, code, '50N42', 'error');
/** What a resolver's failure looks like when it reaches the mask: a GraphQLError wrapping the thrown error. */
const fromResolver = (error: Error): GraphQLError => new GraphQLError(error.message, { originalError: error, path: ['search'] });

function recordingTracker(): { tracker: OutageTracker; lines: { msg: string; cause?: string }[] } {
  const lines: { msg: string; cause?: string }[] = [];
  const sink = { write: (line: string) => lines.push(JSON.parse(line)) };
  return { tracker: new OutageTracker(pino({ base: undefined }, sink)), lines };
}

describe('createMaskError (the driver-error boundary)', () => {
  it('turns unavailability into DATABASE_UNAVAILABLE without the cause, and logs the outage once', () => {
    const { tracker, lines } = recordingTracker();
    const mask = createMaskError(tracker, true);
    for (let i = 0; i < 3; i += 1) {
      const masked = mask(fromResolver(driverError('ServiceUnavailable', 'Could not connect to 10.0.0.7:7687')), 'Unexpected error.') as GraphQLError;
      expect(masked.extensions.code).toBe('DATABASE_UNAVAILABLE');
      expect(masked.message).not.toContain('10.0.0.7');
      expect(masked.path).toEqual(['search']);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]!.cause).toContain('10.0.0.7');
    tracker.succeeded();
    expect(lines).toHaveLength(2);
    expect(lines[1]!.msg).toMatch(/available again/);
  });

  it('turns Neo4j transaction timeouts and our deadline into TIMEOUT', () => {
    const mask = createMaskError(recordingTracker().tracker, true);
    const timedOut = mask(fromResolver(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')), 'x') as GraphQLError;
    expect(timedOut.extensions.code).toBe('TIMEOUT');
    const deadline = mask(fromResolver(new DeadlineExceededError(10)), 'x') as GraphQLError;
    expect(deadline.extensions.code).toBe('TIMEOUT');
  });

  it('passes our own coded errors through and masks everything else, without stack or message', () => {
    const mask = createMaskError(recordingTracker().tracker, true);
    const ours = new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(mask(ours, 'Unexpected error.')).toBe(ours);
    const bug = mask(fromResolver(driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input MATCH')), 'Unexpected error.', true) as GraphQLError;
    expect(bug.message).toBe('Unexpected error.');
    expect(JSON.stringify(bug.toJSON())).not.toMatch(/MATCH|stack/);
  });
});

describe('the database layer', () => {
  it('throws plain driver errors: nothing in server/src/db imports graphql or the API error helpers', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const dir = path.resolve(import.meta.dirname, '../db');
    for (const file of (await readdir(dir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const source = await readFile(path.join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"]graphql['"]|from ['"]\.\.\/errors\.js['"]/);
    }
  });
});
