/** What kind of problem a write ran into; the GraphQL layer turns each into its error code. */
export type WriteProblemKind = 'BAD_INPUT' | 'NOT_FOUND' | 'CONFLICT';

export interface WriteProblem {
  kind: WriteProblemKind;
  /** Where in the input, e.g. `entities[2] (person:x).evidence[0]` or `keepId`. */
  place: string;
  message: string;
}

/** Thrown by the write path before anything commits; `problems` lists every one found. */
export class WriteRejected extends Error {
  readonly problems: readonly WriteProblem[];

  constructor(problems: readonly WriteProblem[]) {
    super(problems.map((p) => `${p.place}: ${p.message}`).join('; '));
    this.name = 'WriteRejected';
    this.problems = problems;
  }

  /** The most telling kind: a conflict or a missing item outranks plain bad input. */
  get kind(): WriteProblemKind {
    if (this.problems.some((p) => p.kind === 'CONFLICT')) return 'CONFLICT';
    if (this.problems.some((p) => p.kind === 'NOT_FOUND')) return 'NOT_FOUND';
    return 'BAD_INPUT';
  }
}

/** Collects problems while a write is checked, and throws them all at once. */
export class ProblemList {
  readonly items: WriteProblem[] = [];

  add(kind: WriteProblemKind, place: string, message: string): void {
    this.items.push({ kind, place, message });
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new WriteRejected(this.items);
  }
}
