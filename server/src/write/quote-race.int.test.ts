import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTestData, testDatabase } from '../../test/harness.js';
import { writeGraph } from './graph.js';
import { WriteRejected } from './problems.js';
import type { WritePolicy } from './types.js';

// Found by the write fuzzer (http/fuzz.int.test.ts): a text change and a quote pinned into the old text, in two
// transactions at once, both committed, leaving a quote that is no longer at its offsets. Here the two are
// interleaved on purpose: the quote's transaction pauses, still open, while the text change runs.
const RUN = randomUUID().slice(0, 8);
const DOC = `doc:quote-race-${RUN}`;
const TEXT = `Kari Race${RUN} er direktør i Org Race${RUN} AS.`;
const POLICY: WritePolicy = { fields: 'patch', retype: false, evidence: 'add' };
const writer = { source: `api:race-${RUN}`, at: '2026-11-26T12:00:00.000Z' };
const db = testDatabase();
const document = (text: string) => ({ id: DOC, title: 'Kappløp', text, publishedAt: null, source: null, language: null });

afterAll(async () => {
  await removeTestData(db, RUN);
  await db.close();
});

describe('a text change racing a quote into the same document', () => {
  it('never leaves a quote off its text: the later writer sees the earlier one and is refused', async () => {
    await db.write((tx) => writeGraph(tx, { documents: [document(TEXT)], entities: [], relationships: [] }, writer, POLICY));
    const entity = { id: `person:race-${RUN}`, kind: 'PERSON' as const, name: `Kari Race${RUN}`, evidence: [{ documentId: DOC, quote: 'direktør' }], place: 'entity' };

    let pinned!: () => void;
    const quotePinned = new Promise<void>((resolve) => (pinned = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const quoting = db.write(async (tx) => {
      const report = await writeGraph(tx, { documents: [], entities: [entity], relationships: [] }, writer, POLICY);
      pinned();
      await released; // still open: its quote is written, not yet committed
      return report;
    });
    await quotePinned;
    const changing = db
      .write((tx) => writeGraph(tx, { documents: [document(`Endret: ${TEXT}`)], entities: [], relationships: [] }, writer, POLICY))
      .then(
        () => 'changed',
        (error: unknown) => (error instanceof WriteRejected ? error.problems.map((p) => p.kind).join() : String(error)),
      );
    // Give the text change time to run (and, without the document lock, to commit) while the quote is uncommitted.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    release();
    await quoting;
    expect(await changing).toBe('CONFLICT');

    const stored = await db.read((tx) =>
      tx.run('MATCH (d:Document {id: $doc}) MATCH (e:Evidence {documentId: $doc}) RETURN d.text AS text, e.quote AS quote, e.start AS start, e.end AS end', { doc: DOC }),
    );
    expect(stored.records).toHaveLength(1);
    const { text, quote, start, end } = stored.records[0]!.toObject() as { text: string; quote: string; start: number; end: number };
    expect(text.slice(start, end)).toBe(quote);
  }, 60_000);
});
