/** Where a quote sits in a document: JS string indices (UTF-16 code units), `end` exclusive. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/** The outcome of locating a quote: a span, or a reason it could not be pinned down. */
export type QuoteLocation =
  | { ok: true; span: QuoteSpan }
  | { ok: false; reason: 'not-verbatim'; hint: string | undefined }
  | { ok: false; reason: 'ambiguous'; starts: number[] }
  | { ok: false; reason: 'start-mismatch'; starts: number[] };

/** Every index at which `quote` occurs in `text`, overlapping occurrences included. */
export function occurrences(text: string, quote: string): number[] {
  const starts: number[] = [];
  if (quote.length === 0) return starts;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

/** Locates `quote` in `text`; `start` picks one occurrence and is required only when there are several. */
export function locateQuote(text: string, quote: string, start?: number): QuoteLocation {
  const starts = occurrences(text, quote);
  if (starts.length === 0) return { ok: false, reason: 'not-verbatim', hint: nearMissHint(text, quote) };
  if (start !== undefined) {
    return starts.includes(start)
      ? { ok: true, span: { start, end: start + quote.length } }
      : { ok: false, reason: 'start-mismatch', starts };
  }
  const [only] = starts;
  if (starts.length > 1 || only === undefined) return { ok: false, reason: 'ambiguous', starts };
  return { ok: true, span: { start: only, end: only + quote.length } };
}

const NBSP = '\u00a0';

/**
 * Explains the usual reasons a hand-typed quote misses: the source uses no-break spaces, another Unicode
 * normalization form, different line breaks, or different case. The quote itself is never "fixed",
 * because stored quotes must equal the document's characters.
 */
export function nearMissHint(text: string, quote: string): string | undefined {
  if (text.includes(NBSP) && text.replaceAll(NBSP, ' ').includes(quote.replaceAll(NBSP, ' '))) {
    return 'the document has a no-break space (U+00A0) where the quote has a plain space (or the other way round); write it as \\u00a0 in a double-quoted YAML string';
  }
  if (text.normalize('NFC').includes(quote.normalize('NFC'))) {
    return 'the quote differs from the document only in Unicode normalization (NFC vs NFD); copy the characters from the document';
  }
  const collapse = (value: string): string => value.replace(/\s+/gu, ' ');
  if (collapse(text).includes(collapse(quote))) {
    return 'the quote differs from the document only in whitespace or line breaks';
  }
  if (text.toLocaleLowerCase('nb').includes(quote.toLocaleLowerCase('nb'))) {
    return 'the quote differs from the document only in upper/lower case';
  }
  return undefined;
}

/** A quote shortened for a message. */
export function showQuote(quote: string): string {
  const shown = quote.length > 80 ? `${quote.slice(0, 77)}...` : quote;
  return JSON.stringify(shown);
}

/** Why a quote could not be pinned down, in words for the person who wrote it. */
export function describeQuoteMiss(
  quote: string,
  documentId: string,
  start: number | null | undefined,
  location: Exclude<QuoteLocation, { ok: true }>,
): string {
  const shown = `quote ${showQuote(quote)}`;
  switch (location.reason) {
    case 'not-verbatim':
      return `${shown} is not verbatim in ${documentId}${location.hint ? ` (${location.hint})` : ''}`;
    case 'ambiguous':
      return `${shown} is ambiguous: it occurs ${location.starts.length} times in ${documentId} (start ${location.starts.join(', ')}); give "start" to pick one`;
    case 'start-mismatch':
      return `${shown} does not start at ${start} in ${documentId} (it occurs at ${location.starts.slice(0, 10).join(', ')})`;
  }
}
