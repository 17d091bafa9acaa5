import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jError } from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/driver.js';
import { createExportHandler } from './route.js';

// The route's failure handling, with a stand-in database: what a client sees when reads fail before or during output.
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const entityRow = (id: string) => ({
  toObject: () => ({ node: { id, kind: 'PERSON', name: id, aliases: [], degree: 0 }, quotes: [], dates: [] }),
});

/** A database whose n-th read answers `answers[n]`: rows, or an error to throw. */
function fakeDatabase(answers: (object[] | Error)[]): Database {
  let call = 0;
  return {
    database: undefined,
    read: async (work) => {
      const answer = answers[call++] ?? [];
      if (answer instanceof Error) throw answer;
      return work({ run: async () => ({ records: answer }) } as never);
    },
    write: () => Promise.reject(new Error('exports never write')),
    beginRead: () => Promise.reject(new Error('exports read batch by batch')),
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

async function serve(db: Database, logged: string[]): Promise<string> {
  const handler = createExportHandler(db, { batchSize: 1, log: (line) => logged.push(line) });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/export`;
}

describe('export route failures', () => {
  it('answers 503 when the database is down at the first read, before any byte of the file', async () => {
    const url = await serve(fakeDatabase([new Neo4jError('down', 'ServiceUnavailable', '08000', 'x')]), []);
    const response = await fetch(`${url}?format=gexf`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/not available/);
  });

  it('answers 500 and logs an unexpected first-read failure', async () => {
    const logged: string[] = [];
    const url = await serve(fakeDatabase([new Error('surprise')]), logged);
    const response = await fetch(`${url}?format=graphml`);
    expect(response.status).toBe(500);
    expect(logged.join('\n')).toMatch(/surprise/);
  });

  it('cuts the transfer when a later read fails, so the file cannot pass for complete', async () => {
    const logged: string[] = [];
    const url = await serve(fakeDatabase([[entityRow('person:a')], new Error('lost mid-way')]), logged);
    // The reset may come before or after the first bytes reach the client; either way the download fails.
    const outcome = await fetch(`${url}?format=cytoscape`)
      .then((response) => response.text())
      .then(
        () => 'complete',
        () => 'failed',
      );
    expect(outcome).toBe('failed');
    expect(logged.join('\n')).toMatch(/failed while streaming: lost mid-way/);
  });
});
