/**
 * The sentence around a quote, so the reader can judge the quote in context. Offsets are UTF-16
 * code units (JavaScript string indices) with `end` exclusive, exactly as the API gives them.
 */

export interface QuoteContext {
  /** Text from the start of the quote's sentence (or the clip point) up to the quote. */
  before: string;
  /** `text.slice(start, end)`: the quote as the document has it. */
  quote: string;
  /** Text from the quote to the end of its sentence (or the clip point). */
  after: string;
  /** True when `before` was cut short of the sentence start (show an ellipsis). */
  clippedBefore: boolean;
  /** True when `after` was cut short of the sentence end. */
  clippedAfter: boolean;
}

const TERMINATORS = new Set(['.', '!', '?', '…']);
// Closing quotation marks and brackets belong to the sentence they close.
const CLOSERS = new Set(['"', '\'', '»', '”', '’', ')', ']']);
const SPACE = /\s/;

/** True when `start`/`end` are valid offsets into `text` (integers, 0 <= start <= end <= length). */
export function validOffsets(text: string, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
}

/**
 * Splits `text` into the quote at [start, end) and the rest of its sentence on either side, each
 * side at most `maxChars` long (cut at a word boundary). Throws RangeError on invalid offsets.
 */
export function quoteContext(text: string, start: number, end: number, maxChars = 220): QuoteContext {
  if (!validOffsets(text, start, end)) {
    throw new RangeError(`Offsets ${start}–${end} do not fit a text of length ${text.length}.`);
  }
  const from = sentenceStart(text, start, maxChars);
  const to = sentenceEnd(text, start, end, maxChars);
  return {
    before: text.slice(from.index, start).replace(/^\s+/, ''),
    quote: text.slice(start, end),
    after: text.slice(end, to.index).replace(/\s+$/, ''),
    clippedBefore: from.clipped,
    clippedAfter: to.clipped,
  };
}

function sentenceStart(text: string, start: number, maxChars: number): { index: number; clipped: boolean } {
  const limit = Math.max(0, start - maxChars);
  for (let i = start - 1; i >= limit; i--) {
    const ch = text[i]!;
    if (ch === '\n') return { index: i + 1, clipped: false };
    // A terminator only ends a sentence when followed by space ("3.5" and "f.eks" are not ends).
    if (TERMINATORS.has(ch) && i + 1 < start && SPACE.test(text[i + 1]!)) return { index: i + 1, clipped: false };
    if (CLOSERS.has(ch) && i > 0 && TERMINATORS.has(text[i - 1]!) && i + 1 < start && SPACE.test(text[i + 1]!)) {
      return { index: i + 1, clipped: false };
    }
  }
  if (limit === 0) return { index: 0, clipped: false };
  // Clip at the first word boundary inside the window so no word is cut in half.
  for (let i = limit; i < start; i++) {
    if (SPACE.test(text[i]!)) return { index: i + 1, clipped: true };
  }
  return { index: avoidSplitPair(text, limit, +1), clipped: true };
}

function sentenceEnd(text: string, start: number, end: number, maxChars: number): { index: number; clipped: boolean } {
  const limit = Math.min(text.length, end + maxChars);
  // A quote that is itself a whole sentence needs nothing after it.
  if (end > start && isSentenceEndAt(text, end - 1)) return { index: end, clipped: false };
  for (let j = end; j < limit; j++) {
    const ch = text[j]!;
    if (ch === '\n') return { index: j, clipped: false };
    if (TERMINATORS.has(ch)) {
      let k = j + 1;
      while (k < text.length && CLOSERS.has(text[k]!)) k++;
      if (k === text.length || SPACE.test(text[k]!)) return { index: k, clipped: false };
    }
  }
  if (limit === text.length) return { index: text.length, clipped: false };
  for (let j = limit; j > end; j--) {
    if (SPACE.test(text[j]!)) return { index: j, clipped: true };
  }
  return { index: avoidSplitPair(text, limit, -1), clipped: true };
}

function isSentenceEndAt(text: string, i: number): boolean {
  const ch = text[i]!;
  const next = text[i + 1];
  if (next !== undefined && !SPACE.test(next)) return false;
  if (TERMINATORS.has(ch)) return true;
  return CLOSERS.has(ch) && i > 0 && TERMINATORS.has(text[i - 1]!);
}

// A cut between the two halves of a surrogate pair would leave a broken character on screen.
function avoidSplitPair(text: string, index: number, direction: 1 | -1): number {
  const code = text.charCodeAt(index);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  return isLowSurrogate ? index + direction : index;
}

/** The server's `Evidence.context`: the quote's sentence(s) and the quote's offsets inside them. */
export interface ServedContext {
  text: string;
  quoteStart: number;
  quoteEnd: number;
}

/**
 * Splits a served context into before / quote / after, or null when its offsets do not reproduce
 * the quote (then the panel shows the quote alone and says why). Clipping is the server's: it sends
 * whole sentences up to about 600 characters, so nothing here is marked as clipped.
 */
export function servedContext(context: ServedContext | null | undefined, quote: string): QuoteContext | null {
  if (!context) return null;
  const { text, quoteStart, quoteEnd } = context;
  if (!validOffsets(text, quoteStart, quoteEnd) || text.slice(quoteStart, quoteEnd) !== quote) return null;
  return {
    before: text.slice(0, quoteStart).replace(/^\s+/, ''),
    quote,
    after: text.slice(quoteEnd).replace(/\s+$/, ''),
    clippedBefore: false,
    clippedAfter: false,
  };
}
