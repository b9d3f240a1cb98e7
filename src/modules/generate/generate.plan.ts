// The national-scale synthetic dataset of `amaan generate` (issue 13 §5), as rows: pure and deterministic.
// Every row is a function of the seed and the case's number, never of the batch it is written in or of the
// machine: ids are derived from (seed, kind, number) by MD5, random choices come from a generator seeded per
// case (and per district allocation), so the same flags give the same rows on PGlite and PostgreSQL.
//
// What a case carries: a district (cases allocated to districts in proportion to their 2023 census population,
// at least one case per district when there are as many cases as districts), the branch covering it, a status
// reached by a walk over the legal lifecycle (case.lifecycle.ts) with the dated history of every step, offences,
// a team (the branch's investigators, a prosecutor once in court), its persons (suspects with their accused
// status, witnesses, facilitators, guardians, informants: persons are dealt to cases in order, ~persons/cases
// each, and a few suspects reappear in a later case), pseudonymous victims, the persons' identifiers as
// entities with links (a phone each, accounts, e-mail, wallets; a few phones shared with a person of an earlier
// case), associates within a case, a verdict when judged, and seized media (an evidence item, its ingest job and
// K files with MD5/SHA-1/SHA-256/PDQ; a few files the same as an earlier case's). All names are invented.
import { createHash } from 'node:crypto';
import { createRng, type Rng } from '../../platform/prng.ts';
import { nameKey as computeNameKey } from '../persons/person.names.ts';
import { entityValues } from '../entities/entity.keys.ts';
import type { EntityKind } from '../../platform/db/schema.ts';
import { nextStatuses, type CaseStatus } from '../cases/case.lifecycle.ts';
import { childGivenBoys, childGivenGirls, family, femaleGiven, maleGiven, type Pair } from '../../demo/demo.names.ts';
import { accountPlatforms, caseChannels, caseSubjects } from './generate.words.ts';

export type Row = Record<string, unknown>;

export interface DistrictRef { id: number; name: string; population: number; branchId: number }
export interface OffenceRef { code: string; childExploitation: boolean }

export interface GeneratePlanInput {
  seed: number;
  cases: number;
  persons: number;
  mediaPerCase: number;
  districts: DistrictRef[];
  offences: OffenceRef[];
}

/** Reported dates fall in [FROM, TO); no later step goes past END (fixed, so the data does not depend on today). */
const FROM = Date.parse('2018-01-01T00:00:00Z');
const TO = Date.parse('2026-09-01T00:00:00Z');
const END = Date.parse('2026-11-30T00:00:00Z');
const DAY = 86_400_000;

/** Names come from small pools and repeat: their search keys are computed once each (a bounded cache). */
const nameKeys = new Map<string, string>();
function nameKey(name: string): string {
  let k = nameKeys.get(name);
  if (k === undefined) {
    if (nameKeys.size > 500_000) nameKeys.clear();
    k = computeNameKey(name);
    nameKeys.set(name, k);
  }
  return k;
}

