/**
 * Document dates keep their precision (`2019`, `2019-05`, `2019-05-14`, or a date-time). A fact's first and last
 * sighting are the dates of its earliest- and latest-reaching documents; tools that need whole days get the first
 * and last day of each period, so "2019" covers the year instead of pretending to be January 1st.
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The date part of a stored `publishedAt` (`2019`, `2019-05` or `2019-05-14`), or null when it is not one. */
export function datePart(value: string): string | null {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

/** First day of the period a partial date names (`2019-05` -> `2019-05-01`). */
export function periodStart(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** Last day of the period a partial date names (`2019` -> `2019-12-31`, `2020-02` -> `2020-02-29`). */
export function periodEnd(date: string): string {
  const [year = '', month, day] = date.split('-');
  if (day !== undefined) return date;
  if (month === undefined) return `${year}-12-31`;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}

/** The earliest-starting and latest-ending of some document dates, each kept in its own precision. */
export function seenRange(publishedAt: readonly unknown[]): { firstSeen: string | null; lastSeen: string | null } {
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const value of publishedAt) {
    const date = typeof value === 'string' ? datePart(value) : null;
    if (date === null) continue;
    if (firstSeen === null || periodStart(date) < periodStart(firstSeen)) firstSeen = date;
    if (lastSeen === null || periodEnd(date) > periodEnd(lastSeen)) lastSeen = date;
  }
  return { firstSeen, lastSeen };
}
