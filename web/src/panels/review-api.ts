import { request } from '../api/client.js';
import { graphql } from '../generated/gql.js';
import type { DocumentInput, ImportMutation, ProposalEdit as ProposalEditInput, ProposalFieldsFragment } from '../generated/graphql.js';

/**
 * The review list's calls. Writes need a bearer token; the user pastes it, and it is kept in sessionStorage only
 * (gone when the tab closes, never in localStorage or a cookie, never sent anywhere but this page's /graphql).
 */
const TOKEN_KEY = 'kgx.writeToken';

export const token = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (value: string): void => {
    if (value.trim() === '') sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, value.trim());
  },
};

graphql(`
  fragment ProposalFields on Proposal {
    id kind status entityKind name type title confidence quote start end context contextStart validFrom validTo writtenId
    from { name entity { id } } to { name entity { id } } duplicateOf { id name }
  }
`);

const IMPORT_MUTATION = graphql(`
  mutation Import($d: DocumentInput!) {
    importDocument(input: $d) { unchanged document { id title } mentions { quote } proposals { ...ProposalFields } }
  }
`);

const PENDING_QUERY = graphql(`
  query Pending($d: ID!) { proposals(documentId: $d, first: 200) { edges { node { ...ProposalFields } } } }
`);

const ACCEPT_MUTATION = graphql(`
  mutation Accept($id: ID!, $e: ProposalEdit) { acceptProposal(id: $id, edit: $e) { ...ProposalFields } }
`);

const REJECT_MUTATION = graphql(`
  mutation Reject($id: ID!) { rejectProposal(id: $id) { ...ProposalFields } }
`);

/** A proposal as the review list shows it: the generated type of the fields asked for. */
export type ProposalView = ProposalFieldsFragment;

export type ImportView = ImportMutation['importDocument'];

/** Every call carries the tab's token (reads too: harmless, and one code path). */
const withToken = () => ({ token: token.get() });

export type DocumentFields = DocumentInput;

export async function importDocument(input: DocumentFields): Promise<ImportView> {
  return (await request(IMPORT_MUTATION, { d: input }, withToken())).importDocument;
}

export async function pendingProposals(documentId: string): Promise<ProposalView[]> {
  return (await request(PENDING_QUERY, { d: documentId }, withToken())).proposals.edges.map((edge) => edge.node);
}

/** The edit form's fields, as typed; the kind is text here and checked by the server (BAD_USER_INPUT). */
export type ProposalEdit = Partial<Record<'name' | 'entityKind' | 'title' | 'validFrom' | 'validTo' | 'fromId' | 'toId', string>>;

export async function acceptProposal(id: string, edit?: ProposalEdit): Promise<ProposalView> {
  return (await request(ACCEPT_MUTATION, { id, e: (edit ?? null) as ProposalEditInput | null }, withToken())).acceptProposal;
}

export async function rejectProposal(id: string): Promise<ProposalView> {
  return (await request(REJECT_MUTATION, { id }, withToken())).rejectProposal;
}
