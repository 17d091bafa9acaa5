/**
 * Keyset cursors: the sort key of the last item seen, opaque to clients (base64url JSON). Holding the key, not an
 * offset, makes a deep page cost what the first costs and keeps later pages stable under inserts.
 */
export type CursorKey = readonly (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key inside a cursor of `length` parts, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string, length: number): CursorKey | undefined {
  if (cursor.length > 2_000) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== length) return undefined;
    if (!key.every((part) => part === null || typeof part === 'string' || (typeof part === 'number' && Number.isFinite(part)))) return undefined;
    return key as CursorKey;
  } catch {
    return undefined;
  }
}
