import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const names = z.union([z.string(), z.array(z.string()).min(1)]).transform((value) => (typeof value === 'string' ? [value] : value));

export const GoldFileSchema = z.strictObject({
  document: z.string(),
  entities: z.array(
    z.strictObject({
      kind: z.enum(['ORGANISATION', 'PERSON', 'PROGRAMME', 'VENDOR']),
      name: z.string(),
      aliases: z.array(z.string()).default([]),
    }),
  ),
  triples: z.array(z.strictObject({ person: z.string(), title: names, organisation: z.string() })).default([]),
});
export type GoldFile = z.infer<typeof GoldFileSchema>;

export function readGold(path: string): GoldFile {
  return GoldFileSchema.parse(parse(readFileSync(path, 'utf8')));
}
