/**
 * XML 1.0 text. Names and quotes come from documents and writers, so they may hold markup characters and even
 * characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF): those are dropped,
 * since no parser would accept the file otherwise, and the rest is escaped.
 */

// Everything outside XML 1.0's Char production; with the `u` flag a lone surrogate is one code point and matches.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops the characters XML 1.0 forbids. */
export function xmlChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

/** Escapes element content; a carriage return is written as a reference so parsers do not turn it into a newline. */
export function xmlText(value: string): string {
  return xmlChars(value).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers normalise raw whitespace in attribute values to spaces; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes an attribute value (for double-quoted attributes, though single quotes are escaped too). */
export function xmlAttribute(value: string): string {
  return xmlChars(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
