/**
 * An operation's text as the query drawer shows it: each top-level definition (the operation, then each fragment)
 * starts at the left margin, after a blank line. The documents come from several template literals, so a fragment
 * arrives indented by its source file's indentation; GraphQL ignores it, people reading the drawer do not.
 * Top level is depth 0 in braces and parentheses (so a variable list over several lines stays one header); the
 * drawer's operations carry no string literals with brackets in them.
 */
export function tidyQuery(text: string): string {
  let depth = 0;
  const lines: string[] = [];
  for (const raw of text.trim().split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (depth === 0 && line.trim()) lines.push(...(lines.length ? [''] : []), line.trimStart());
    else lines.push(line);
    for (const c of line) depth += c === '{' || c === '(' ? 1 : c === '}' || c === ')' ? -1 : 0;
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
