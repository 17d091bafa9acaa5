import { createHash } from 'node:crypto';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';

/** 5 MB: far above any article or board paper, low enough that one import cannot exhaust the server. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type TextFormat = 'text' | 'markdown' | 'html';

/** Why a document was refused; `code` lets the GraphQL and CLI layers map it without parsing the message. */
export class IntakeError extends Error {
  constructor(
    readonly code: 'EMPTY' | 'TOO_LARGE' | 'BINARY' | 'BAD_ENCODING' | 'TITLE_ONLY' | 'BAD_DATE' | 'BAD_LANGUAGE',
    message: string,
  ) {
    super(message);
    this.name = 'IntakeError';
  }
}

export interface IntakeInput {
  title: string;
  /** The body as a string (already decoded) or as the bytes of a file (must be UTF-8). */
  body: string | Uint8Array;
  /** Guessed from the content when not given. */
  format?: TextFormat;
}

export interface IntakeDocument {
  title: string;
  /** The text that offsets count into: stored as the document's text. */
  text: string;
  format: TextFormat;
  /** sha256 of the text with line ends and trailing spaces normalised: the same article gives the same hash. */
  contentHash: string;
}

/** Checks and reduces a document to the text that is stored and extracted from; throws IntakeError. */
export function intake(input: IntakeInput): IntakeDocument {
  const raw = typeof input.body === 'string' ? input.body : decodeUtf8(input.body);
  checkSize(raw);
  checkNotBinary(raw);
  const format = input.format ?? guessFormat(raw);
  const reduced = format === 'html' ? htmlToText(raw) : format === 'markdown' ? markdownToText(raw) : raw;
  const text = normaliseText(reduced);
  const title = normaliseText(input.title).replace(/\s+/g, ' ');
  if (text.trim() === '') throw new IntakeError('EMPTY', 'The document has no text.');
  if (title !== '' && foldSpace(text) === foldSpace(title)) {
    throw new IntakeError('TITLE_ONLY', 'The document holds only its title; there is no text to import.');
  }
  return { title, text, format, contentHash: contentHash(text) };
}

/** Decodes UTF-8 strictly: a file in Latin-1 or UTF-16 is refused, not turned into "Ã¸". */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw tooLarge(bytes.byteLength);
  try {
    // A byte-order mark is dropped (ignoreBOM: false), so it never becomes part of the text.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IntakeError('BAD_ENCODING', 'The document is not valid UTF-8; convert it to UTF-8 and import it again.');
  }
}

function checkSize(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) throw tooLarge(bytes);
}

function tooLarge(bytes: number): IntakeError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new IntakeError('TOO_LARGE', `The document is ${mb} MB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
}

// Text has no NUL and almost no other control characters; an image or a zip read as text has many. UTF-16 read
// as UTF-8 is valid but every other byte is NUL, so any NUL is enough to refuse.
function checkNotBinary(text: string): void {
  if (text.includes('\u0000')) throw new IntakeError('BINARY', 'The document holds binary data (NUL bytes), not text.');
  const sample = text.slice(0, 65_536);
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  if (sample.length > 0 && controls / sample.length > 0.01) {
    throw new IntakeError('BINARY', 'The document holds binary data (control characters), not text.');
  }
}

/** Guesses the markup from the content: HTML by its tags, Markdown by its headings and links. */
export function guessFormat(text: string): TextFormat {
  const head = text.slice(0, 4096);
  if (/^\s*<(?:!doctype html|html|head|body)\b/i.test(head) || /<\/(?:p|div|body|html|span|a|h[1-6]|li)>/i.test(head)) {
    return 'html';
  }
  if (/^ {0,3}#{1,6} \S/m.test(head) || /\[[^\]\n]+\]\([^)\n]+\)/.test(head) || /^\*\*[^*\n]+\*\*/m.test(head)) {
    return 'markdown';
  }
  return 'text';
}

/** Unicode NFC, Unix line ends, no trailing spaces at line ends, no blank lines at either end. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text), 'utf8').digest('hex');
}

function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
