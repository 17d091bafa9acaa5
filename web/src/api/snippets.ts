/**
 * Copy-as-curl and copy-as-Python for a GraphQL operation, so an analyst can hand the current view
 * to a script. The body is JSON; in the shell it is single-quoted with embedded quotes escaped.
 */

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

export function asCurl(endpoint: string, op: Operation): string {
  const body = JSON.stringify({ query: op.query, variables: op.variables });
  return `curl -s ${shellQuote(endpoint)} -H 'content-type: application/json' --data-raw ${shellQuote(body)}`;
}

export function asPython(endpoint: string, op: Operation): string {
  return [
    'import json, urllib.request',
    '',
    `query = ${pyString(op.query)}`,
    `variables = json.loads(${pyString(JSON.stringify(op.variables))})`,
    'request = urllib.request.Request(',
    `    ${pyString(endpoint)},`,
    "    data=json.dumps({'query': query, 'variables': variables}).encode(),",
    "    headers={'content-type': 'application/json'},",
    ')',
    'with urllib.request.urlopen(request) as response:',
    "    print(json.dumps(json.load(response)['data'], indent=2, ensure_ascii=False))",
  ].join('\n');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// JSON string syntax is valid Python string syntax for everything JSON.stringify emits.
function pyString(text: string): string {
  return JSON.stringify(text);
}
