import type { RoleCue } from './roles.js';

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

// "fra 1. mars", "frå 1. juli i år", "med virkning fra 15. januar 2020", "fra mars 2021", "fra 2020"
const FROM_DATE = new RegExp(
  `(?<![\\p{L}])(?:fra|frå|f\\.o\\.m\\.|per|pr\\.|fom\\.?)[ \\u00a0](?:(?<day>\\d{1,2})\\.[ \\u00a0]?)?(?:(?<month>${MONTHS.join('|')})[ \\u00a0]?)?(?<year>\\d{4})?`,
  'giu',
);

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An explicit date in the sentence ("fra 1. mars"), as ISO 8601, the year taken from `publishedAt` if unsaid. */
export function explicitDate(sentence: string, publishedAt: string | undefined): string | undefined {
  for (const match of sentence.matchAll(FROM_DATE)) {
    const { day, month, year } = match.groups ?? {};
    if (!month && !year) continue;
    const yearText = year ?? publishedAt?.slice(0, 4);
    if (!yearText) return undefined;
    if (!month) return yearText;
    const monthNumber = MONTHS.indexOf(month.toLowerCase()) + 1;
    return day ? `${yearText}-${pad(monthNumber)}-${pad(Number(day))}` : `${yearText}-${pad(monthNumber)}`;
  }
  return undefined;
}

/**
 * When a role begins and ends, from the sentence that states it: an explicit date belongs to the start unless
 * the sentence says the role ends; a role that has ended ("tidligere direktør", "går av") without a date ended
 * by the time the document was published.
 */
export function roleDates(sentence: string, cue: RoleCue, publishedAt: string | undefined): { validFrom?: string; validTo?: string } {
  const date = explicitDate(sentence, publishedAt);
  if (cue === 'end') {
    const validTo = date ?? publishedAt;
    return validTo ? { validTo } : {};
  }
  return date ? { validFrom: date } : {};
}
