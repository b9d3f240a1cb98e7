// `amaan graph <query>`: the graph queries from the command line, as JSON or a table. The operator on the server
// sees the whole graph; `--as <username>` answers as that user would see it (their cases only).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import type { ServiceContext } from '../../platform/context.ts';
import {
  centralQuery, communitiesQuery, componentsQuery, exportQuery, linkedCasesQuery, neighbourhoodQuery, pathQuery,
} from '../../modules/graph/graph.schema.ts';
import { graphCentral, graphCommunities, graphComponents, graphExport, graphLinkedCases, graphNeighbourhood, graphPath } from '../../modules/graph/graph.service.ts';

type Row = Record<string, string | number>;

function parse<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const r = schema.safeParse(clean);
  if (!r.success) throw new CliError(r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

function table(rows: Row[]): string {
  if (rows.length === 0) return '(none)\n';
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length))));
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  return [cols.map((c, i) => cut(c, width[i]!)).join('  '), ...rows.map((r) => cols.map((c, i) => cut(String(r[c] ?? ''), width[i]!)).join('  '))].join('\n') + '\n';
}

/** Runs as the operator, or as the named user (their view of the graph). */
async function asUser(ctx: ServiceContext, username: string | undefined): Promise<ServiceContext> {
  if (!username) return ctx;
  const u = await ctx.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'branch_id']).where('username', '=', username.toLowerCase()).executeTakeFirst();
  if (!u) throw new CliError(`no user ${username}`, 3);
  return { ...ctx, actor: { id: u.id, username: u.username, displayName: u.display_name, role: u.role, branchId: u.branch_id, ip: null, credential: { kind: 'system', id: null } } };
}

const filterOptions = (c: Command) =>
  c.option('--node-types <list>', 'only through these node types (person,entity,case,victim,operation,evidence,media,communication,hash_set)')
    .option('--edge-kinds <list>', 'only these edge kinds (uses,owns,paid,viewer,in_case,shares_media,...)')
    .option('--observed-from <iso>', 'only edges observed on or after (ISO date-time with offset)')
    .option('--observed-to <iso>', 'only edges observed on or before')
    .option('--as <username>', 'answer as this user would see it')
    .option('--json', 'print JSON (default: a table)');

interface Common { nodeTypes?: string; edgeKinds?: string; observedFrom?: string; observedTo?: string; as?: string; json?: boolean }
const filtersOf = (o: Common) => ({ nodeTypes: o.nodeTypes, edgeKinds: o.edgeKinds, observedFrom: o.observedFrom, observedTo: o.observedTo });

function print(o: Common, json: unknown, rows: () => Row[]): void {
  process.stdout.write(o.json ? `${JSON.stringify(json, null, 2)}\n` : table(rows()));
}

