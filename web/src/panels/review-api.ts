import { ApiError, ClientErrorCode } from '../api/client.js';

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

export interface ProposalView {
  id: string;
  kind: 'ENTITY' | 'RELATIONSHIP';
  status: string;
  entityKind: string | null;
  name: string | null;
  type: string | null;
  title: string | null;
  from: { name: string; entity: { id: string } | null } | null;
  to: { name: string; entity: { id: string } | null } | null;
  confidence: number;
  quote: string;
  start: number;
  end: number;
  context: string;
  contextStart: number;
  validFrom: string | null;
  validTo: string | null;
  duplicateOf: { id: string; name: string } | null;
  writtenId: string | null;
}

const PROPOSAL_FIELDS = `id kind status entityKind name type title confidence quote start end context contextStart validFrom validTo writtenId
  from { name entity { id } } to { name entity { id } } duplicateOf { id name }`;

export interface ImportView {
  unchanged: boolean;
  document: { id: string; title: string };
  mentions: { quote: string }[];
  proposals: ProposalView[];
}

async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (token.get()) headers.authorization = `Bearer ${token.get()}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    throw new ApiError(`Cannot reach the server (${error instanceof Error ? error.message : String(error)}).`, ClientErrorCode.NETWORK_ERROR);
  }
  const body = (await response.json().catch(() => undefined)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? ClientErrorCode.INTERNAL, response.status);
  if (!response.ok || !body?.data) throw new ApiError(`The server answered ${response.status}.`, ClientErrorCode.HTTP_ERROR, response.status);
  return body.data;
}

export interface DocumentFields {
  title: string;
  text: string;
  publishedAt?: string;
  source?: string;
  language?: string;
}

export async function importDocument(input: DocumentFields): Promise<ImportView> {
  const data = await call<{ importDocument: ImportView }>(
    `mutation Import($d: DocumentInput!) { importDocument(input: $d) { unchanged document { id title } mentions { quote } proposals { ${PROPOSAL_FIELDS} } } }`,
    { d: input },
  );
  return data.importDocument;
}

export async function pendingProposals(documentId: string): Promise<ProposalView[]> {
  const data = await call<{ proposals: { edges: { node: ProposalView }[] } }>(
    `query Pending($d: ID!) { proposals(documentId: $d, first: 200) { edges { node { ${PROPOSAL_FIELDS} } } } }`,
    { d: documentId },
  );
  return data.proposals.edges.map((edge) => edge.node);
}

export type ProposalEdit = Partial<Record<'name' | 'entityKind' | 'title' | 'validFrom' | 'validTo' | 'fromId' | 'toId', string>>;

export async function acceptProposal(id: string, edit?: ProposalEdit): Promise<ProposalView> {
  const data = await call<{ acceptProposal: ProposalView }>(
    `mutation Accept($id: ID!, $e: ProposalEdit) { acceptProposal(id: $id, edit: $e) { ${PROPOSAL_FIELDS} } }`,
    { id, e: edit ?? null },
  );
  return data.acceptProposal;
}

export async function rejectProposal(id: string): Promise<ProposalView> {
  const data = await call<{ rejectProposal: ProposalView }>(`mutation Reject($id: ID!) { rejectProposal(id: $id) { ${PROPOSAL_FIELDS} } }`, { id });
  return data.rejectProposal;
}
