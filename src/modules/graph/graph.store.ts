import { MultiUndirectedGraph } from 'graphology';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { GraphEdgeKind, GraphNodeType } from './graph.schema.ts';
import { Adjacency } from './graph.adjacency.ts';

// The entity graph in memory (issue 9): one graphology multigraph per process, built from the database and kept
// current from the change log that migration 0016's triggers write (graph_changes). Every query first applies the
// changes after the last one this process applied, so several server processes and the CLI all answer from
// current records without restart. Applying a change re-reads the changed record and what hangs off it, so
// applying one twice is harmless (the reader re-reads a short window until older transactions have ended).
//
// Nodes are `<type>:<id>`; edges carry the case ids they come from (the record's case, and the case of every
// case-owned end: a case, operation, evidence item, media file or communication) and the record that justifies
// them. Who may see what is decided per query over these attributes (graph.access.ts); nothing here filters.

export type AttrValue = string | number | boolean | null;

export interface NodeAttrs {
  type: GraphNodeType;
  label: string;
  kind?: string;
  /** The case owning the record (case, operation, evidence, media, communication), for access. */
  owner?: string;
  /** Person/entity: the user who recorded it (they may always see it). */
  createdBy?: string | null;
  attrs: Record<string, AttrValue>;
  /** The node's number in the compact adjacency being built (graph.adjacency.ts); read only while building it. */
  ix?: number;
}

export interface EdgeAttrs {
  kind: GraphEdgeKind;
  /** Sorted, distinct. Empty: a link recorded outside any case (visible by the no-case rules). */
  caseIds: string[];
  jType: 'link' | 'payment' | 'communication' | 'case_person' | 'case_victim' | 'media_match';
  jId: string;
  jLabel: string;
  /** Observed period, epoch ms (null: undated). */
  from: number | null;
  to: number | null;
  confidence: number;
  recordedBy: string | null;
  /** The edge's direction as recorded: source node id (graphology keeps the ends, the graph is undirected). */
  source: string;
  attrs?: Record<string, AttrValue>;
  /** The edge's number in the compact adjacency built last (graph.adjacency.ts); -1 before. */
  ix: number;
}

export type StoreGraph = MultiUndirectedGraph<NodeAttrs, EdgeAttrs>;

const EMPTY: string[] = [];
const PAGE = 20_000;
const CHUNK = 2_000;
/** More pending changes than this: rebuild rather than apply one by one. */
const REBUILD_ABOVE = 50_000;
/** Change-log rows older than this are pruned (a process further behind rebuilds). */
const KEEP_CHANGES_MS = 24 * 3600_000;

const ms = (d: Date | string | null | undefined): number | null => (d == null ? null : new Date(d).getTime());
const day = (d: Date | string | null | undefined) => (d == null ? '' : new Date(d).toISOString().slice(0, 10));
const caseOwnedTypes = new Set<GraphNodeType>(['case', 'operation', 'evidence', 'media', 'communication']);

