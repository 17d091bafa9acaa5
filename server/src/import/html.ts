import { Parser } from 'htmlparser2';

// Content that is not text for a reader.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'canvas']);
// Elements that end a line or paragraph; inline elements (a, b, span, ...) flow into the text around them.
const PARAGRAPHS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'figure', 'figcaption', 'pre', 'nav', 'form']);
const LINES = new Set(['br', 'li', 'tr', 'dt', 'dd', 'hr']);

/** The readable text of an HTML page: scripts and styles dropped, entities decoded, blocks as paragraphs. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping += 1;
        else if (skipping === 0 && PARAGRAPHS.has(name)) parts.push('\n\n');
        else if (skipping === 0 && LINES.has(name)) parts.push('\n');
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (skipping === 0 && PARAGRAPHS.has(name)) parts.push('\n\n');
      },
      ontext(text) {
        // Source line breaks inside a paragraph are layout, not text.
        if (skipping === 0) parts.push(text.replace(/[ \t\r\n]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