export function register(program: Command): void {
  const graph = program.command('graph').description('entity graph queries: neighbourhood, paths, networks, communities, key players, linked cases, export');

  filterOptions(graph.command('neighbourhood').description('nodes within n hops of a node').argument('<node>', 'node id <type>:<id>')
    .option('--hops <n>', 'hops (1-4)', '2').option('--limit <n>', 'at most this many nodes'))
    .action(async (node: string, o: Common & { hops?: string; limit?: string }) => {
      const q = parse(neighbourhoodQuery, { node, hops: o.hops, limit: o.limit, ...filtersOf(o) });
      await withPlatform(async (ctx) => {
        const r = await graphNeighbourhood(await asUser(ctx, o.as), q);
        print(o, r, () => r.nodes.map((n) => ({ depth: r.depth[n.id] ?? '', id: n.id, type: n.type, kind: n.kind ?? '', label: n.label })).sort((a, b) => Number(a.depth) - Number(b.depth)));
      });
    });

  filterOptions(graph.command('path').description('shortest paths between two nodes, with the record behind each hop').argument('<from>').argument('<to>')
    .option('--max-hops <n>', 'longest path looked for', '8').option('--limit <n>', 'paths at most', '5'))
    .action(async (from: string, to: string, o: Common & { maxHops?: string; limit?: string }) => {
      const q = parse(pathQuery, { from, to, maxHops: o.maxHops, limit: o.limit, ...filtersOf(o) });
      await withPlatform(async (ctx) => {
        const r = await graphPath(await asUser(ctx, o.as), q);
        const label = new Map(r.nodes.map((n) => [n.id, `${n.label} (${n.id})`]));
        const edge = new Map(r.edges.map((e) => [e.id, e]));
        print(o, r, () => r.paths.flatMap((p, i) => p.edges.map((e, h) => ({ path: i + 1, hop: h + 1, from: label.get(p.nodes[h]!)!, edge: edge.get(e)!.kind, to: label.get(p.nodes[h + 1]!)!, because: edge.get(e)!.justification.label }))));
        if (!o.json && r.length === null) process.stdout.write(`no path within ${q.maxHops} hops\n`);
      });
    });

  filterOptions(graph.command('components').description('networks (connected components), largest first')
    .option('--min-size <n>', 'smallest network shown', '2').option('--limit <n>', 'networks at most', '50'))
    .action(async (o: Common & { minSize?: string; limit?: string }) => {
      const q = parse(componentsQuery, { minSize: o.minSize, limit: o.limit, ...filtersOf(o) });
      await withPlatform(async (ctx) => {
        const r = await graphComponents(await asUser(ctx, o.as), q);
        print(o, r, () => r.items.map((c) => ({ network: c.index, nodes: c.size, edges: c.edgeCount, types: Object.entries(c.types).map(([k, v]) => `${k}:${v}`).join(' '), top: c.top.map((n) => n.label).join(', ') })));
      });
    });

  filterOptions(graph.command('communities').description('Louvain communities of the graph, or of the network of a node').option('--node <node>', 'the network of this node')
    .option('--resolution <r>', 'Louvain resolution', '1').option('--min-size <n>', 'smallest community shown', '2').option('--limit <n>', 'communities at most', '50').option('--seed <n>', 'random seed', '1'))
    .action(async (o: Common & { node?: string; resolution?: string; minSize?: string; limit?: string; seed?: string }) => {
      const q = parse(communitiesQuery, { node: o.node, resolution: o.resolution, minSize: o.minSize, limit: o.limit, seed: o.seed, ...filtersOf(o) });
      await withPlatform(async (ctx) => {
        const r = await graphCommunities(await asUser(ctx, o.as), q);
        print(o, r, () => r.items.map((c) => ({ community: c.community, nodes: c.size, types: Object.entries(c.types).map(([k, v]) => `${k}:${v}`).join(' '), top: c.top.map((n) => n.label).join(', ') })));
        if (!o.json) process.stdout.write(`modularity ${r.modularity.toFixed(4)} over ${r.nodeCount} nodes\n`);
      });
    });

  filterOptions(graph.command('central').description('key players by degree, betweenness or PageRank').option('--measure <m>', 'degree | betweenness | pagerank', 'betweenness')
    .option('--node <node>', 'within the network of this node').option('--hops <n>', 'within this many hops of --node').option('--rank-types <list>', 'rank only these node types').option('--limit <n>', 'how many', '20'))
    .action(async (o: Common & { measure?: string; node?: string; hops?: string; rankTypes?: string; limit?: string }) => {
      const q = parse(centralQuery, { measure: o.measure, node: o.node, hops: o.hops, rankTypes: o.rankTypes, limit: o.limit, ...filtersOf(o) });
      await withPlatform(async (ctx) => {
        const r = await graphCentral(await asUser(ctx, o.as), q);
        print(o, r, () => r.items.map((n, i) => ({ rank: i + 1, score: Number(n.score.toPrecision(4)), degree: n.degree, id: n.id, type: n.type, label: n.label })));
      });
    });

  filterOptions(graph.command('linked-cases').description('cases linked to a case, and through what').argument('<case>', 'case:<uuid> or the case uuid').option('--limit <n>', 'how many', '50'))
    .action(async (c: string, o: Common & { limit?: string }) => {
      const q = parse(linkedCasesQuery, { case: c.startsWith('case:') ? c : `case:${c}`, limit: o.limit, ...filtersOf(o) });
      await withPlatform(async (ctx) => {
        const r = await graphLinkedCases(await asUser(ctx, o.as), q);
        print(o, r, () => r.items.map((i) => ({ case: i.case.label, id: i.case.id, strength: i.strength, via: i.via.map((v) => (v.node ? `${v.node.type} ${v.node.label}` : v.edges.map((e) => e.justification.label).join('; '))).join(' | ') })));
      });
    });

  filterOptions(graph.command('export').description('a neighbourhood or network as GraphML, GEXF or JSON (audited)').argument('<node>')
    .option('--format <f>', 'graphml | gexf | json', 'json').option('--hops <n>', 'hops of the neighbourhood', '2').option('--component', 'the whole network of the node')
    .option('--limit <n>', 'at most this many nodes').requiredOption('--out <file>', 'file to write (created readable by you only)'))
    .action(async (node: string, o: Common & { format?: string; hops?: string; component?: boolean; limit?: string; out: string }) => {
      const q = parse(exportQuery, { node, format: o.format, hops: o.hops, component: o.component ? 'true' : undefined, limit: o.limit, ...filtersOf(o) });
      await withPlatform(async (ctx) => {
        const f = await graphExport(await asUser(ctx, o.as), q);
        try {
          writeFileSync(o.out, f.body, { mode: 0o600, flag: 'wx' });
        } catch (err) {
          throw new CliError(`cannot write ${o.out}: ${(err as Error).message}`);
        }
        process.stdout.write(`wrote ${f.nodes} nodes and ${f.edges} edges as ${q.format} to ${o.out}\n`);
      });
    });
}