export class GraphStore {
  graph: StoreGraph = new MultiUndirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });
  /** Edge keys per case id, for "what does this case touch" (linked cases) and for visible projections. */
  readonly edgesByCase = new Map<string, Set<string>>();
  /** Bumped on every change applied: caches of derived graphs key on it. */
  version = 0;
  builtAt = 0;
  /** Every change with seq <= safe has been applied; rows above are re-read until older transactions end. */
  private safe = 0;
  /** Highest seq applied, and the xmin of the snapshot it was read under: a row at or below `applied` written by a
   * transaction older than that xmin was visible then, so it has been applied already. */
  private applied = 0;
  private lastXmin = 0n;
  private pending: Array<{ seenUpTo: number; xmax: bigint }> = [];
  private refreshing: Promise<void> | null = null;
  private lastPrune = 0;
  /** Derived graphs computed from this version (projections per access view), dropped on change. */
  readonly cache = new Map<string, unknown>();
  /** A whole rebuild is reading the tables: edges are new (no drop first) and cases, persons, entities and
   * communications are all loaded (no look-up of a missing end). */
  private building = false;
  /** Shared strings and one-case arrays while building (every edge of a case holds the same array). */
  private readonly interned = new Map<string, string>();
  private readonly caseArrays = new Map<string, string[]>();
  /** The compact adjacency for traversals (built on first use; see `adjacency()`). */
  private adj: Adjacency | null = null;

  /**
   * The compact adjacency of the current graph. Changes applied since it was built mark the changed nodes, whose
   * rows are then read from graphology; past a share of dirty nodes it is built afresh (`fresh`: whenever any).
   */
  adjacency(fresh = false): Adjacency {
    const a = this.adj;
    if (a && (fresh ? a.dirtyCount === 0 && a.size === a.rows : a.dirtyCount <= Math.max(1000, a.rows / 20) && a.size - a.rows <= Math.max(1000, a.rows / 20))) return a;
    this.adj = null;
    this.adj = Adjacency.build(this.graph);
    return this.adj;
  }

  /** Keeps a derived graph for this version; a few at most (each view's projection can be large). */
  remember(key: string, value: unknown): void {
    if (this.cache.size >= 16) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, value);
  }

  constructor(private readonly db: Db) {}

  /** Applies the changes recorded since the last call (or builds the graph on first use). One at a time. */
  async refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.refreshing = this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    if (this.builtAt === 0) return this.rebuild();
    const horizon = await this.db.selectFrom('graph_change_horizon').select('pruned_below').executeTakeFirst();
    if (horizon && Number(horizon.pruned_below) > this.safe + 1) return this.rebuild();
    const snap = await sql<{ xmin: string; xmax: string }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`.execute(this.db);
    const xmin = BigInt(snap.rows[0]!.xmin);
    const xmax = BigInt(snap.rows[0]!.xmax);
    const count = await this.db.selectFrom('graph_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('seq', '>', this.applied).executeTakeFirstOrThrow();
    if (Number(count.n) > REBUILD_ABOVE) return this.rebuild();
    const lastXmin = this.lastXmin.toString();
    const rows = await this.db.selectFrom('graph_changes').select(['seq', 'tbl', 'key']).where('seq', '>', this.safe)
      .where((eb) => eb.or([eb('seq', '>', this.applied), eb(sql`tx`, '>=', sql`${lastXmin}::xid8`)]))
      .orderBy('seq').execute();
    let maxSeen = this.safe;
    const byTable = new Map<string, Set<string>>();
    for (const r of rows) {
      maxSeen = Math.max(maxSeen, Number(r.seq));
      if (r.key === '*') return this.rebuild();
      let set = byTable.get(r.tbl);
      if (!set) byTable.set(r.tbl, (set = new Set()));
      set.add(r.key);
    }
    if (byTable.size > 0) await this.apply(byTable);
    this.applied = Math.max(this.applied, maxSeen);
    this.lastXmin = xmin;
    // Rows up to maxSeen are final once every transaction running now has ended (xmin passes this xmax).
    this.pending.push({ seenUpTo: maxSeen, xmax });
    while (this.pending.length > 0 && this.pending[0]!.xmax <= xmin) this.safe = Math.max(this.safe, this.pending.shift()!.seenUpTo);
    if (this.pending.length > 64) this.pending.splice(0, this.pending.length - 64);
    await this.maybePrune();
  }

  private async maybePrune(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 3600_000) return;
    this.lastPrune = now;
    const cutoff = new Date(now - KEEP_CHANGES_MS);
    const last = await this.db.selectFrom('graph_changes').select((eb) => eb.fn.max('seq').as('seq')).where('at', '<', cutoff).executeTakeFirst();
    const below = last?.seq == null ? 0 : Number(last.seq);
    if (below <= 0) return;
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('graph_change_horizon').set({ pruned_below: below }).where('pruned_below', '<', below).execute();
      await tx.deleteFrom('graph_changes').where('seq', '<=', below).execute();
    });
  }

  /** Builds the whole graph from the database. */
  async rebuild(): Promise<void> {
    const last = await this.db.selectFrom('graph_changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const snap = await sql<{ xmin: string; xmax: string }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`.execute(this.db);
    this.graph = new MultiUndirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });
    this.edgesByCase.clear();
    this.cache.clear();
    this.adj = null;
    // Seq read before the data: a change after it is applied again next time (harmless).
    const startSeq = last?.seq == null ? 0 : Number(last.seq);
    this.building = true;
    try {
      await this.loadNodes('cases');
      await this.loadNodes('persons');
      await this.loadNodes('entities');
      await this.loadNodes('communications');
      await this.loadLinks();
      await this.loadPayments();
      await this.loadParticipants();
      await this.loadCasePersons();
      await this.loadCaseVictims();
      await this.loadMediaMatches();
    } finally {
      this.building = false;
      this.interned.clear();
    }
    this.safe = 0;
    this.applied = startSeq;
    this.lastXmin = BigInt(snap.rows[0]!.xmin);
    this.pending = [{ seenUpTo: startSeq, xmax: BigInt(snap.rows[0]!.xmax) }];
    if (BigInt(snap.rows[0]!.xmin) >= BigInt(snap.rows[0]!.xmax)) this.safe = startSeq;
    this.builtAt = Date.now();
    this.version++;
  }

  // ---- nodes ----

  private setNode(id: string, attrs: NodeAttrs): void {
    if (this.building) this.graph.addNode(id, attrs);
    else if (this.graph.hasNode(id)) this.graph.replaceNodeAttributes(id, attrs);
    else this.graph.addNode(id, attrs);
  }

  private async loadNodes(table: 'cases' | 'persons' | 'entities' | 'communications' | 'victims' | 'operations' | 'evidence_items' | 'hash_sets', ids?: string[]): Promise<void> {
    if (ids && ids.length === 0) return;
    if (ids && ids.length > CHUNK) {
      for (let i = 0; i < ids.length; i += CHUNK) await this.loadNodes(table, ids.slice(i, i + CHUNK));
      return;
    }
    const found = new Set<string>();
    let after = '';
    for (;;) {
      const rows = await this.nodeRows(table, ids, after);
      for (const { id, attrs } of rows) {
        found.add(id);
        this.setNode(id, attrs);
      }
      if (ids || rows.length < PAGE) break;
      after = rows[rows.length - 1]!.raw;
    }
    if (ids) {
      const type = nodeTypeOf[table];
      for (const raw of ids) {
        const id = `${type}:${raw}`;
        if (found.has(id) || !this.graph.hasNode(id)) continue;
        for (const e of this.graph.edges(id)) this.dropEdge(e);
        this.adj?.touch(id);
        this.graph.dropNode(id);
      }
    }
  }

  private async nodeRows(table: string, ids: string[] | undefined, after: string): Promise<Array<{ id: string; raw: string; attrs: NodeAttrs }>> {
    switch (table) {
      case 'cases': {
        let q = this.db.selectFrom('cases').select(['id', 'title', 'status', 'branch_id', 'fir_number', 'fir_year']).orderBy('id').limit(PAGE);
        q = ids ? q.where('id', 'in', ids) : q.where('id', '>', after || '00000000-0000-0000-0000-000000000000');
        return (await q.execute()).map((r) => ({
          id: `case:${r.id}`, raw: r.id,
          attrs: { type: 'case', label: r.fir_number !== null ? `FIR ${r.fir_number}/${r.fir_year} ${r.title}` : r.title, kind: r.status, owner: r.id, attrs: { branchId: r.branch_id, firNumber: r.fir_number, firYear: r.fir_year } },
        }));
      }
      case 'persons': {
        let q = this.db.selectFrom('persons').select(['id', 'display_name', 'created_by']).orderBy('id').limit(PAGE);
        q = ids ? q.where('id', 'in', ids) : q.where('id', '>', after || '00000000-0000-0000-0000-000000000000');
        return (await q.execute()).map((r) => ({ id: `person:${r.id}`, raw: r.id, attrs: { type: 'person', label: r.display_name, createdBy: r.created_by, attrs: {} } }));
      }
      case 'entities': {
        let q = this.db.selectFrom('entities').select(['id', 'kind', 'display', 'platform', 'created_by']).orderBy('id').limit(PAGE);
        q = ids ? q.where('id', 'in', ids) : q.where('id', '>', after || '00000000-0000-0000-0000-000000000000');
        return (await q.execute()).map((r) => ({ id: `entity:${r.id}`, raw: r.id, attrs: { type: 'entity', label: r.display, kind: r.kind, createdBy: r.created_by, attrs: { platform: r.platform } } }));
      }
      case 'communications': {
        let q = this.db.selectFrom('communications').select(['id', 'case_id', 'kind', 'platform', 'started_at', 'ended_at']).orderBy('id').limit(PAGE);
        q = ids ? q.where('id', 'in', ids) : q.where('id', '>', after || '00000000-0000-0000-0000-000000000000');
        return (await q.execute()).map((r) => ({
          id: `communication:${r.id}`, raw: r.id,
          attrs: { type: 'communication', label: `${r.kind.replace('_', ' ')}${r.platform ? ` on ${r.platform}` : ''} ${day(r.started_at)}`, kind: r.kind, owner: r.case_id, attrs: { platform: r.platform, startedAt: iso(r.started_at), endedAt: iso(r.ended_at) } },
        }));
      }
      case 'victims': {
        // Pseudonym only: the identity lives elsewhere, encrypted, and is never read here.
        const rows = await this.db.selectFrom('victims').select(['id', 'pseudonym', 'state']).where('id', 'in', ids!).execute();
        return rows.map((r) => ({ id: `victim:${r.id}`, raw: r.id, attrs: { type: 'victim', label: r.pseudonym, kind: r.state, attrs: {} } }));
      }
      case 'operations': {
        const rows = await this.db.selectFrom('operations').select(['id', 'case_id', 'name', 'status', 'planned_for']).where('id', 'in', ids!).execute();
        return rows.map((r) => ({ id: `operation:${r.id}`, raw: r.id, attrs: { type: 'operation', label: r.name, kind: r.status, owner: r.case_id, attrs: { plannedFor: iso(r.planned_for) } } }));
      }
      case 'evidence_items': {
        const rows = await this.db.selectFrom('evidence_items').select(['id', 'case_id', 'label', 'kind']).where('id', 'in', ids!).execute();
        return rows.map((r) => ({ id: `evidence:${r.id}`, raw: r.id, attrs: { type: 'evidence', label: r.label, kind: r.kind, owner: r.case_id, attrs: {} } }));
      }
      case 'hash_sets': {
        const rows = await this.db.selectFrom('hash_sets').select(['id', 'name', 'source', 'category_scheme']).where('id', 'in', ids!).execute();
        return rows.map((r) => ({ id: `hash_set:${r.id}`, raw: r.id, attrs: { type: 'hash_set', label: r.name, kind: r.category_scheme, attrs: { source: r.source } } }));
      }
      default:
        throw new Error(`no node table ${table}`);
    }
  }

  private async loadMedia(ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db.selectFrom('media_files').select(['id', 'case_id', 'media_kind', 'mime']).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
      // Never the file's path or content: a media node is its number and kind.
      for (const r of rows) this.setNode(`media:${r.id}`, { type: 'media', label: `media ${r.id} (${r.media_kind})`, kind: r.media_kind, owner: r.case_id, attrs: { mime: r.mime } });
    }
  }

  /** Makes sure the ends of edges about to be added exist (loads victims, operations, evidence, media, hash sets). */
  private async ensureNodes(ids: Iterable<string>): Promise<void> {
    const missing = new Map<string, string[]>();
    for (const id of ids) {
      if (this.building && alwaysLoaded(id)) continue;
      if (this.graph.hasNode(id)) continue;
      const i = id.indexOf(':');
      const type = id.slice(0, i);
      let list = missing.get(type);
      if (!list) missing.set(type, (list = []));
      list.push(id.slice(i + 1));
    }
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    for (const [type, raw] of missing) {
      if (type === 'media') {
        await this.loadMedia(raw.filter((r) => /^\d{1,15}$/.test(r)).map(Number));
        continue;
      }
      const table = tableOfType[type as GraphNodeType];
      if (table) await this.loadNodes(table, raw.filter((r) => uuid.test(r)));
    }
  }

  // ---- edges ----

  private caseIdsFor(recordCase: string | null, a: string, b: string): string[] {
    if (!caseOwnedId(a) && !caseOwnedId(b)) {
      if (recordCase === null) return EMPTY;
      let arr = this.caseArrays.get(recordCase);
      if (!arr) this.caseArrays.set(recordCase, (arr = [recordCase]));
      return arr;
    }
    const set = new Set<string>();
    if (recordCase) set.add(recordCase);
    for (const n of [a, b]) {
      if (!this.graph.hasNode(n)) continue;
      const attrs = this.graph.getNodeAttributes(n);
      if (caseOwnedTypes.has(attrs.type) && attrs.owner) set.add(attrs.owner);
    }
    return set.size === 0 ? EMPTY : [...set].sort();
  }

  /** One string object for repeated values (kinds, users) while building. */
  private intern(x: string): string;
  private intern(x: string | null): string | null;
  private intern(x: string | null): string | null {
    if (x === null || !this.building) return x;
    const y = this.interned.get(x);
    if (y !== undefined) return y;
    if (this.interned.size < 10_000) this.interned.set(x, x);
    return x;
  }

  private putEdge(key: string, a: string, b: string, attrs: Omit<EdgeAttrs, 'caseIds' | 'source' | 'ix'> & { recordCase: string | null }): void {
    if (!this.building) this.dropEdge(key);
    // An end that no longer exists: no edge (at a rebuild graphology's own look-up says so, below).
    if (a === b || (!this.building && (!this.graph.hasNode(a) || !this.graph.hasNode(b)))) return;
    const caseIds = this.caseIdsFor(attrs.recordCase, a, b);
    // Every edge's attributes in one shape, written out (no spread: millions of edges at a rebuild).
    const edge: EdgeAttrs = {
      kind: attrs.kind, caseIds, jType: attrs.jType, jId: attrs.jId, jLabel: attrs.jLabel, from: attrs.from, to: attrs.to,
      confidence: attrs.confidence, recordedBy: attrs.recordedBy, source: a, attrs: attrs.attrs, ix: -1,
    };
    if (edge.attrs === undefined) delete edge.attrs;
    if (this.building) {
      try {
        this.graph.addEdgeWithKey(key, a, b, edge);
      } catch (e) {
        if (e instanceof Error && e.name === 'NotFoundGraphError') return;
        throw e;
      }
    } else {
      this.graph.addEdgeWithKey(key, a, b, edge);
    }
    if (this.adj) {
      this.adj.touch(a);
      this.adj.touch(b);
    }
    for (const c of caseIds) {
      let set = this.edgesByCase.get(c);
      if (!set) this.edgesByCase.set(c, (set = new Set()));
      set.add(key);
    }
  }

  private dropEdge(key: string): void {
    if (!this.graph.hasEdge(key)) return;
    for (const c of this.graph.getEdgeAttribute(key, 'caseIds')) this.edgesByCase.get(c)?.delete(key);
    if (this.adj) for (const n of this.graph.extremities(key)) this.adj.touch(n);
    this.graph.dropEdge(key);
  }

  private async loadLinks(ids?: string[]): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Ends, times and confidence shaped by the database (no per-row concatenation or date parsing here).
      let q = this.db.selectFrom('links').select(['id', 'kind', 'from_type', 'to_type', 'case_id', 'source_type', 'source_id', 'recorded_by',
        sql<string>`links.from_type || ':' || links.from_id`.as('a'), sql<string>`links.to_type || ':' || links.to_id`.as('b'),
        sql<number | null>`floor(extract(epoch from links.observed_from) * 1000)::float8`.as('t0'), sql<number | null>`floor(extract(epoch from links.observed_to) * 1000)::float8`.as('t1'),
        sql<number>`links.confidence::float8`.as('conf')]).orderBy('id').limit(PAGE);
      q = ids ? q.where('id', 'in', ids) : q.where('id', '>', after);
      const rows = await q.execute();
      await this.ensureNodes(rows.flatMap((r) => [r.a, r.b]));
      for (const r of rows) {
        // A payment or a communication also writes mirror links (entity.service.ts: the payer --paid--> payee,
        // each participant --role--> the communication) so that lists of links show it; the graph reads those
        // records themselves (loadPayments, loadParticipants): one edge per fact, not two. Other links that cite
        // a communication as their source (two accounts that messaged each other) are facts of their own.
        const mirror = (r.source_type === 'payment' && r.kind === 'paid')
          || (r.source_type === 'communication' && (r.to_type === 'communication' || r.from_type === 'communication'));
        if (mirror) {
          this.dropEdge(`link:${r.id}`);
          continue;
        }
        const kind = this.intern(r.kind) as typeof r.kind;
        // The label is made when the edge is shown (edgeLabel): one string less per link in memory.
        this.putEdge(`link:${r.id}`, r.a, r.b, {
          kind, recordCase: r.case_id, jType: 'link', jId: r.id, jLabel: '',
          from: r.t0 === null ? null : Number(r.t0), to: r.t1 === null ? null : Number(r.t1), confidence: Number(r.conf), recordedBy: this.intern(r.recorded_by),
          attrs: { sourceType: this.intern(r.source_type), sourceId: r.source_id },
        });
      }
      if (ids || rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
  }

  private async loadPayments(ids?: string[]): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      let q = this.db.selectFrom('payments').select(['id', 'case_id', 'from_entity_id', 'to_entity_id', 'amount', 'currency', 'paid_at', 'reference', 'evidence_id', 'recorded_by']).orderBy('id').limit(PAGE);
      q = ids ? q.where('id', 'in', ids) : q.where('id', '>', after);
      const rows = await q.execute();
      await this.ensureNodes(rows.flatMap((r) => [`entity:${r.from_entity_id}`, `entity:${r.to_entity_id}`]));
      for (const r of rows) {
        const at = ms(r.paid_at);
        this.putEdge(`payment:${r.id}`, `entity:${r.from_entity_id}`, `entity:${r.to_entity_id}`, {
          kind: 'paid', recordCase: r.case_id, jType: 'payment', jId: r.id, jLabel: `payment ${Number(r.amount)} ${r.currency} on ${day(r.paid_at)}${r.reference ? ` ref ${r.reference.slice(0, 40)}` : ''}`,
          from: at, to: at, confidence: 1, recordedBy: r.recorded_by, attrs: { amount: Number(r.amount), currency: r.currency, evidenceId: r.evidence_id },
        });
      }
      if (ids || rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Participants of the given communications (all when undefined): entity --role--> communication. */
  private async loadParticipants(commIds?: string[]): Promise<void> {
    if (commIds) {
      for (const c of commIds) {
        const node = `communication:${c}`;
        if (!this.graph.hasNode(node)) continue;
        for (const e of this.graph.edges(node)) if (this.graph.getEdgeAttribute(e, 'jType') === 'communication') this.dropEdge(e);
      }
    }
    let after = '';
    for (;;) {
      let q = this.db.selectFrom('communication_participants').innerJoin('communications', 'communications.id', 'communication_participants.communication_id')
        .select(['communication_participants.communication_id as cid', 'communication_participants.entity_id', 'communication_participants.role', 'communications.case_id', 'communications.kind', 'communications.started_at', 'communications.ended_at', 'communications.evidence_id', 'communications.recorded_by'])
        .orderBy('communication_participants.communication_id').orderBy('communication_participants.entity_id').orderBy('communication_participants.role').limit(PAGE);
      if (commIds) q = q.where('communication_participants.communication_id', 'in', commIds);
      else if (after) q = q.where(sql<boolean>`(communication_participants.communication_id::text || ':' || communication_participants.entity_id::text || ':' || communication_participants.role) > ${after}`);
      const rows = await q.execute();
      await this.ensureNodes(rows.flatMap((r) => [`entity:${r.entity_id}`, `communication:${r.cid}`]));
      for (const r of rows) {
        this.putEdge(`part:${r.cid}:${r.entity_id}:${r.role}`, `entity:${r.entity_id}`, `communication:${r.cid}`, {
          kind: r.role, recordCase: r.case_id, jType: 'communication', jId: r.cid, jLabel: `${r.role} of ${r.kind.replace('_', ' ')} on ${day(r.started_at)}`,
          from: ms(r.started_at), to: ms(r.ended_at) ?? ms(r.started_at), confidence: 1, recordedBy: r.recorded_by,
          attrs: { evidenceId: r.evidence_id },
        });
      }
      if (commIds || rows.length < PAGE) break;
      const l = rows[rows.length - 1]!;
      after = `${l.cid}:${l.entity_id}:${l.role}`;
    }
  }

  private async loadCasePersons(pairs?: Array<[string, string]>): Promise<void> {
    const rows = pairs
      ? (await Promise.all(pairs.map(([c, p]) => this.db.selectFrom('case_persons').select(['case_id', 'person_id', 'role', 'accused_status', 'added_at']).where('case_id', '=', c).where('person_id', '=', p).execute()))).flat()
      : await this.db.selectFrom('case_persons').select(['case_id', 'person_id', 'role', 'accused_status', 'added_at']).execute();
    if (pairs) for (const [c, p] of pairs) this.dropEdge(`cp:${c}:${p}`);
    for (const r of rows) {
      this.putEdge(`cp:${r.case_id}:${r.person_id}`, `person:${r.person_id}`, `case:${r.case_id}`, {
        kind: 'in_case', recordCase: r.case_id, jType: 'case_person', jId: `${r.case_id}:${r.person_id}`, jLabel: `${r.role.replace('_', ' ')} in the case${r.accused_status ? ` (${r.accused_status.replace('_', ' ')})` : ''}`,
        from: null, to: null, confidence: 1, recordedBy: null, attrs: { role: r.role, accusedStatus: r.accused_status },
      });
    }
  }

  private async loadCaseVictims(pairs?: Array<[string, string]>): Promise<void> {
    const rows = pairs
      ? (await Promise.all(pairs.map(([c, v]) => this.db.selectFrom('case_victims').select(['case_id', 'victim_id']).where('case_id', '=', c).where('victim_id', '=', v).execute()))).flat()
      : await this.db.selectFrom('case_victims').select(['case_id', 'victim_id']).execute();
    if (pairs) for (const [c, v] of pairs) this.dropEdge(`cv:${c}:${v}`);
    await this.ensureNodes(rows.map((r) => `victim:${r.victim_id}`));
    for (const r of rows) {
      this.putEdge(`cv:${r.case_id}:${r.victim_id}`, `victim:${r.victim_id}`, `case:${r.case_id}`, {
        kind: 'victim_in', recordCase: r.case_id, jType: 'case_victim', jId: `${r.case_id}:${r.victim_id}`, jLabel: 'victim in the case (by pseudonym)',
        from: null, to: null, confidence: 1, recordedBy: null,
      });
    }
  }

  /**
   * Media matches as case-level edges: the same media in two cases (case --shares_media--> case, one per match),
   * and a case's files matching a hash set (case --matches_known--> hash set, one per case and set, counted).
   * `mediaFileIds`: re-read the matches of these files (and recount their cases' hash-set edges).
   */
  private async loadMediaMatches(mediaFileIds?: number[]): Promise<void> {
    let cases: string[] | undefined;
    if (mediaFileIds) {
      if (mediaFileIds.length === 0) return;
      const owners = await this.db.selectFrom('media_files').select(['id', 'case_id']).where('id', 'in', mediaFileIds).execute();
      cases = [...new Set(owners.map((o) => o.case_id))];
      const files = new Set(mediaFileIds);
      for (const c of cases) {
        const node = `case:${c}`;
        if (!this.graph.hasNode(node)) continue;
        for (const e of this.graph.edges(node)) {
          const a = this.graph.getEdgeAttributes(e);
          if (a.kind === 'matches_known' || (a.kind === 'shares_media' && files.has(Number(a.attrs?.mediaFileId)))) this.dropEdge(e);
        }
      }
      // Deleted files (a case deleted): their edges go with the case node.
    }
    let q = this.db.selectFrom('media_matches').innerJoin('media_files as a', 'a.id', 'media_matches.media_file_id').innerJoin('media_files as b', 'b.id', 'media_matches.other_media_file_id')
      .select(['media_matches.id', 'media_matches.media_file_id', 'media_matches.other_media_file_id', 'media_matches.match_type', 'media_matches.distance', 'a.case_id as case_a', 'b.case_id as case_b'])
      .whereRef('a.case_id', '<>', 'b.case_id');
    if (mediaFileIds) q = q.where('media_matches.media_file_id', 'in', mediaFileIds);
    for (const r of await q.execute()) {
      this.putEdge(`mm:${r.id}`, `case:${r.case_a}`, `case:${r.case_b}`, {
        kind: 'shares_media', recordCase: null, jType: 'media_match', jId: String(r.id), jLabel: `same media (${r.match_type}${r.distance ? `, distance ${r.distance}` : ''}): media ${r.media_file_id} and media ${r.other_media_file_id}`,
        from: null, to: null, confidence: r.match_type === 'pdq' || r.match_type === 'vpdq' ? 0.9 : 1, recordedBy: null,
        attrs: { mediaFileId: r.media_file_id, otherMediaFileId: r.other_media_file_id, matchType: r.match_type },
      });
    }
    let k = this.db.selectFrom('media_matches').innerJoin('media_files', 'media_files.id', 'media_matches.media_file_id').innerJoin('hash_set_entries', 'hash_set_entries.id', 'media_matches.hash_set_entry_id')
      .select((eb) => ['media_files.case_id', 'hash_set_entries.hash_set_id', eb.fn.count<number>('media_matches.media_file_id').distinct().as('files'), eb.fn.min('media_matches.id').as('first')])
      .groupBy(['media_files.case_id', 'hash_set_entries.hash_set_id']);
    if (cases) k = k.where('media_files.case_id', 'in', cases);
    const known = await k.execute();
    await this.ensureNodes(known.map((r) => `hash_set:${r.hash_set_id}`));
    for (const r of known) {
      const files = Number(r.files);
      const name = this.graph.hasNode(`hash_set:${r.hash_set_id}`) ? this.graph.getNodeAttribute(`hash_set:${r.hash_set_id}`, 'label') : 'a hash set';
      this.putEdge(`known:${r.case_id}:${r.hash_set_id}`, `case:${r.case_id}`, `hash_set:${r.hash_set_id}`, {
        kind: 'matches_known', recordCase: r.case_id, jType: 'media_match', jId: String(r.first), jLabel: `${files} file${files === 1 ? '' : 's'} match known material in ${name}`,
        from: null, to: null, confidence: 1, recordedBy: null, attrs: { files },
      });
    }
  }

  // ---- applying changes ----

  private async apply(byTable: Map<string, Set<string>>): Promise<void> {
    const keys = (t: string) => [...(byTable.get(t) ?? [])];
    // Nodes first (an edge needs its ends), then the edges that hang off them.
    for (const t of ['cases', 'persons', 'entities', 'communications', 'victims', 'operations', 'evidence_items', 'hash_sets'] as const) {
      const ids = keys(t);
      if (ids.length === 0) continue;
      const type = nodeTypeOf[t];
      // Only nodes already in the graph or always kept (cases, persons, entities, communications) are re-read.
      const wanted = t === 'cases' || t === 'persons' || t === 'entities' || t === 'communications' ? ids : ids.filter((id) => this.graph.hasNode(`${type}:${id}`));
      const before = new Set(wanted.filter((id) => this.graph.hasNode(`${type}:${id}`)));
      await this.loadNodes(t, wanted);
      // A node whose owner or label changed: its edges' case ids follow the owner.
      for (const id of before) if (this.graph.hasNode(`${type}:${id}`) && caseOwnedTypes.has(type)) await this.reloadEdgesOf(`${type}:${id}`);
    }
    const linkIds = keys('links');
    for (const id of linkIds) this.dropEdge(`link:${id}`);
    for (let i = 0; i < linkIds.length; i += CHUNK) await this.loadLinks(linkIds.slice(i, i + CHUNK));
    const payIds = keys('payments');
    for (const id of payIds) this.dropEdge(`payment:${id}`);
    for (let i = 0; i < payIds.length; i += CHUNK) await this.loadPayments(payIds.slice(i, i + CHUNK));
    const comms = [...new Set([...keys('communication_participants'), ...keys('communications')])];
    for (let i = 0; i < comms.length; i += CHUNK) await this.loadParticipants(comms.slice(i, i + CHUNK));
    const pairs = (t: string) => keys(t).map((k) => k.split(':') as [string, string]).filter((p) => p.length === 2);
    await this.loadCasePersons(pairs('case_persons'));
    await this.loadCaseVictims(pairs('case_victims'));
    // In chunks: a file matched in thousands of others must stay under the bind-parameter limit.
    const files = keys('media_matches').map(Number).filter(Number.isFinite);
    for (let i = 0; i < files.length; i += CHUNK) await this.loadMediaMatches(files.slice(i, i + CHUNK));
    this.cache.clear();
    this.version++;
  }

  /** Re-reads the records behind every edge of a node (its case ids may have changed). */
  private async reloadEdgesOf(node: string): Promise<void> {
    const links: string[] = [];
    const payments: string[] = [];
    const comms = new Set<string>();
    for (const e of this.graph.edges(node)) {
      const a = this.graph.getEdgeAttributes(e);
      if (a.jType === 'link') links.push(a.jId);
      else if (a.jType === 'payment') payments.push(a.jId);
      else if (a.jType === 'communication') comms.add(a.jId);
    }
    if (links.length) await this.loadLinks(links);
    if (payments.length) await this.loadPayments(payments);
    if (comms.size) await this.loadParticipants([...comms]);
  }
}

