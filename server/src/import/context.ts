import type { Gazetteer, GazetteerMatch } from './gazetteer.js';
import { splitSentences, type Sentence } from './sentences.js';
import { tokenize, type Token } from './tokens.js';

/** A piece of the text: what it says and where. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** What every finder needs to know about the document, computed once. */
export interface DocumentContext {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  matches: GazetteerMatch[];
  gazetteer: Gazetteer;
  publishedAt: string | undefined;
}

export function documentContext(text: string, gazetteer: Gazetteer, publishedAt?: string): DocumentContext {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(text), matches: gazetteer.findMatches(text, tokens), gazetteer, publishedAt };
}

/** The named group of a match made with the `d` flag, as a span; undefined when the group did not take part. */
export function group(match: RegExpExecArray, name: string): Span | undefined {
  const value = match.groups?.[name];
  const indices = match.indices?.groups?.[name];
  if (value === undefined || indices === undefined) return undefined;
  return { text: value, start: indices[0], end: indices[1] };
}

/** The known entities the gazetteer found inside a span. */
export function matchesWithin(context: DocumentContext, span: { start: number; end: number }): GazetteerMatch[] {
  return context.matches.filter((match) => match.start >= span.start && match.end <= span.end);
}

/** The known entity whose mention is exactly this span, give or take a legal suffix. */
export function exactMatch(context: DocumentContext, span: { start: number; end: number }): GazetteerMatch | undefined {
  return context.matches.find((match) => match.start === span.start && coversWords(context, match, span));
}

function coversWords(context: DocumentContext, match: GazetteerMatch, span: { start: number; end: number }): boolean {
  // The span may add a legal suffix or drop one; any other difference is a different name.
  const rest = match.end >= span.end ? context.text.slice(span.end, match.end) : context.text.slice(match.end, span.end);
  return rest === '' || /^ (?:HF|RHF|AS|ASA|SF|IKS|KF)$/.test(rest);
}
