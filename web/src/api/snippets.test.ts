import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { asCurl, asPython } from './snippets.js';

const op = { query: 'query Q($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }', variables: { ids: ["org:o'brien", 'person:gro-jaere'] } };

describe('copy as curl / Python', () => {
  it('curl sends the exact JSON body, single quotes and all', () => {
    const curl = asCurl('http://localhost:4000/graphql', op);
    // A stand-in curl that prints its last argument (the body) shows what the shell would pass.
    const body = execFileSync('bash', ['-c', `curl() { printf '%s' "\${@: -1}"; }; ${curl}`], { encoding: 'utf8' });
    expect(JSON.parse(body)).toEqual(op);
    expect(curl).toContain("'http://localhost:4000/graphql'");
  });

  it('Python carries the query and variables as literals it can parse', () => {
    const py = asPython('http://localhost:4000/graphql', op);
    expect(py).toContain(`query = ${JSON.stringify(op.query)}`);
    expect(py).toContain('urllib.request.urlopen');
    const variablesLine = /variables = json\.loads\((.*)\)$/m.exec(py)![1]!;
    expect(JSON.parse(JSON.parse(variablesLine))).toEqual(op.variables);
  });
});
