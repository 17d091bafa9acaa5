/** The import engine: pure functions from a document to mentions and proposals; storage lives elsewhere. */
export { extract, type ExtractOptions } from './extract.js';
export { Gazetteer, nameKey } from './gazetteer.js';
export { intake, contentHash, IntakeError, MAX_DOCUMENT_BYTES, type IntakeDocument, type IntakeInput, type TextFormat } from './intake.js';
export { prepareImport, type DocumentInput, type PreparedImport } from './prepare.js';
export type { ExtractionResult, GazetteerEntry, Mention, Proposal, ProposalEnd, Statement } from './types.js';
