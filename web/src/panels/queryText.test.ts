import { describe, expect, it } from 'vitest';
import { parse, print } from 'graphql';
import { tidyQuery } from './queryText.js';

describe('tidyQuery', () => {
  const sent = 'query Graph($limit: Int!) {\n  graph(limit: $limit) {\n    ...SubgraphFields\n  }\n}\n    fragment NodeFields on Entity {\n  id\n}\nfragment SubgraphFields on Subgraph {\n  nodes {\n    ...NodeFields\n  }\n}\n';

  it('starts every definition at the left margin after a blank line, and leaves the rest as it was', () => {
    const shown = tidyQuery(sent);
    expect(shown.split('\n').filter((line) => /^\s*(query|fragment)\b/.test(line))).toEqual(['query Graph($limit: Int!) {', 'fragment NodeFields on Entity {', 'fragment SubgraphFields on Subgraph {']);
    expect(shown).toContain('}\n\nfragment NodeFields');
    expect(shown).toContain('}\n\nfragment SubgraphFields');
    expect(shown).toContain('  graph(limit: $limit) {\n    ...SubgraphFields');
  });

  it('is still the same operation', () => {
    expect(print(parse(tidyQuery(sent)))).toBe(print(parse(sent)));
  });

  it('keeps a header whose variables run over several lines together', () => {
    const shown = tidyQuery('query Q(\n  $id: ID!\n  $first: Int\n) {\n  entity(id: $id) { id }\n}');
    expect(shown).toBe('query Q(\n  $id: ID!\n  $first: Int\n) {\n  entity(id: $id) { id }\n}');
  });
});
