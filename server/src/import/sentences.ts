/** A sentence of the text, by UTF-16 offsets (end exclusive), and the paragraph it belongs to. */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

// Words after which a full stop does not end the sentence ("adm. dir. Nilsen", "bl.a. Epic").
const ABBREVIATIONS = new Set(['adm', 'dir', 'bl', 'a', 'f', 'eks', 'dvs', 'nr', 'ca', 'jf', 'mv', 'osv', 'pr', 'tlf', 'kl', 'st', 'dr', 'prof', 'mill', 'mrd', 'kr']);

/** Splits the text into sentences: at . ! ? before a capital, dash or digit, and at every line break. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  let blank = false;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    if (line.trim() === '') blank = true;
    else {
      if (blank && sentences.length > 0) paragraph += 1;
      blank = false;
      let start = lineStart;
      const ends = /[.!?]+(?=[ \u00a0]+[\p{Lu}\d–—"«-])/gu;
      for (const match of line.matchAll(ends)) {
        const stop = lineStart + match.index + match[0].length;
        const before = /([\p{L}]+)\.$/u.exec(text.slice(start, stop))?.[1]?.toLowerCase();
        // An abbreviation, or a single capital: an initial ("Bjørg H. Jenssen").
        if (match[0] === '.' && before !== undefined && (ABBREVIATIONS.has(before) || /^\p{Lu}$/u.test(text.slice(stop - 2, stop - 1)) && before.length === 1)) continue;
        push(sentences, text, start, stop, paragraph);
        start = stop;
      }
      push(sentences, text, start, lineEnd, paragraph);
    }
    lineStart = lineEnd + 1;
  }
  return sentences;
}

function push(sentences: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from += 1;
  while (to > from && /\s/.test(text.charAt(to - 1))) to -= 1;
  if (to > from) sentences.push({ start: from, end: to, paragraph });
}

/** The sentences that cover [start, end), as one span. */
export function sentenceSpan(sentences: readonly Sentence[], start: number, end: number): { start: number; end: number } {
  const first = sentences.find((sentence) => sentence.end > start) ?? { start, end };
  const last = [...sentences].reverse().find((sentence) => sentence.start < end) ?? first;
  return { start: Math.min(first.start, start), end: Math.max(last.end, end) };
}
