import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { AuditLogTable } from '../db/schema.ts';
import type { Credential } from '../access/actor.ts';
import { canonicalJson, toStoredJson, wellFormed, type JsonValue } from '../text/well-formed.ts';
import { auditTrailOf, type AuditTrail } from './audit-trail.ts';
import { readCheckpoints } from './checkpoints.ts';
import { prepared } from '../db/prepared.ts';

export { canonicalJson };

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
export const GENESIS_ACTION = 'audit.genesis';
// Any constant serves: it serialises writers of the chain across processes and server replicas.
const AUDIT_LOCK_KEY = 7_261_001;

export interface AuditEntryInput {
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
  /** The session or token that made the change; the system when absent. */
  credential?: Credential;
}

// ---------------------------------------------------------------------------------------------------
// Version 1 (before the trail was keyed): SHA-256 of the previous hash and the canonical JSON of the
// columns as read back. Kept to verify existing trails; never written any more.

interface ChainFields {
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: unknown;
}

/** The unkeyed hash of a version-1 entry. */
export function entryHash(prevHash: string, seq: number, e: ChainFields): string {
  const body = canonicalJson({
    seq,
    at: e.at.toISOString(),
    actor_id: e.actor_id,
    actor_name: e.actor_name,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    ip: e.ip,
    details: e.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

// ---------------------------------------------------------------------------------------------------
// Version 2: every string made storable first, the entry written as canonical JSON into `body` (text,
// stored verbatim), hash = HMAC-SHA256(audit key, prev_hash "\n" body). The columns beside it are the
// same values for searching; verify checks that they still agree with the body.

export interface EntryBody {
  v: 2;
  kid: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  credential_kind: Credential['kind'];
  credential_id: string | null;
  details: { [key: string]: JsonValue };
}

function entryBody(trail: AuditTrail, seq: number, at: Date, input: AuditEntryInput): EntryBody {
  const text = (s: string | null | undefined) => (s === null || s === undefined ? null : wellFormed(s));
  const details = toStoredJson(input.details ?? {});
  const credential = input.credential ?? { kind: 'system', id: null };
  return {
    v: 2,
    kid: trail.keyId,
    seq,
    at: at.toISOString(),
    actor_id: text(input.actorId),
    actor_name: wellFormed(input.actorName),
    action: wellFormed(input.action),
    entity_type: wellFormed(input.entityType),
    entity_id: text(input.entityId),
    ip: text(input.ip),
    credential_kind: credential.kind,
    credential_id: text(credential.id),
    details: details && typeof details === 'object' && !Array.isArray(details) ? details : { value: details },
  };
}

/**
 * Appends one entry to the chain. Call inside the transaction of the change it records. Two round
 * trips: the writers' lock with the head, the insert (the sequence number is the head's plus one, so a
 * keyed trail has no gaps and a missing entry shows).
 */
export async function appendAudit(tx: Tx, input: AuditEntryInput): Promise<void> {
  await appendAuditEntries(tx, [input]);
}

/** The columns appendAuditEntries writes. */
const AUDIT_COLUMNS = ['seq', 'v', 'at', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'ip', 'credential_kind', 'credential_id', 'details', 'body', 'prev_hash', 'hash'] as const;

/**
 * Appends several entries, in order, as one step of the chain: one writers' lock, one read of the head, one
 * insert of every entry (each its own row, numbered one after another and keyed to the entry before it, exactly
 * as if appended one by one, so `amaan audit verify` checks them the same way). For a transaction that records
 * several changes (intake files a batch of reports in one transaction, one entry per report): the chain's lock
 * is taken once, at the end, instead of once per change.
 */
export async function appendAuditEntries(tx: Tx, inputs: readonly AuditEntryInput[]): Promise<void> {
  if (!inputs.length) return;
  const trail = auditTrailOf(tx);
  // The writers' lock, then the head read after it was granted, in one round trip (audit_chain_head, migration
  // 0050: its second statement sees what the previous holder committed); prepared once per connection
  // (prepared.ts): every batch of tip intake pays it.
  const last = (await sql<{ seq: string; hash: string }>`${prepared}SELECT head_seq AS seq, head_hash AS hash FROM audit_chain_head(${AUDIT_LOCK_KEY})`.execute(tx)).rows[0];
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = inputs.map((input) => {
    seq++;
    const e = entryBody(trail, seq, at, input);
    const body = canonicalJson(e);
    const hash = trail.mac(prevHash, body);
    const row = {
      seq,
      v: 2,
      at: new Date(e.at),
      actor_id: e.actor_id,
      actor_name: e.actor_name,
      action: e.action,
      entity_type: e.entity_type,
      entity_id: e.entity_id,
      ip: e.ip,
      credential_kind: e.credential_kind,
      credential_id: e.credential_id,
      details: canonicalJson(e.details),
      body,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // One parameter (the rows as a JSON array, `details` spliced in as the JSON text it is), so the statement's text is
  // the same whatever the number of entries and is prepared once per connection (prepared.ts).
  const json = `[${rows.map((r) => `{${AUDIT_COLUMNS.map((c) => `"${c}":${c === 'details' ? r.details : JSON.stringify(r[c] ?? null)}`).join(',')}}`).join(',')}]`;
  await sql`${prepared}INSERT INTO audit_log (${sql.join(AUDIT_COLUMNS.map((c) => sql.ref(c)))})
    SELECT ${sql.join(AUDIT_COLUMNS.map((c) => sql.ref(`r.${c}`)))} FROM jsonb_populate_recordset(NULL::audit_log, ${json}::jsonb) AS r`.execute(tx);
  trail.noteAppend(seq);
}

/**
 * The first keyed entry: names the installation, its signing key and audit key, and (on a trail from an
 * earlier version) seals the unkeyed head it follows. Written at start when the trail has no keyed
 * entry yet; not when checkpoints exist (the keyed trail was there and is gone: verify must say so,
 * not a fresh genesis paper over it). Returns true when written.
 */
export async function ensureAuditGenesis(db: Db): Promise<boolean> {
  const trail = auditTrailOf(db);
  const keyed = await db.selectFrom('audit_log').select('seq').where('v', '=', 2).limit(1).executeTakeFirst();
  if (keyed) return false;
  if ((await trail.checkpoints.readAll()).length > 0) {
    process.emitWarning(`the audit trail has no keyed entries but checkpoints exist in ${trail.checkpoints.where}: not writing a new genesis; run amaan audit verify`);
    return false;
  }
  const written = await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
    // Another process may have written it meanwhile.
    if (await tx.selectFrom('audit_log').select('seq').where('v', '=', 2).limit(1).executeTakeFirst()) return false;
    const legacy = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const count = legacy ? Number((await tx.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
    await appendAudit(tx, {
      actorId: null,
      actorName: 'system',
      action: GENESIS_ACTION,
      entityType: 'audit_log',
      entityId: null,
      details: {
        installation: hostname(),
        signingKeyId: trail.signingKey.keyId,
        signingPublicKey: trail.signingKey.publicKeyPem,
        auditKeyId: trail.keyId,
        legacyHead: legacy ? { seq: legacy.seq, hash: legacy.hash, entries: count } : null,
      },
    });
    return true;
  });
  if (written) await trail.checkpoint(db);
  return written;
}

// ---------------------------------------------------------------------------------------------------
// Verification: every bad entry, not only the first.

export type ProblemKind = 'edited' | 'chain_broken' | 'missing' | 'reordered' | 'checkpoint_mismatch' | 'cut_back' | 'empty' | 'no_genesis';

export interface AuditProblem {
  kind: ProblemKind;
  /** The entry concerned (for `missing`, the first missing number); null for the trail as a whole. */
  seq: number | null;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** Entries from before the trail was keyed (unkeyed SHA-256). */
  legacyEntries: number;
  headSeq: number | null;
  headHash: string;
  checkpoints: { count: number; latestSeq: number | null; latestAt: string | null };
  problems: AuditProblem[];
  /** All problems found; `problems` lists the first MAX_PROBLEMS of them. */
  problemCount: number;
}

export const MAX_PROBLEMS = 10_000;

/** A head recorded elsewhere (an anchor given by the caller). */
export interface Anchor {
  seq: number;
  hash: string;
}

/** An audit_log row as read back. */
type Row = Selectable<AuditLogTable>;

function parseBody(text: string): EntryBody | null {
  try {
    const b = JSON.parse(text) as EntryBody;
    return b && typeof b === 'object' && b.v === 2 && Number.isSafeInteger(b.seq) && typeof b.at === 'string' && b.details && typeof b.details === 'object' ? b : null;
  } catch {
    return null;
  }
}

/** Which stored columns no longer say what the keyed body says. */
function columnsDiffer(r: Row, b: EntryBody): string[] {
  const differ: string[] = [];
  const same = (a: unknown, c: unknown) => (a ?? null) === (c ?? null);
  if (r.at.toISOString() !== b.at) differ.push('at');
  for (const k of ['actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'ip', 'credential_kind', 'credential_id'] as const) {
    if (!same(r[k], b[k])) differ.push(k);
  }
  if (canonicalJson(toStoredJson(r.details ?? {})) !== canonicalJson(b.details)) differ.push('details');
  return differ;
}

/**
 * Walks the whole trail in order and reports every bad entry: edited (content or columns no longer match
 * the keyed hash), chain broken, missing (a gap in the keyed numbering), reordered (an authentic entry at
 * another place), no genesis, empty; then every signed checkpoint (and anchor): its signature, that its
 * entry still has its hash, and that the trail does not end before it (cut back).
 */
export async function verifyAuditChain(db: Db, anchors: Anchor[] = [], batchSize = 5000): Promise<VerifyResult> {
  const trail = auditTrailOf(db);
  const problems: AuditProblem[] = [];
  let problemCount = 0;
  const report = (kind: ProblemKind, seq: number | null, detail: string) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push({ kind, seq, detail });
  };

  // Checkpoints first, so each is compared as the walk passes its entry.
  const read = await readCheckpoints(trail.checkpoints, trail.signingKey.publicKeyPem);
  const expected = new Map<number, Array<{ hash: string; what: string }>>();
  let latest: { seq: number; at: string | null; what: string } | null = null;
  for (const c of read) {
    if (!c.valid) {
      const why = c.checkpoint === null ? c.problem : c.checkpoint.keyId !== trail.signingKey.keyId ? `signed by another key (${c.checkpoint.keyId})` : 'its signature does not verify';
      report('checkpoint_mismatch', c.checkpoint?.seq ?? null, `checkpoint line ${c.line} of ${trail.checkpoints.where}: ${why}`);
      continue;
    }
    const cp = c.checkpoint;
    const what = `checkpoint line ${c.line} (${cp.at})`;
    expected.set(cp.seq, [...(expected.get(cp.seq) ?? []), { hash: cp.hash, what }]);
    if (!latest || cp.seq > latest.seq) latest = { seq: cp.seq, at: cp.at, what };
  }
  for (const a of anchors) {
    expected.set(a.seq, [...(expected.get(a.seq) ?? []), { hash: a.hash, what: 'the anchor given' }]);
    if (!latest || a.seq > latest.seq) latest = { seq: a.seq, at: null, what: 'the anchor given' };
  }

  let entries = 0;
  let legacyEntries = 0;
  let prev: Row | null = null;
  let keyedSeen = false;
  let genesisOk = false;
  let noGenesisReported = false;
  // An entry edited with its hash replaced: the entry after it still names the original hash, which is
  // the same finding, not a second one.
  let prevMacFailed = false;
  // Entries already reported missing (a gap), so a checkpoint naming one of them is not a second finding.
  const gaps: Array<[number, number]> = [];
  const seen = new Set<number>();
  // Hashes of the last entries by the place they claim, so two swapped entries do not also break the link after them.
  const recent = new Map<number, string>();
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batchSize).execute();
    for (const r of rows) {
      entries++;
      seen.add(r.seq);
      const first = prev === null;
      const linkTo = recent.get(r.seq - 1) ?? prev?.hash ?? GENESIS_HASH;
      let placed = r.seq; // where the entry itself says it belongs
      let reordered = false;
      if (r.v !== 2) {
        legacyEntries++;
        if (keyedSeen) {
          report('edited', r.seq, 'an unkeyed entry after the trail was keyed: added outside the application');
          prevMacFailed = true;
        } else {
          if (first && r.prev_hash !== GENESIS_HASH) report('chain_broken', r.seq, 'the first entry does not start the chain: the entries before it are gone');
          else if (!first && r.prev_hash !== linkTo && !prevMacFailed) report('chain_broken', r.seq, 'does not follow the entry before it (an entry was removed or inserted before it)');
          const expectedHash = entryHash(r.prev_hash, r.seq, { ...r, details: r.details });
          prevMacFailed = expectedHash !== r.hash;
          if (prevMacFailed) report('edited', r.seq, 'its content does not match its (unkeyed, earlier-version) hash');
        }
      } else {
        const b = r.body === null ? null : parseBody(r.body);
        const macOk = r.body !== null && trail.mac(r.prev_hash, r.body) === r.hash;
        const firstKeyed = !keyedSeen;
        let sealBroken = false;
        if (!b || !macOk) {
          report('edited', r.seq, !b ? 'its keyed body is missing or unreadable' : b.kid !== trail.keyId ? `its keyed hash does not verify (made with audit key ${b.kid}, not this installation's ${trail.keyId})` : 'its content does not match its keyed hash');
        } else if (b.seq !== r.seq) {
          reordered = true;
          placed = b.seq;
          report('reordered', r.seq, `an authentic entry that belongs at ${b.seq}, found at ${r.seq}`);
        } else {
          const differ = columnsDiffer(r, b);
          if (differ.length) report('edited', r.seq, `stored ${differ.join(', ')} no longer match the keyed entry`);
        }
        if (b && macOk && firstKeyed) {
          if (b.action !== GENESIS_ACTION) {
            noGenesisReported = true;
            report('no_genesis', r.seq, 'the first keyed entry is not the genesis entry: the trail before it is gone');
          } else {
            genesisOk = true;
            const legacyHead = (b.details as { legacyHead?: { seq: number; hash: string } | null }).legacyHead ?? null;
            const before = prev;
            sealBroken = Boolean(legacyHead && (!before || before.seq !== legacyHead.seq || before.hash !== legacyHead.hash));
            if (legacyHead && sealBroken)
              report('chain_broken', r.seq, `the genesis entry sealed the earlier trail at ${legacyHead.seq}:${legacyHead.hash.slice(0, 12)}…, which is not the entry before it`);
            if (!legacyHead && !first) report('chain_broken', r.seq, 'the genesis entry was written on an empty trail, but entries now come before it');
          }
        }
        if (!reordered) {
          const gap = prev && prev.v === 2 && r.seq !== prev.seq + 1;
          if (gap) gaps.push([prev!.seq + 1, r.seq - 1]);
          if (gap) report('missing', prev!.seq + 1, r.seq - prev!.seq - 1 === 1 ? `entry ${prev!.seq + 1} is missing` : `entries ${prev!.seq + 1} to ${r.seq - 1} are missing`);
          else if (first && r.prev_hash !== GENESIS_HASH) report('missing', null, `entries before ${r.seq} are missing: the first entry follows another`);
          else if (!first && r.prev_hash !== linkTo && !prevMacFailed && !sealBroken) report('chain_broken', r.seq, 'does not follow the entry before it (an entry was removed, replaced or inserted before it)');
        }
        keyedSeen = true;
        prevMacFailed = !b || !macOk;
      }
      recent.set(placed, r.hash);
      if (recent.size > 64) recent.delete(recent.keys().next().value!);
      for (const cp of expected.get(r.seq) ?? []) {
        // A reordered entry: the checkpoint names the entry now found elsewhere, already reported.
        if (cp.hash !== r.hash && !reordered) report('checkpoint_mismatch', r.seq, `${cp.what} recorded another hash for this entry: rewritten since`);
      }
      prev = r;
      after = r.seq;
    }
    if (rows.length < batchSize) break;
  }

  const headSeq = prev?.seq ?? null;
  if (entries === 0) report('empty', null, 'the audit trail is empty');
  else if (!genesisOk && !noGenesisReported) report('no_genesis', null, 'the trail has no authentic genesis entry (the first keyed entry, written by this installation)');
  for (const [seq, cps] of expected) {
    if (seen.has(seq)) continue;
    for (const cp of cps) {
      if (headSeq === null || seq > headSeq) continue; // reported once below as cut back
      if (gaps.some(([from, to]) => seq >= from && seq <= to)) continue;
      report('missing', seq, `${cp.what} recorded entry ${seq}, which is gone`);
    }
  }
  if (latest && (headSeq === null || latest.seq > headSeq)) {
    report('cut_back', latest.seq, `${latest.what} recorded entry ${latest.seq}; the trail now ends at ${headSeq ?? 'nothing'}`);
  }
  return {
    ok: problemCount === 0,
    entries,
    legacyEntries,
    headSeq,
    headHash: prev?.hash ?? GENESIS_HASH,
    checkpoints: { count: read.filter((c) => c.valid).length, latestSeq: latest?.seq ?? null, latestAt: latest?.at ?? null },
    problems,
    problemCount,
  };
}
