/** Longest context kept around a quote; a longer sentence is cut to a window around the quote. */
export const MAX_CONTEXT = 600;

/** The sentence (or paragraph line) around a quote, and where the quote sits inside it. */
export interface QuoteContext {
  text: string;
  /** Offset of `text` in the document (UTF-16 code units). */
  documentStart: number;
  /** The quote's offsets inside `text`, end exclusive. */
  quoteStart: number;
  quoteEnd: number;
}

// A sentence ends at ., ! or ? followed by white space, or at a line break.
const SENTENCE_END = /[.!?]["»”)]*\s|\n/g;

/**
 * The sentence(s) holding `text.slice(start, end)`: from the end of the sentence before the quote to the end of
 * the sentence the quote ends in, so a client shows a quote in its sentence without the whole document.
 */
export function quoteContext(text: string, start: number, end: number): QuoteContext {
  let from = 0;
  let to = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    const boundary = match.index + match[0].length;
    if (boundary <= start) from = boundary;
    else if (match.index >= end - 1 && boundary > end) {
      to = match[0] === '\n' ? match.index : match.index + match[0].trimEnd().length;
      break;
    }
  }
  // A run-on sentence is cut to a window around the quote.
  if (to - from > MAX_CONTEXT) {
    const room = Math.max(0, Math.floor((MAX_CONTEXT - (end - start)) / 2));
    from = Math.max(from, start - room);
    to = Math.min(to, end + room);
  }
  while (from < start && /\s/.test(text[from]!)) from += 1;
  return { text: text.slice(from, to), documentStart: from, quoteStart: start - from, quoteEnd: end - from };
}