/** A UUID (version 4 shape) derived from the seed, a kind and a number: the same on every run. */
export function derivedId(seed: number, kind: string, n: number | string): string {
  const h = createHash('md5').update(`${seed}/${kind}/${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A seeded generator for one case (a mix of seed and number: neighbouring cases do not get related streams). */
function caseRng(seed: number, n: number): Rng {
  let x = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 1, 0xc2b2ae35);
  x ^= x >>> 16;
  x = Math.imul(x, 0x27d4eb2f);
  return createRng((x ^ (x >>> 15)) >>> 0);
}

/**
 * Cases per district: proportional to population (largest remainders), with every district getting at least
 * one case when cases >= districts; then the case numbers are dealt out in a seeded shuffle.
 * Returns, for each case number, the index of its district.
 */
export function allocateDistricts(seed: number, cases: number, districts: readonly DistrictRef[]): Uint16Array {
  const d = districts.length;
  if (d === 0) throw new Error('no districts to allocate cases to');
  const floor = cases >= d ? 1 : 0;
  const rest = cases - floor * d;
  const total = districts.reduce((s, x) => s + Math.max(0, x.population), 0) || d;
  const quota = districts.map((x) => (rest * Math.max(0, total === d ? 1 : x.population)) / total);
  const counts = quota.map((q) => floor + Math.floor(q));
  let left = cases - counts.reduce((s, c) => s + c, 0);
  const order = quota.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % d, left--) counts[order[k]![1]]!++;
  const out = new Uint16Array(cases);
  let at = 0;
  counts.forEach((c, i) => out.fill(i, at, (at += c)));
  const rng = createRng(seed ^ 0x5eed);
  for (let i = cases - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** First person number of case n (persons are dealt to cases in order). */
export const firstPersonOf = (n: number, cases: number, persons: number) => Math.floor((n * persons) / cases);

/** The path a case took through the lifecycle: [status, at] from the complaint on. */
const stepWeights: Partial<Record<CaseStatus, Array<[CaseStatus | 'stop', number]>>> = {
  complaint_received: [['stop', 0.1], ['inquiry_open', 0.35], ['fir_registered', 0.55]],
  inquiry_open: [['stop', 0.3], ['inquiry_closed', 0.35], ['fir_registered', 0.35]],
  fir_registered: [['stop', 0.1], ['under_investigation', 0.9]],
  under_investigation: [['stop', 0.35], ['interim_challan', 0.15], ['challan_submitted', 0.35], ['cancelled_or_discharged', 0.15]],
  interim_challan: [['stop', 0.3], ['challan_submitted', 0.6], ['cancelled_or_discharged', 0.1]],
  challan_submitted: [['stop', 0.3], ['in_trial', 0.7]],
  in_trial: [['stop', 0.3], ['charge_framed', 0.6], ['acquitted', 0.1]],
  charge_framed: [['stop', 0.25], ['evidence', 0.6], ['convicted', 0.05], ['acquitted', 0.1]],
  evidence: [['stop', 0.4], ['convicted', 0.35], ['acquitted', 0.25]],
};
const stepDays: Partial<Record<CaseStatus, [number, number]>> = {
  inquiry_open: [1, 10], inquiry_closed: [15, 120], fir_registered: [1, 30], under_investigation: [1, 5], interim_challan: [14, 20],
  challan_submitted: [20, 200], cancelled_or_discharged: [30, 300], in_trial: [10, 60], charge_framed: [20, 120], evidence: [30, 200],
  convicted: [60, 400], acquitted: [60, 400],
};

function walk(rng: Rng, reported: number): Array<[CaseStatus, number]> {
  const path: Array<[CaseStatus, number]> = [['complaint_received', reported]];
  for (;;) {
    const [at, when] = path[path.length - 1]!;
    const options = stepWeights[at];
    if (!options) return path;
    const to = rng.weighted(options);
    if (to === 'stop' || !nextStatuses(at).includes(to)) return path;
    const [lo, hi] = stepDays[to] ?? [1, 30];
    const next = when + rng.int(lo, hi) * DAY + rng.int(0, 86_399) * 1000;
    if (next > END) return path;
    path.push([to, next]);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');

/** A Pakistani mobile number (E.164, +923 00..49 + 7 digits) that no other person number gets under this seed. */
export function phoneOf(seed: number, person: number): string {
  const space = 500_000_000; // 50 operator codes x 10^7 subscribers
  const v = (((person % space) * 7919) % space + ((seed >>> 0) % space) * 104_729 % space) % space;
  return `+923${pad(Math.floor(v / 10_000_000), 2)}${pad(v % 10_000_000, 7)}`;
}

function personName(rng: Rng, gender: 'male' | 'female', child: boolean): { latin: string; urdu: string; variant: string | null } {
  const given: Pair = rng.pick(child ? (gender === 'male' ? childGivenBoys : childGivenGirls) : (gender === 'male' ? maleGiven : femaleGiven));
  const fam = rng.pick(family);
  const muhammad = gender === 'male' && !child && rng.chance(0.3);
  const latin = `${muhammad ? 'Muhammad ' : ''}${given[0]} ${fam[0]}`;
  return { latin, urdu: `${muhammad ? 'محمد ' : ''}${given[1]} ${fam[1]}`, variant: muhammad && rng.chance(0.5) ? latin.replace(/^Muhammad /, 'Mohammad ') : null };
}

/** Staff of one branch: investigators (enough for its cases), a supervisor and a prosecutor. */
export interface BranchStaff { investigators: string[]; supervisor: string; prosecutor: string }

/** The users of the run (per branch, plus national analysts), with the ids the case rows use. */
export function planStaff(input: GeneratePlanInput, allocation: Uint16Array): { users: Row[]; staff: Map<number, BranchStaff>; analysts: string[] } {
  const perBranch = new Map<number, number>();
  for (let i = 0; i < allocation.length; i++) {
    const b = input.districts[allocation[i]!]!.branchId;
    perBranch.set(b, (perBranch.get(b) ?? 0) + 1);
  }
  const users: Row[] = [];
  const staff = new Map<number, BranchStaff>();
  const branches = [...new Set(input.districts.map((d) => d.branchId))].sort((a, b) => a - b);
  const created = iso(FROM - 30 * DAY);
  const user = (key: string, username: string, displayName: string, role: string, branchId: number | null) => {
    const id = derivedId(input.seed, 'user', key);
    users.push({ id, username, display_name: displayName, role, branch_id: branchId, password_hash: '!', created_at: created });
    return id;
  };
  for (const b of branches) {
    const n = Math.min(200, Math.max(2, Math.ceil((perBranch.get(b) ?? 0) / 300)));
    const investigators = Array.from({ length: n }, (_, k) => user(`inv/${b}/${k}`, `gen.b${b}.inv${k + 1}`, `Investigator ${k + 1} (branch ${b})`, 'investigator', b));
    staff.set(b, {
      investigators,
      supervisor: user(`sup/${b}`, `gen.b${b}.sup`, `Supervisor (branch ${b})`, 'supervisor', b),
      prosecutor: user(`pro/${b}`, `gen.b${b}.pros`, `Prosecutor (branch ${b})`, 'prosecutor', b),
    });
  }
  const analysts = Array.from({ length: 5 }, (_, k) => user(`analyst/${k}`, `gen.analyst${k + 1}`, `Analyst ${k + 1}`, 'analyst', null));
  return { users, staff, analysts };
}

/** Rows of one batch of cases, keyed by table (parents before children in `tableOrder`). */
export type BatchRows = Record<(typeof tableOrder)[number], Row[]>;

export const tableOrder = [
  'cases', 'case_offences', 'case_team', 'case_status_history', 'persons', 'person_names', 'case_persons', 'accused_status_history',
  'victims', 'victim_state_history', 'case_victims', 'entities', 'links', 'evidence_items', 'custody_transfers', 'ingest_jobs', 'media_files',
  'charges', 'verdicts',
] as const;

/** State carried from batch to batch in case order (FIR numbers per branch and year). */
export interface PlanState { firCounters: Map<string, number> }

export const newPlanState = (): PlanState => ({ firCounters: new Map() });

const roleWeights: Array<[string, number]> = [['suspect', 0.3], ['witness', 0.4], ['facilitator', 0.1], ['guardian', 0.1], ['informant', 0.1]];
const accusedRoles = new Set(['suspect', 'ringleader', 'facilitator', 'complicit_family']);

/** The rows of cases [from, to). `state` must have seen every case before `from` (batches in order). */
export function planBatch(input: GeneratePlanInput, allocation: Uint16Array, staffOf: Map<number, BranchStaff>, state: PlanState, from: number, to: number): BatchRows {
  const { seed, cases, persons } = input;
  const out = Object.fromEntries(tableOrder.map((t) => [t, [] as Row[]])) as BatchRows;
  const ce = input.offences.filter((o) => o.childExploitation).map((o) => o.code);
  const other = input.offences.filter((o) => !o.childExploitation).map((o) => o.code);
  const entityIds = new Set<string>();
  const entity = (kind: EntityKind, value: string, platform: string | null, createdAt: string): string => {
    const v = entityValues(kind, value, platform, { unverified: true });
    const id = derivedId(seed, 'entity', `${v.kind}:${v.key}`);
    if (!entityIds.has(id)) {
      entityIds.add(id);
      out.entities.push({ id, kind: v.kind, key: v.key, display: v.display, platform: v.platform, attributes: v.attributes, created_at: createdAt });
    }
    return id;
  };
  const link = (kind: string, fromType: string, fromId: string, toType: string, toId: string, caseId: string | null, sourceType: string, sourceId: string, at: string, recordedBy: string | null) => {
    out.links.push({
      id: derivedId(seed, 'link', `${kind}/${fromType}:${fromId}/${toType}:${toId}/${caseId ?? ''}`), kind, from_type: fromType, from_id: fromId, to_type: toType, to_id: toId,
      case_id: caseId, source_type: sourceType, source_id: sourceId, observed_from: null, observed_to: null, confidence: 1, notes: '', recorded_by: recordedBy, recorded_at: at,
    });
  };

  for (let n = from; n < to; n++) {
    const rng = caseRng(seed, n);
    const district = input.districts[allocation[n]!]!;
    const team = staffOf.get(district.branchId)!;
    const caseId = derivedId(seed, 'case', n);
    const reported = FROM + Math.floor(rng.next() * (TO - FROM));
    const path = walk(rng, reported);
    const [status, lastAt] = path[path.length - 1]!;
    const firStep = path.find(([s]) => s === 'fir_registered');
    const challanStep = path.find(([s]) => s === 'challan_submitted');
    // The FIR's number is given by numberFirs below (it counts over every earlier case of the branch and year).
    const firYear = firStep ? new Date(firStep[1]).getUTCFullYear() : null;
    const childCase = rng.chance(0.85) && ce.length > 0;
    const lead = rng.pick(team.investigators);
    const title = `${rng.pick(caseSubjects)} ${rng.pick(caseChannels)} (${district.name})`;
    out.cases.push({
      id: caseId, branch_id: district.branchId, district_id: district.id, title, summary: `Synthetic case ${n + 1} (amaan generate, seed ${seed}).`, status,
      fir_number: null, fir_year: firYear, fir_registered_at: firStep ? iso(firStep[1]) : null, challan_submitted_at: challanStep ? iso(challanStep[1]) : null,
      reported_at: iso(reported), created_by: lead, created_at: iso(reported), updated_at: iso(lastAt),
    });
    const offences = new Set<string>([childCase ? rng.pick(ce) : rng.pick(other.length ? other : ce)]);
    if (rng.chance(0.3)) offences.add(rng.pick(childCase ? ce : (other.length ? other : ce)));
    for (const code of offences) out.case_offences.push({ case_id: caseId, offence_code: code });
    out.case_team.push({ case_id: caseId, user_id: lead, team_role: 'lead', added_at: iso(reported) });
    if (team.investigators.length > 1 && rng.chance(0.3)) {
      const member = team.investigators.find((u) => u !== lead)!;
      out.case_team.push({ case_id: caseId, user_id: member, team_role: 'member', added_at: iso(reported + DAY) });
    }
    const courtStep = path.find(([s]) => s === 'in_trial');
    if (courtStep) out.case_team.push({ case_id: caseId, user_id: team.prosecutor, team_role: 'prosecutor', added_at: iso(courtStep[1]) });
    path.forEach(([s, at], k) => out.case_status_history.push({ case_id: caseId, from_status: k === 0 ? null : path[k - 1]![0], to_status: s, reason: k === 0 ? 'complaint received' : 'generated', actor_id: lead, at: iso(at) }));

    // Persons dealt to this case, and sometimes a suspect of an earlier case.
    const p0 = firstPersonOf(n, cases, persons);
    const p1 = firstPersonOf(n + 1, cases, persons);
    const inCase: Array<{ id: string; role: string; number: number }> = [];
    for (let p = p0; p < p1; p++) {
      const role = p === p0 ? 'suspect' : rng.weighted(roleWeights);
      const gender = role === 'suspect' || role === 'facilitator' ? (rng.chance(0.92) ? 'male' : 'female') : (rng.chance(0.5) ? 'male' : 'female');
      const name = personName(rng, gender, false);
      const id = derivedId(seed, 'person', p);
      const at = iso(reported + rng.int(0, 20) * DAY);
      out.persons.push({ id, display_name: name.latin, gender, estimated_age: rng.int(18, 60), nationality: 'PK', notes: '', created_by: lead, created_at: at, updated_at: at });
      out.person_names.push({ person_id: id, name: name.latin, script: 'latin', kind: 'primary', name_key: nameKey(name.latin) });
      if (rng.chance(0.4)) out.person_names.push({ person_id: id, name: name.urdu, script: 'urdu', kind: 'variant', name_key: nameKey(name.urdu) });
      if (name.variant) out.person_names.push({ person_id: id, name: name.variant, script: 'latin', kind: 'variant', name_key: nameKey(name.variant) });
      inCase.push({ id, role, number: p });
      // Identifiers: a phone each; accounts, e-mail and wallets mostly for suspects.
      const suspectish = accusedRoles.has(role);
      const phone = entity('phone', phoneOf(seed, p), null, at);
      link('uses', 'person', id, 'entity', phone, null, 'person', id, at, lead);
      if (rng.chance(suspectish ? 0.7 : 0.2)) {
        const platform = rng.pick(accountPlatforms);
        link('uses', 'person', id, 'entity', entity('account', `${name.latin.split(' ').pop()!.toLowerCase()}_${p.toString(36)}`, platform, at), null, 'person', id, at, lead);
      }
      if (rng.chance(suspectish ? 0.2 : 0.05)) link('uses', 'person', id, 'entity', entity('email', `${name.latin.split(' ')[0]!.toLowerCase()}.${p.toString(36)}@example.com`, null, at), null, 'person', id, at, lead);
      if (suspectish && rng.chance(0.1)) link('holds', 'person', id, 'entity', entity('wallet', phoneOf(seed, p), rng.pick(['jazzcash', 'easypaisa']), at), null, 'person', id, at, lead);
      // A phone also used by someone of an earlier case (shared handsets, SIMs passed on).
      if (suspectish && p0 > 0 && rng.chance(0.03)) {
        const q = rng.int(0, p0 - 1);
        link('uses', 'person', id, 'entity', derivedId(seed, 'entity', `phone:${phoneOf(seed, q)}`), caseId, 'case', caseId, at, lead);
      }
    }
    if (n > 0 && rng.chance(0.04)) {
      // A suspect of an earlier case turns up again.
      const earlier = rng.int(0, n - 1);
      const q = firstPersonOf(earlier, cases, persons);
      if (q < p0) inCase.push({ id: derivedId(seed, 'person', q), role: 'suspect', number: q });
    }
    const judged = status === 'convicted' || status === 'acquitted';
    const arrested = firStep !== undefined && rng.chance(0.6);
    let verdictPerson: string | null = null;
    for (const [k, m] of inCase.entries()) {
      const accused = accusedRoles.has(m.role);
      let accusedStatus: string | null = null;
      if (accused) {
        if (judged && k === 0) accusedStatus = status;
        else if (arrested && k === 0) accusedStatus = rng.weighted([['arrested', 0.2], ['judicial_remand', 0.3], ['on_bail', 0.5]]);
        else accusedStatus = rng.chance(0.05) ? 'proclaimed_offender' : 'at_large';
      }
      const added = iso(reported + k * 3600_000);
      out.case_persons.push({ case_id: caseId, person_id: m.id, role: m.role, accused_status: accusedStatus, foreign_warrant_requested: false, added_at: added });
      if (accusedStatus) {
        out.accused_status_history.push({ case_id: caseId, person_id: m.id, from_status: null, to_status: 'at_large', reason: 'generated', actor_id: lead, at: added });
        if (accusedStatus !== 'at_large') out.accused_status_history.push({ case_id: caseId, person_id: m.id, from_status: 'at_large', to_status: accusedStatus, reason: 'generated', actor_id: lead, at: iso(Math.max(reported, firStep ? firStep[1] : reported) + 3 * DAY) });
      }
      if (k === 0) verdictPerson = m.id;
    }
    // Suspects of one case know each other.
    const suspects = inCase.filter((m) => accusedRoles.has(m.role));
    for (const s of suspects.slice(1)) link('associate_of', 'person', suspects[0]!.id, 'person', s.id, caseId, 'case', caseId, iso(reported), lead);

    // Victims, by pseudonym only.
    const victims = rng.weighted([[0, 0.35], [1, 0.5], [2, 0.15]] as Array<[number, number]>);
    for (let v = 0; v < victims; v++) {
      const id = derivedId(seed, 'victim', `${n}/${v}`);
      const identified = reported + rng.int(0, 30) * DAY;
      const recovered = firStep && rng.chance(0.4) ? identified + rng.int(1, 20) * DAY : null;
      const gender = rng.chance(0.6) ? 'female' : 'male';
      out.victims.push({
        id, pseudonym: `V-${new Date(identified).getUTCFullYear()}-${pad(n * 3 + v + 1, 7)}`, gender, age_at_identification: rng.int(6, 17),
        state: recovered ? 'recovered' : 'identified', identified_at: iso(identified), recovered_at: recovered ? iso(recovered) : null, placed_at: null, closed_at: null, created_by: lead, created_at: iso(identified),
      });
      out.victim_state_history.push({ victim_id: id, from_state: null, to_state: 'identified', reason: 'generated', actor_id: lead, at: iso(identified) });
      if (recovered) out.victim_state_history.push({ victim_id: id, from_state: 'identified', to_state: 'recovered', reason: 'generated', actor_id: lead, at: iso(recovered) });
      out.case_victims.push({ case_id: caseId, victim_id: id, added_at: iso(identified) });
    }

    // Seized media: one folder per case, hashes as an ingest would have recorded them.
    if (input.mediaPerCase > 0) {
      const evidenceId = derivedId(seed, 'evidence', n);
      const jobId = derivedId(seed, 'job', n);
      const seized = iso(reported + rng.int(1, 40) * DAY);
      const root = `/generated/case-${pad(n + 1, 7)}`;
      out.evidence_items.push({ id: evidenceId, case_id: caseId, label: `media: ${root}`, kind: 'media_folder', description: 'Generated media folder', operation_id: null, seized_at: seized, custodian_id: lead, created_by: lead, created_at: seized });
      out.custody_transfers.push({ evidence_id: evidenceId, from_user_id: null, to_user_id: lead, reason: 'seized', at: seized, recorded_by: lead });
      let bytes = 0;
      for (let f = 0; f < input.mediaPerCase; f++) {
        // The same picture as a file of an earlier case (shared material), else this file's own.
        const source = n > 0 && rng.chance(0.02) ? `${rng.int(0, n - 1)}/${f}` : `${n}/${f}`;
        const video = rng.chance(0.1);
        const size = video ? rng.int(2_000_000, 80_000_000) : rng.int(40_000, 4_000_000);
        bytes += size;
        out.media_files.push({
          job_id: jobId, evidence_id: evidenceId, case_id: caseId, rel_path: `DCIM/${video ? 'VID' : 'IMG'}_${pad(f + 1, 5)}.${video ? 'mp4' : 'jpg'}`, size, modified_at: seized, changed_at: seized,
          mime: video ? 'video/mp4' : 'image/jpeg', media_kind: video ? 'video' : 'image', md5: hex('md5', `${seed}/m/${source}`), sha1: hex('sha1', `${seed}/m/${source}`), sha256: hex('sha256', `${seed}/m/${source}`),
          pdq: video ? null : hex('sha256', `${seed}/pdq/${source}`), pdq_quality: video ? null : rng.int(50, 100), vpdq_frames: video ? rng.int(10, 600) : null, created_at: seized,
        });
      }
      out.ingest_jobs.push({
        id: jobId, case_id: caseId, evidence_id: evidenceId, root_path: root, status: 'done', files_total: input.mediaPerCase, bytes_total: bytes, files_done: input.mediaPerCase, bytes_done: bytes,
        files_failed: 0, created_by: lead, created_at: seized, started_at: seized, finished_at: seized,
      });
    }

    // Judged cases: the charge and the verdict of the first accused.
    if (verdictPerson && (judged || path.some(([s]) => s === 'charge_framed'))) {
      const framed = path.find(([s]) => s === 'charge_framed') ?? courtStep!;
      const code = [...offences][0]!;
      out.charges.push({ id: derivedId(seed, 'charge', n), case_id: caseId, person_id: verdictPerson, offence_code: code, court: `Sessions Court ${district.name}`, framed_at: iso(framed[1]), created_by: team.prosecutor });
      if (judged) {
        out.verdicts.push({
          id: derivedId(seed, 'verdict', n), case_id: caseId, person_id: verdictPerson, outcome: status, court: `Sessions Court ${district.name}`, decided_at: iso(lastAt),
          sentence_months: status === 'convicted' ? rng.int(12, 168) : null, fine_rupees: status === 'convicted' && rng.chance(0.5) ? rng.int(1, 20) * 50_000 : null, created_by: team.prosecutor,
        });
      }
    }
  }
  numberFirs(state, out.cases);
  return out;
}

/**
 * FIR numbers: 1, 2, 3... per branch and year, in case order. The only part of a batch that depends on the
 * batches before it, so planners on other threads plan without it and the writer numbers the cases (in order).
 */
export function numberFirs(state: PlanState, cases: Row[]): void {
  for (const c of cases) {
    if (c.fir_year === null) continue;
    const key = `${String(c.branch_id)}/${String(c.fir_year)}`;
    const n = (state.firCounters.get(key) ?? 0) + 1;
    state.firCounters.set(key, n);
    c.fir_number = n;
  }
}

/** PostgreSQL column types of each table, for the jsonb bulk insert (src/demo/bulk-insert.ts). */
export const columnTypes: Record<(typeof tableOrder)[number] | 'users', Record<string, string>> = {
  users: { id: 'uuid', username: 'text', display_name: 'text', role: 'text', branch_id: 'int', password_hash: 'text', created_at: 'timestamptz' },
  cases: {
    id: 'uuid', branch_id: 'int', district_id: 'int', title: 'text', summary: 'text', status: 'text', fir_number: 'int', fir_year: 'int', fir_registered_at: 'timestamptz',
    challan_submitted_at: 'timestamptz', reported_at: 'timestamptz', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  case_offences: { case_id: 'uuid', offence_code: 'text' },
  case_team: { case_id: 'uuid', user_id: 'uuid', team_role: 'text', added_at: 'timestamptz' },
  case_status_history: { case_id: 'uuid', from_status: 'text', to_status: 'text', reason: 'text', actor_id: 'uuid', at: 'timestamptz' },
  persons: { id: 'uuid', display_name: 'text', gender: 'text', estimated_age: 'int', nationality: 'text', notes: 'text', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz' },
  person_names: { person_id: 'uuid', name: 'text', script: 'text', kind: 'text', name_key: 'text' },
  case_persons: { case_id: 'uuid', person_id: 'uuid', role: 'text', accused_status: 'text', foreign_warrant_requested: 'boolean', added_at: 'timestamptz' },
  accused_status_history: { case_id: 'uuid', person_id: 'uuid', from_status: 'text', to_status: 'text', reason: 'text', actor_id: 'uuid', at: 'timestamptz' },
  victims: {
    id: 'uuid', pseudonym: 'text', gender: 'text', age_at_identification: 'int', state: 'text', identified_at: 'timestamptz', recovered_at: 'timestamptz', placed_at: 'timestamptz',
    closed_at: 'timestamptz', created_by: 'uuid', created_at: 'timestamptz',
  },
  victim_state_history: { victim_id: 'uuid', from_state: 'text', to_state: 'text', reason: 'text', actor_id: 'uuid', at: 'timestamptz' },
  case_victims: { case_id: 'uuid', victim_id: 'uuid', added_at: 'timestamptz' },
  entities: { id: 'uuid', kind: 'text', key: 'text', display: 'text', platform: 'text', attributes: 'jsonb', created_at: 'timestamptz' },
  links: {
    id: 'uuid', kind: 'text', from_type: 'text', from_id: 'text', to_type: 'text', to_id: 'text', case_id: 'uuid', source_type: 'text', source_id: 'text',
    observed_from: 'timestamptz', observed_to: 'timestamptz', confidence: 'real', notes: 'text', recorded_by: 'uuid', recorded_at: 'timestamptz',
  },
  evidence_items: {
    id: 'uuid', case_id: 'uuid', label: 'text', kind: 'text', description: 'text', operation_id: 'uuid', seized_at: 'timestamptz', custodian_id: 'uuid', created_by: 'uuid', created_at: 'timestamptz',
  },
  custody_transfers: { evidence_id: 'uuid', from_user_id: 'uuid', to_user_id: 'uuid', reason: 'text', at: 'timestamptz', recorded_by: 'uuid' },
  ingest_jobs: {
    id: 'uuid', case_id: 'uuid', evidence_id: 'uuid', root_path: 'text', status: 'text', files_total: 'int', bytes_total: 'bigint', files_done: 'int', bytes_done: 'bigint',
    files_failed: 'int', created_by: 'uuid', created_at: 'timestamptz', started_at: 'timestamptz', finished_at: 'timestamptz',
  },
  media_files: {
    job_id: 'uuid', evidence_id: 'uuid', case_id: 'uuid', rel_path: 'text', size: 'bigint', modified_at: 'timestamptz', changed_at: 'timestamptz', mime: 'text', media_kind: 'text',
    md5: 'text', sha1: 'text', sha256: 'text', pdq: 'text', pdq_quality: 'int', vpdq_frames: 'int', created_at: 'timestamptz',
  },
  charges: { id: 'uuid', case_id: 'uuid', person_id: 'uuid', offence_code: 'text', court: 'text', framed_at: 'timestamptz', created_by: 'uuid' },
  verdicts: { id: 'uuid', case_id: 'uuid', person_id: 'uuid', outcome: 'text', court: 'text', decided_at: 'timestamptz', sentence_months: 'int', fine_rupees: 'bigint', created_by: 'uuid' },
};
