/**
 * Where a fact came from and when: every writer stamps what it creates or changes. Sources read like
 * `seed:000_x.graph.yaml`, `api:<token name>`, `bundle:<name>` or `import:<document id>`.
 */
export interface OriginRecord {
  createdAt: string | null;
  createdBy: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Reads the four stamps off a projected node or relationship map. */
export function toOrigin(value: Record<string, unknown>): OriginRecord {
  const text = (key: string): string | null => (typeof value[key] === 'string' ? (value[key] as string) : null);
  return { createdAt: text('createdAt'), createdBy: text('createdBy'), updatedAt: text('updatedAt'), updatedBy: text('updatedBy') };
}
