/**
 * The page as the real server serves it (the built `dist/web` with the same strict CSP and headers),
 * with /graphql answered from synthetic scenes: the figures are the page's own work, not Neo4j's or the
 * network's. The answers keep the server's contract: a neighbourhood returns at most `limit` entities
 * narrowed by kinds, relationship types and direction, with `hidden` counting what it left out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { PAGE_HEADERS, WEB_DIST } from '../../server/src/http/server.js';
import { HUB_GROUPS, HUB_ID, HUB_NEIGHBOURS, hubNeighbourhood, type Graph } from './scenes.js';

export interface MockServer {
  url: string;
  /** What the overview query answers: the scene being measured. */
  setScene(graph: Graph): void;
  /** When true, the hub's neighbourhood answers with all 5,000 neighbours whatever the limit (a stress test). */
  setAllAtOnce(on: boolean): void;
  close(): Promise<void>;
}

interface Body {
  query: string;
  variables: { ids?: string[]; limit?: number; kinds?: string[]; relationshipTypes?: string[]; direction?: string };
}

export async function startMockServer(): Promise<MockServer> {
  let scene: Graph = { nodes: [], edges: [] };
  let allAtOnce = false;
  const hub = hubNeighbourhood();
  const serveStatic = sirv(WEB_DIST, { dev: false, etag: true, gzip: true, brotli: true, setHeaders: (res) => Object.entries(PAGE_HEADERS).forEach(([k, v]) => res.setHeader(k, v)) });

  const answer = (body: Body): unknown => {
    const op = /query (\w+)/.exec(body.query)?.[1];
    switch (op) {
      case 'Stats':
        return { stats: { entities: scene.nodes.length + HUB_NEIGHBOURS, relationships: scene.edges.length + HUB_NEIGHBOURS, documents: 0, evidence: 0 } };
      case 'Graph':
        return { graph: { nodes: scene.nodes, edges: scene.edges, hidden: [{ id: HUB_ID, count: HUB_NEIGHBOURS }], truncated: false } };
      case 'ExpansionPreview':
        return { expansionPreview: HUB_GROUPS.map((g) => ({ type: g.type, direction: g.direction, kind: g.kind, count: g.count })) };
      case 'Neighbourhood': {
        const v = body.variables;
        if (v.ids?.[0] !== HUB_ID) return { neighbourhood: { nodes: [], edges: [], hidden: [], truncated: false } };
        const matching = hub.filter(
          ({ group }) => allAtOnce || ((!v.kinds || v.kinds.includes(group.kind)) && (!v.relationshipTypes || v.relationshipTypes.includes(group.type)) && (!v.direction || v.direction === group.direction)),
        );
        const picked = allAtOnce ? matching : matching.slice(0, v.limit ?? 200);
        const hubNode = scene.nodes.find((n) => n.id === HUB_ID);
        const left = matching.length - picked.length;
        return {
          neighbourhood: {
            nodes: [...(hubNode ? [hubNode] : []), ...picked.map((p) => p.node)],
            edges: picked.map((p) => p.edge),
            hidden: left ? [{ id: HUB_ID, count: left }] : [],
            truncated: left > 0,
          },
        };
      }
      default:
        return null;
    }
  };

  const server: Server = createServer((req, res) => {
    if (req.url === '/graphql' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const data = answer(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data === null ? { errors: [{ message: 'not in the benchmark', extensions: { code: 'BAD_USER_INPUT' } }] } : { data }));
      });
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setScene: (graph) => {
      scene = graph;
    },
    setAllAtOnce: (on) => {
      allAtOnce = on;
    },
    // Keep-alive connections from the browser would hold close() open.
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
