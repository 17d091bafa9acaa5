import { DOCUMENT_ID_PATTERN, ENTITY_ID_PATTERN, MAX_ID_LENGTH, RELATIONSHIP_ID_PATTERN } from '../graph/ids.js';
import { isRelationshipType } from '../graph/model.js';
import type { ProblemList } from './problems.js';
import type { EvidenceInput } from './types.js';

/** Longest name, alias, title or quote accepted. */
export const MAX_SHORT_TEXT = 1_000;
/** Longest description accepted. */
export const MAX_LONG_TEXT = 20_000;
/** Most quotes or aliases on one item in one write. */
export const MAX_LIST = 200;

/**
 * Checks shared by every writer that takes input from outside (mutations, bundles): each problem names its
 * place, so a script can point at the field. Returns the cleaned value or undefined.
 */
export const check = {
  text(problems: ProblemList, place: string, value: unknown, max = MAX_SHORT_TEXT): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      problems.add('BAD_INPUT', place, 'must be a non-empty string');
      return undefined;
    }
    if (value.length > max) {
      problems.add('BAD_INPUT', place, `is longer than ${max} characters`);
      return undefined;
    }
    return value.trim();
  },

  optionalText(problems: ProblemList, place: string, value: unknown, max = MAX_SHORT_TEXT): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === null) return null;
    return check.text(problems, place, value, max);
  },

  /** Ids a writer chooses need the id shape only; ids made from kind and name carry the kind's prefix. */
  entityId(problems: ProblemList, place: string, id: string): void {
    if (id.length > MAX_ID_LENGTH || !ENTITY_ID_PATTERN.test(id)) {
      problems.add('BAD_INPUT', place, `must look like <prefix>:<slug> (lower-case a-z, 0-9, ".", "_", "-"), at most ${MAX_ID_LENGTH} characters`);
    }
  },

  reference(problems: ProblemList, place: string, id: unknown): string | undefined {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
      problems.add('BAD_INPUT', place, `must be an id of at most ${MAX_ID_LENGTH} characters`);
      return undefined;
    }
    return id;
  },

  relationshipId(problems: ProblemList, place: string, id: string): void {
    if (id.length > MAX_ID_LENGTH || !RELATIONSHIP_ID_PATTERN.test(id)) {
      problems.add('BAD_INPUT', place, `must look like rel:<name> (letters, digits, ".", "_", ":", "-"), at most ${MAX_ID_LENGTH} characters`);
    }
  },

  documentId(problems: ProblemList, place: string, id: string): void {
    if (id.length > MAX_ID_LENGTH || !DOCUMENT_ID_PATTERN.test(id)) {
      problems.add('BAD_INPUT', place, `must look like doc:<name> (letters, digits, ".", "_", "-"), at most ${MAX_ID_LENGTH} characters`);
    }
  },

  relationshipType(problems: ProblemList, place: string, type: string): boolean {
    if (!isRelationshipType(type)) {
      problems.add('BAD_INPUT', place, `unknown relationship type ${JSON.stringify(type.slice(0, 60))}`);
      return false;
    }
    return true;
  },

  evidence(problems: ProblemList, place: string, items: readonly unknown[]): EvidenceInput[] {
    if (items.length > MAX_LIST) {
      problems.add('BAD_INPUT', place, `holds more than ${MAX_LIST} quotes`);
      return [];
    }
    const out: EvidenceInput[] = [];
    items.forEach((raw, index) => {
      const at = `${place}[${index}]`;
      const item = (raw ?? {}) as Record<string, unknown>;
      const documentId = check.reference(problems, `${at}.documentId`, item.documentId);
      const quote = typeof item.quote === 'string' && item.quote.length > 0 && item.quote.length <= MAX_LONG_TEXT ? item.quote : undefined;
      if (quote === undefined) problems.add('BAD_INPUT', `${at}.quote`, `must be a non-empty string of at most ${MAX_LONG_TEXT} characters`);
      const start = item.start;
      if (start !== undefined && start !== null && (!Number.isInteger(start) || (start as number) < 0)) {
        problems.add('BAD_INPUT', `${at}.start`, 'must be a non-negative integer');
      }
      const supports = item.supports;
      if (supports !== undefined && supports !== null && (typeof supports !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(supports))) {
        problems.add('BAD_INPUT', `${at}.supports`, 'must be a short word such as alias, vision or role');
      }
      if (documentId !== undefined && quote !== undefined) {
        out.push({ documentId, quote, start: (start as number | null | undefined) ?? null, supports: (supports as string | null | undefined) ?? null });
      }
    });
    return out;
  },
};