/** The justification's label: made from the link's fields when shown (a link keeps none in memory). */
export function edgeLabel(a: EdgeAttrs): string {
  if (a.jLabel !== '' || a.jType !== 'link') return a.jLabel;
  const st = a.attrs?.sourceType;
  const sid = a.attrs?.sourceId;
  const src = st ? ` from ${String(st)}${sid ? ` ${String(sid).slice(0, 8)}` : ''}` : '';
  return `${a.kind.replace('_', ' ')} link${src}`;
}

/** Node types read whole at a rebuild (cases, persons, entities, communications). */
const alwaysLoaded = (id: string) => id.startsWith('entity:') || id.startsWith('person:') || id.startsWith('case:') || id.startsWith('communication:');
/** Ends owned by a case (case, operation, evidence, media, communication): their case joins the edge's. */
const caseOwnedId = (id: string) => id.startsWith('case:') || id.startsWith('communication:') || id.startsWith('operation:') || id.startsWith('evidence:') || id.startsWith('media:');

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

const nodeTypeOf = {
  cases: 'case', persons: 'person', entities: 'entity', communications: 'communication', victims: 'victim',
  operations: 'operation', evidence_items: 'evidence', hash_sets: 'hash_set',
} as const satisfies Record<string, GraphNodeType>;

const tableOfType: Partial<Record<GraphNodeType, keyof typeof nodeTypeOf>> = {
  case: 'cases', person: 'persons', entity: 'entities', communication: 'communications', victim: 'victims',
  operation: 'operations', evidence: 'evidence_items', hash_set: 'hash_sets',
};

/** One store per database handle (a process usually has one). */
const stores = new WeakMap<Db, GraphStore>();
export async function graphStoreFor(db: Db): Promise<GraphStore> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new GraphStore(db)));
  await store.refresh();
  return store;
}
