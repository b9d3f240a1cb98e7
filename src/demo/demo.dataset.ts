import type { CaseStatus } from '../modules/cases/case.lifecycle.ts';
import type { AccusedStatus, CaseEventKind, CasePersonRole, EvidenceKind, Gender, PlacementKind, Role } from '../platform/db/schema.ts';
import { createRng, type Rng } from './prng.ts';
import { buildRing, finishGraphRows, RING_BTC_ADDRESS, RING_WALLET, type DemoRing } from './demo.ring.ts';
import { byteaHex } from './bulk-insert.ts';
import { nameKey } from '../modules/persons/person.names.ts';
import { entityValues, identifierEntityKind, personLinkKind } from '../modules/entities/entity.keys.ts';
import { foreignNames, nameGenerator, ranks, type InventedName } from './demo.names.ts';
import {
  childFirCasesByStatus,
  convictsPerCase,
  DEMO_AS_OF,
  DEMO_FIRST_DAY,
  DEMO_SEED,
  demoPassword,
  demoUsers,
  muzaffargarhOperation as MZG,
  nationalFigures,
  otherCaseCounts,
  provinceSpread,
} from './demo.figures.ts';

// Builds the whole synthetic demo dataset in memory, as rows per table, from a seeded PRNG: the same
// reference data gives the same records (ids included) every time. Pure apart from the identity
// encryption handed in, so it can be checked without a database. demo.loader.ts writes the rows.

export interface BranchRef {
  id: number;
  district: string;
  province: string;
  population: number | null;
}

export interface DatasetInput {
  branches: BranchRef[];
  /** Offence codes known to the database, with their child-exploitation flag. */
  offences: Map<string, boolean>;
  /** Password hash per demo username (argon2 is slow; hashed by the caller, in parallel). */
  passwordHashes: Map<string, string>;
  encryptIdentity: (victimId: string, identity: VictimIdentity) => { keyId: string; ciphertext: Uint8Array; contextVersion: number };
}

/** The identity as the victims module stores it (src/modules/victims/victim.schema.ts, identityBody). */
export interface VictimIdentity {
  fullName: string;
  urduName: string;
  dateOfBirth: null;
  guardianName: string;
  guardianContact: string;
  address: string;
  cnicOrBForm: null;
  notes: string;
}

type Row = Record<string, unknown>;
export type DemoRows = Record<
  | 'users' | 'cases' | 'case_offences' | 'case_team' | 'case_status_history' | 'case_events' | 'persons' | 'person_names'
  | 'case_persons' | 'accused_status_history' | 'victims' | 'victim_identities' | 'case_victims'
  | 'victim_assignments' | 'victim_state_history' | 'placements' | 'followups' | 'operations' | 'arrests' | 'rescues' | 'evidence_items'
  | 'custody_transfers' | 'charges' | 'hearings' | 'verdicts' | 'appeals'
  | 'entities' | 'links' | 'payments' | 'communications' | 'communication_participants',
  Row[]
>;

export interface DemoDataset {
  rows: DemoRows;
  users: Array<{ role: Role; username: string; password: string }>;
  muzaffargarhCaseId: string;
  muzaffargarhOperationId: string;
  /** The ring as graph records (demo.ring.ts): the ids tests and later work start from. */
  ring: DemoRing;
}

// ---------------------------------------------------------------------------------------------- time

const DAY = 86_400_000;
const FIRST = Date.parse(`${DEMO_FIRST_DAY}T00:00:00Z`);
const AS_OF = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
/** An instant on the given day, in office hours in Pakistan (04:00-12:59 UTC = 09:00-17:59 PKT). */
const dayAt = (rng: Rng, dayMs: number) => new Date(Math.floor(dayMs / DAY) * DAY + rng.int(4 * 60, 12 * 60 + 59) * 60_000 + rng.int(0, 59) * 1000);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);
const minDate = (a: Date, b: Date) => (a < b ? a : b);
/** The end of the last demo day in Pakistan (23:59:59 PKT = 18:59:59 UTC): figures count days in the agency time zone. */
const asOfEnd = new Date(AS_OF + DAY - 1 - 5 * 3_600_000);

// ------------------------------------------------------------------------------------------ catalogue

const childOffenceSets: ReadonlyArray<readonly [readonly string[], number]> = [
  [['PECA-21-2', 'PPC-384'], 6], // sextortion of a minor
  [['PECA-22'], 6], // abuse material shared or sold
  [['PECA-22A', 'PECA-24-minor'], 4], // online grooming
  [['PECA-22B', 'PECA-22'], 3], // live-streamed abuse for payment
  [['PPC-377B', 'PECA-22'], 3], // abuse recorded and distributed
  [['PTPA-3-child', 'PECA-22C'], 2], // trafficking through online contact
  [['PPC-292A', 'PECA-22A'], 2], // exposure to seduction
];
const childTitles: Record<string, string[]> = {
  'PECA-21-2': ['Sextortion of a minor via gaming chat', 'Blackmail of a schoolgirl with morphed images', 'Sextortion of a teenage boy on a social app'],
  'PECA-22': ['Abuse material shared in a messaging channel', 'Sale of abuse material through a cloud link', 'Abuse material found on a repaired phone'],
  'PECA-22A': ['Online grooming of minors on a video app', 'Grooming of a child through an online game'],
  'PECA-22B': ['Live-streamed abuse for payment', 'Paid live streams of children to foreign viewers'],
  'PPC-377B': ['Abuse of children at a tuition centre, recorded and shared', 'Abuse recorded at a workshop and shared online'],
  'PTPA-3-child': ['Trafficking of a minor arranged over social media', 'Children recruited online for exploitation abroad'],
  'PPC-292A': ['Child exposed to obscene material by a neighbour', 'Seduction of a minor through a gaming lounge'],
};
const fraudSets: ReadonlyArray<readonly string[]> = [['PECA-14', 'PPC-420'], ['PECA-13', 'PPC-420'], ['PECA-16', 'PECA-14'], ['PECA-26', 'PPC-420']];
const fraudTitles = ['Fake investment app defrauding depositors', 'Bank account takeover through SIM swap', 'Online shopping fraud ring', 'Impersonation of a bank helpline', 'Lottery prize scam via messaging app', 'Forged payment receipts to merchants'];
const harassmentSets: ReadonlyArray<readonly string[]> = [['PECA-20', 'PPC-509'], ['PECA-24-1', 'PPC-506'], ['PECA-20', 'PECA-24-1']];
const harassmentTitles = ['Online harassment of a journalist', 'Cyber stalking of a university student', 'Defamatory fake profile of a teacher', 'Threats through anonymous accounts'];

// ----------------------------------------------------------------------------------------- lifecycle

interface Step {
  to: CaseStatus;
  at: Date;
  reason: string;
  court: boolean;
}

const reasons: Record<CaseStatus, string> = {
  complaint_received: 'complaint received at the helpdesk',
  inquiry_open: 'inquiry opened to verify the complaint',
  inquiry_closed: 'inquiry closed: no cognizable offence made out',
  fir_registered: 'cognizable offence made out; FIR registered under s.154 CrPC',
  under_investigation: 'investigation started',
  interim_challan: 'interim report under s.173 CrPC (investigation not complete in 14 days)',
  challan_submitted: 'final report (challan) under s.173 CrPC submitted through the prosecution',
  cancelled_or_discharged: 'cancellation report: evidence insufficient (s.169 CrPC)',
  in_trial: 'cognizance taken by the trial court',
  charge_framed: 'charge framed',
  evidence: 'prosecution evidence started',
  convicted: 'judgment: conviction',
  acquitted: 'judgment: acquittal',
  under_appeal: 'appeal filed against the judgment',
};

const courtStages: ReadonlySet<CaseStatus> = new Set(['in_trial', 'charge_framed', 'evidence', 'convicted', 'acquitted', 'under_appeal']);

/** The statuses a case passes through to reach `final`, each with a gap in days after the previous one. */
function pathTo(rng: Rng, final: CaseStatus): Array<[CaseStatus, number]> {
  const p: Array<[CaseStatus, number]> = [['complaint_received', 0]];
  const withInquiry = rng.chance(0.45);
  if (final === 'complaint_received') return p;
  if (withInquiry || final === 'inquiry_open' || final === 'inquiry_closed') p.push(['inquiry_open', rng.int(1, 6)]);
  if (final === 'inquiry_open') return p;
  if (final === 'inquiry_closed') return [...p, ['inquiry_closed', rng.int(15, 90)]];
  p.push(['fir_registered', rng.int(2, 25)]);
  if (final === 'fir_registered') return p;
  p.push(['under_investigation', rng.int(0, 1)]);
  if (final === 'under_investigation') return p;
  const interim = final === 'interim_challan' || rng.chance(0.35);
  if (interim) p.push(['interim_challan', rng.int(14, 17)]);
  if (final === 'interim_challan') return p;
  if (final === 'cancelled_or_discharged') return [...p, ['cancelled_or_discharged', rng.int(20, 140)]];
  p.push(['challan_submitted', rng.int(25, 100)]);
  if (final === 'challan_submitted') return p;
  p.push(['in_trial', rng.int(7, 30)]);
  if (final === 'in_trial') return p;
  if (final === 'acquitted' && rng.chance(0.3)) return [...p, ['acquitted', rng.int(30, 90)]]; // s.265-K
  p.push(['charge_framed', rng.int(14, 45)]);
  if (final === 'charge_framed') return p;
  if (final === 'acquitted' && rng.chance(0.3)) return [...p, ['acquitted', rng.int(30, 90)]];
  p.push(['evidence', rng.int(20, 60)]);
  if (final === 'evidence') return p;
  if (final === 'acquitted') return [...p, ['acquitted', rng.int(30, 120)]];
  p.push(['convicted', rng.int(30, 120)]);
  if (final === 'convicted') return p;
  if (final === 'under_appeal') return [...p, ['under_appeal', rng.int(10, 30)]];
  throw new Error(`no path to ${final}`);
}

/** How long a case may sit in its current status before the as-of day (open statuses are recent). */
const dwellDays: Partial<Record<CaseStatus, number>> = {
  complaint_received: 20,
  inquiry_open: 60,
  fir_registered: 10,
  under_investigation: 330,
  interim_challan: 200,
  challan_submitted: 150,
  in_trial: 150,
  charge_framed: 150,
  evidence: 200,
};

/** Dated steps for a case ending in `final`, placed in the demo period. */
function lifecycle(rng: Rng, final: CaseStatus): Step[] {
  const path = pathTo(rng, final);
  const offsets: number[] = [];
  let sum = 0;
  for (const [, gap] of path) offsets.push((sum += gap));
  const span = sum;
  const dwell = dwellDays[final];
  let startDay: number;
  if (dwell !== undefined) {
    const lastDay = AS_OF - rng.int(0, dwell) * DAY;
    startDay = Math.max(FIRST + rng.int(0, 10) * DAY, lastDay - span * DAY);
  } else {
    const latestStart = AS_OF - span * DAY;
    startDay = FIRST + rng.int(0, Math.max(0, Math.floor((latestStart - FIRST) / DAY))) * DAY;
  }
  const steps: Step[] = [];
  let prev: Date | null = null;
  path.forEach(([to], i) => {
    let at = dayAt(rng, startDay + offsets[i]! * DAY);
    if (prev && at <= prev) at = new Date(prev.getTime() + rng.int(20, 180) * 60_000);
    if (at > asOfEnd) at = new Date(Math.min(asOfEnd.getTime(), (prev?.getTime() ?? AS_OF) + 60_000));
    steps.push({ to, at, reason: reasons[to], court: courtStages.has(to) });
    prev = at;
  });
  return steps;
}

// ------------------------------------------------------------------------------------------ builder

export function buildDemoDataset(input: DatasetInput): DemoDataset {
  const rng = createRng(DEMO_SEED);
  const idRng = createRng(DEMO_SEED ^ 0x5eed);
  const uuid = () => idRng.uuid();
  const names = nameGenerator(createRng(DEMO_SEED ^ 0x4a4d));
  // Names written by hand below and in demo.figures.ts: never given to a generated person as well.
  names.reserve('Muhammad Waqas Joiya', 'Shafqat Laghari', ...demoUsers.map((u) => u.displayName.replace(/^(Insp\.|Dy\. Director|Adv\.) /, '').replace(/ \(.*\)$/, '')));
  const rows: DemoRows = {
    users: [], cases: [], case_offences: [], case_team: [], case_status_history: [], case_events: [], persons: [], person_names: [],
    case_persons: [], accused_status_history: [], victims: [], victim_identities: [], case_victims: [],
    victim_assignments: [], victim_state_history: [], placements: [], followups: [], operations: [], arrests: [], rescues: [], evidence_items: [],
    custody_transfers: [], charges: [], hearings: [], verdicts: [], appeals: [],
    entities: [], links: [], payments: [], communications: [], communication_participants: [],
  };

  for (const set of [...childOffenceSets.map(([s]) => s), ...fraudSets, ...harassmentSets, MZG.offences]) {
    for (const code of set) if (!input.offences.has(code)) throw new Error(`demo dataset: offence ${code} is not in the catalogue`);
  }
  const isChild = (codes: readonly string[]) => codes.some((c) => input.offences.get(c) === true);

  // ---- branches taking part: the most populous districts of each province, plus Muzaffargarh and Lahore
  const byDistrict = new Map(input.branches.map((b) => [b.district, b]));
  const mzgBranch = byDistrict.get(MZG.district);
  const lahore = byDistrict.get('Lahore');
  if (!mzgBranch || !lahore) throw new Error('demo dataset: the Muzaffargarh and Lahore branches are required');
  const provinceBranches = new Map<string, BranchRef[]>();
  for (const spread of provinceSpread) {
    const inProvince = input.branches.filter((b) => b.province === spread.province).sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.district.localeCompare(b.district));
    if (!inProvince.length) throw new Error(`demo dataset: no branch in ${spread.province}`);
    const chosen = inProvince.slice(0, spread.branches);
    for (const must of [mzgBranch, lahore]) if (must.province === spread.province && !chosen.includes(must)) chosen[chosen.length - 1] = must;
    provinceBranches.set(spread.province, chosen);
  }
  const pickBranch = (): BranchRef => {
    const province = rng.weighted(provinceSpread.map((p) => [p.province, p.share] as const));
    const list = provinceBranches.get(province)!;
    return rng.weighted(list.map((b) => [b, Math.sqrt(b.population ?? 100_000)] as const));
  };

  // ---- users: one demo sign-in per role, and invented staff (no sign-in) for every branch taking part
  const users: DemoDataset['users'] = [];
  const userId = new Map<string, string>();
  const created = new Date(FIRST - 30 * DAY);
  for (const u of demoUsers) {
    const id = uuid();
    userId.set(u.username, id);
    const hash = input.passwordHashes.get(u.username);
    if (!hash) throw new Error(`demo dataset: no password hash for ${u.username}`);
    rows.users.push({ id, username: u.username, display_name: u.displayName, role: u.role, branch_id: u.branch ? byDistrict.get(u.branch)!.id : null, password_hash: hash, is_demo: true, created_at: iso(created) });
    users.push({ role: u.role, username: u.username, password: demoPassword(u.username) });
  }
  const demoInv = userId.get('demo.investigator')!;
  const demoSup = userId.get('demo.supervisor')!;
  const demoAnalyst = userId.get('demo.analyst')!;
  const demoProt = userId.get('demo.protection')!;
  const demoPros = userId.get('demo.prosecutor')!;
  const staff = new Map<number, { investigators: string[]; supervisor: string }>();
  const staffUser = (role: 'investigator' | 'supervisor', branch: BranchRef, n: number) => {
    const id = uuid();
    const person = rng.chance(0.25) ? names.woman() : names.man();
    const slug = branch.district.toLowerCase().replace(/[^a-z0-9]+/g, '');
    rows.users.push({
      id, username: `staff.${slug}.${role === 'supervisor' ? 'sup' : `inv${n}`}`, display_name: `${rng.pick(ranks[role])} ${person.latin}`, role, branch_id: branch.id,
      // Not an argon2 hash: sign-in with these invented staff accounts is impossible.
      password_hash: '!demo-staff-no-sign-in', is_demo: true, created_at: iso(created),
    });
    return id;
  };
  // One (invented) protection officer per province looks after the children placed there; the demo
  // protection officer has the children of the Muzaffargarh raid.
  const protectionOfficer = new Map<string, string>();
  for (const spread of provinceSpread) {
    const id = uuid();
    const person = names.woman();
    rows.users.push({
      id, username: `staff.protection.${spread.province.toLowerCase().replace(/[^a-z]+/g, '')}`, display_name: `Child protection officer ${person.latin}`, role: 'protection_officer', branch_id: null,
      password_hash: '!demo-staff-no-sign-in', is_demo: true, created_at: iso(created),
    });
    protectionOfficer.set(spread.province, id);
  }
  for (const list of provinceBranches.values()) {
    for (const b of list) {
      if (b === mzgBranch) staff.set(b.id, { investigators: [demoInv, staffUser('investigator', b, 1)], supervisor: demoSup });
      else staff.set(b.id, { investigators: [staffUser('investigator', b, 1), staffUser('investigator', b, 2)], supervisor: staffUser('supervisor', b, 0) });
    }
  }

  // ---- helpers writing one record each
  const firCounter = new Map<string, number>();
  const nextFir = (branchId: number, year: number) => {
    const key = `${branchId}/${year}`;
    const n = (firCounter.get(key) ?? rng.int(3, 40)) + rng.int(1, 9);
    firCounter.set(key, n);
    return n;
  };
  const event = (caseId: string, kind: CaseEventKind, body: string, at: Date, actor: string | null) =>
    rows.case_events.push({ case_id: caseId, kind, body, occurred_at: iso(at), actor_id: actor, created_at: iso(at) });

  let phoneSeq = 1000;
  // E.164, in 0399-XXXXXXX: not an allocated mobile prefix, so no invented number reaches a real subscriber.
  const phone = () => `+92399${String(1_000_000 + (phoneSeq += rng.int(7, 997))).slice(-7)}`;
  const addPerson = (p: { name: InventedName | { latin: string; urdu?: string; variant?: string | null }; gender: Gender; age: number | null; nationality: string; notes?: string; by: string; at: Date; alias?: string }) => {
    const id = uuid();
    rows.persons.push({ id, display_name: p.name.latin, gender: p.gender, date_of_birth: null, estimated_age: p.age, nationality: p.nationality, notes: p.notes ?? '', created_by: p.by, created_at: iso(p.at), updated_at: iso(p.at) });
    const name = (n: string, script: 'latin' | 'urdu', kind: 'primary' | 'variant' | 'alias') => rows.person_names.push({ person_id: id, name: n, script, kind, name_key: nameKey(n) });
    name(p.name.latin, 'latin', 'primary');
    if (p.name.urdu) name(p.name.urdu, 'urdu', 'variant');
    if (p.name.variant) name(p.name.variant, 'latin', 'variant');
    if (p.alias) name(p.alias, 'latin', 'alias');
    return id;
  };
  // An identifier of a person: one entity per kind and key (entity.keys.ts), linked person --uses/holds--> entity
  // as the person form does (no case). Invented values that do not pass a checksum are kept, marked unverified.
  const entityIdRng = createRng(DEMO_SEED ^ 0xe4717);
  const entityIds = new Map<string, string>();
  const identifier = (personId: string, kind: string, value: string, platform: string | null = null) => {
    const personRow = rows.persons.find((p) => p.id === personId);
    const e = entityValues(identifierEntityKind[kind] ?? 'other', value, platform, { unverified: true });
    let entityId = entityIds.get(`${e.kind}\u0000${e.key}`);
    if (!entityId) {
      entityId = entityIdRng.uuid();
      entityIds.set(`${e.kind}\u0000${e.key}`, entityId);
      rows.entities.push({ id: entityId, kind: e.kind, key: e.key, display: e.display, platform: e.platform, attributes: e.attributes, created_by: personRow?.created_by ?? null, created_at: personRow?.created_at ?? null });
    }
    rows.links.push({
      id: entityIdRng.uuid(), kind: personLinkKind(e.kind), from_type: 'person', from_id: personId, to_type: 'entity', to_id: entityId, case_id: null,
      source_type: 'person', source_id: personId, recorded_by: personRow?.created_by ?? null, recorded_at: personRow?.created_at ?? null,
    });
  };
  const accusedStep = (caseId: string, personId: string, from: AccusedStatus | null, to: AccusedStatus, reason: string, at: Date, actor: string) =>
    rows.accused_status_history.push({ case_id: caseId, person_id: personId, from_status: from, to_status: to, reason, actor_id: actor, at: iso(at) });

  // Victims get their pseudonyms at the end, numbered by identification date within each year.
  const victimRows: Row[] = [];
  const addVictim = (v: { caseId: string; gender: 'male' | 'female'; age: number; identifiedAt: Date; by: string; district: string; assign?: string }) => {
    const id = uuid();
    const child = names.child(v.gender);
    const guardianIsMother = rng.chance(0.4);
    const guardianGiven = guardianIsMother ? names.femaleGiven() : names.maleGiven();
    const fam = names.familyOf(child);
    const identity: VictimIdentity = {
      fullName: child.latin,
      urduName: child.urdu,
      dateOfBirth: null,
      guardianName: `${guardianGiven[0]} ${fam.latin}`,
      guardianContact: `${guardianIsMother ? 'mother' : rng.pick(['father', 'uncle', 'grandfather'])}, ${phone()}`,
      address: `Street ${rng.int(1, 40)}, Ward ${rng.int(1, 25)}, ${v.district}`,
      cnicOrBForm: null,
      notes: 'Synthetic demo identity: every detail is invented.',
    };
    const enc = input.encryptIdentity(id, identity);
    const row: Row = { id, pseudonym: '', gender: v.gender, age_at_identification: v.age, state: 'identified', identified_at: iso(v.identifiedAt), recovered_at: null, placed_at: null, closed_at: null, created_by: v.by, created_at: iso(v.identifiedAt) };
    rows.victims.push(row);
    victimRows.push(row);
    rows.victim_identities.push({ victim_id: id, key_id: enc.keyId, ciphertext: byteaHex(enc.ciphertext), context_version: enc.contextVersion, updated_at: iso(v.identifiedAt) });
    rows.case_victims.push({ case_id: v.caseId, victim_id: id, added_at: iso(v.identifiedAt) });
    if (v.assign) rows.victim_assignments.push({ victim_id: id, user_id: v.assign, assigned_at: iso(v.identifiedAt) });
    return { id, row };
  };
  const place = (victim: { id: string; row: Row }, kind: PlacementKind, facility: string, from: Date, by: string, until: Date | null) => {
    victim.row.state = until ? 'closed' : 'placed';
    victim.row.placed_at = iso(from);
    if (until) victim.row.closed_at = iso(until);
    rows.placements.push({ id: uuid(), victim_id: victim.id, kind, facility, started_at: iso(from), ended_at: iso(until), notes: '', created_by: by });
  };
  const followup = (victimId: string, kind: string, due: Date, done: boolean, by: string, notes: string) =>
    rows.followups.push({ id: uuid(), victim_id: victimId, due_at: iso(due), done_at: done ? iso(addDays(due, rng.int(0, 3))) : null, kind, notes, created_by: by });
  const custody = (evidenceId: string, chain: Array<{ from: string | null; to: string; reason: string; at: Date; by: string }>) => {
    for (const c of chain) rows.custody_transfers.push({ evidence_id: evidenceId, from_user_id: c.from, to_user_id: c.to, reason: c.reason, at: iso(c.at), recorded_by: c.by });
    return chain[chain.length - 1]!.to;
  };

  interface CaseSpec {
    branch: BranchRef;
    title: string;
    summary: string;
    offences: readonly string[];
    steps: Step[];
    lead: string;
    members?: string[];
    prosecutor?: boolean;
    id?: string;
  }
  const addCase = (spec: CaseSpec) => {
    const id = spec.id ?? uuid();
    const first = spec.steps[0]!;
    const last = spec.steps[spec.steps.length - 1]!;
    const fir = spec.steps.find((s) => s.to === 'fir_registered');
    const challan = spec.steps.find((s) => s.to === 'challan_submitted');
    const firYear = fir ? fir.at.getUTCFullYear() : null;
    rows.cases.push({
      id, branch_id: spec.branch.id, title: spec.title, summary: spec.summary, status: last.to,
      fir_number: fir ? nextFir(spec.branch.id, firYear!) : null, fir_year: firYear, fir_registered_at: iso(fir?.at), challan_submitted_at: iso(challan?.at),
      reported_at: iso(first.at), created_by: spec.lead, created_at: iso(first.at), updated_at: iso(last.at),
    });
    for (const code of spec.offences) rows.case_offences.push({ case_id: id, offence_code: code });
    rows.case_team.push({ case_id: id, user_id: spec.lead, team_role: 'lead', added_at: iso(first.at) });
    for (const m of spec.members ?? []) if (m !== spec.lead) rows.case_team.push({ case_id: id, user_id: m, team_role: 'member', added_at: iso(first.at) });
    const trial = spec.steps.find((s) => s.to === 'in_trial');
    if (spec.prosecutor && trial) rows.case_team.push({ case_id: id, user_id: demoPros, team_role: 'prosecutor', added_at: iso(addDays(trial.at, -1)) });
    let from: CaseStatus | null = null;
    for (const s of spec.steps) {
      rows.case_status_history.push({ case_id: id, from_status: from, to_status: s.to, reason: s.reason, actor_id: s.court ? demoPros : spec.lead, at: iso(s.at) });
      from = s.to;
    }
    return id;
  };

  // ================================================================ the Muzaffargarh operation (23 May 2025)
  const mzg = buildMuzaffargarh();

  function buildMuzaffargarh() {
    const t = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:00`);
    const staffInv = staff.get(mzgBranch!.id)!.investigators[1]!;
    const steps: Step[] = [
      { to: 'complaint_received', at: t('2025-05-02', '11:20'), reason: 'complaint by a parent through the helpline: child shown abusive videos and blackmailed at a "recreational facility"', court: false },
      { to: 'inquiry_open', at: t('2025-05-03', '10:05'), reason: 'inquiry opened: verification of the facility and its online presence', court: false },
      { to: 'fir_registered', at: t('2025-05-20', '16:40'), reason: reasons.fir_registered, court: false },
      { to: 'under_investigation', at: t('2025-05-20', '17:10'), reason: reasons.under_investigation, court: false },
    ];
    const caseId = addCase({
      branch: mzgBranch!,
      title: 'Muzaffargarh "recreational facility" network: child abuse recorded and sold online',
      summary:
        'A facility presented as a recreational and gaming centre lured children aged 6-10 with games and money, then blackmailed them. ' +
        'Abuse was recorded and the footage sold on a dark-web forum; some was live-streamed to viewers abroad. The local cell was part of an ' +
        'international ring led by a foreign national who is absconding. Synthetic demo case modelled on a press report; every name is invented.',
      offences: MZG.offences,
      steps,
      lead: demoInv,
      members: [staffInv],
    });
    const raidAt = t(MZG.raidDay, '10:00');
    const facility = '"Rangla Fun Club" (registered as a recreational facility), Ward 9, Muzaffargarh';

    // Persons: the absconding foreign ringleader, two local accused arrested in the raid, three more at large, complicit family members.
    const ringleader = addPerson({
      name: { latin: 'Anselm Krötzberger', urdu: 'انسلم کروٹزبرگر', variant: 'Anselm Kroetzberger' }, gender: 'male', age: 52, nationality: 'DE',
      notes: 'Foreign national; directs the network from abroad. Invented name.', by: demoInv, at: t('2025-05-12', '15:00'), alias: 'Schattenmann',
    });
    identifier(ringleader, 'handle', 'schattenmann_77', 'dark-web forum (onion service)');
    identifier(ringleader, 'crypto_address', RING_BTC_ADDRESS, 'Bitcoin');
    identifier(ringleader, 'email', 'a.kroetzberger@mail.example');
    const operator = addPerson({ name: { latin: 'Muhammad Waqas Joiya', urdu: 'محمد وقاص جوئیہ', variant: 'Mohammad Waqas Joyia' }, gender: 'male', age: 38, nationality: 'PK', notes: 'Ran the facility.', by: demoInv, at: t('2025-05-06', '12:00'), alias: 'Waqi' });
    identifier(operator, 'phone', '+923994417020', 'mobile');
    identifier(operator, 'wallet', RING_WALLET, 'JazzCash');
    const uploader = addPerson({ name: { latin: 'Shafqat Laghari', urdu: 'شفقت لغاری', variant: null }, gender: 'male', age: 27, nationality: 'PK', notes: 'Recorded and uploaded the footage.', by: demoInv, at: t('2025-05-08', '12:00') });
    identifier(uploader, 'phone', '+923995530118', 'mobile');
    identifier(uploader, 'handle', 'lagh_uploads', 'dark-web forum (onion service)');
    identifier(uploader, 'crypto_address', RING_BTC_ADDRESS, 'Bitcoin'); // the ringleader's wallet: payments flowed there
    const atLarge = Array.from({ length: MZG.furtherAccusedAtLarge }, (_, i) => {
      const n = names.man();
      const id = addPerson({ name: n, gender: 'male', age: rng.int(24, 45), nationality: 'PK', notes: i === 0 ? 'Collected payments from buyers.' : 'Recruited children from nearby streets.', by: demoInv, at: t('2025-05-24', '13:00') });
      identifier(id, 'phone', phone(), 'mobile');
      return id;
    });
    const families = Array.from({ length: MZG.complicitFamilyMembers }, (_, i) => {
      const gender = i % 2 === 0 ? 'male' : 'female';
      const n = gender === 'male' ? names.man() : names.woman();
      return addPerson({ name: n, gender, age: rng.int(30, 50), nationality: 'PK', notes: 'Took money to send a child to the facility.', by: demoInv, at: t('2025-05-30', '12:00') });
    });
    const link = (personId: string, role: CasePersonRole, status: AccusedStatus | null, at: Date, warrant = false) =>
      rows.case_persons.push({ case_id: caseId, person_id: personId, role, accused_status: status, foreign_warrant_requested: warrant, added_at: iso(at) });
    link(ringleader, 'ringleader', 'proclaimed_offender', t('2025-05-12', '15:00'), true);
    accusedStep(caseId, ringleader, null, 'at_large', 'named in the FIR; absconding abroad', steps[2]!.at, demoInv);
    accusedStep(caseId, ringleader, 'at_large', 'proclaimed_offender', 'proclaimed offender (s.87 CrPC); foreign warrant and Interpol red notice requested through NCB Islamabad', t('2025-06-02', '12:30'), demoInv);
    for (const [pid, role] of [[operator, 'suspect'], [uploader, 'facilitator']] as const) {
      link(pid, role, 'physical_remand', t('2025-05-08', '12:00'));
      accusedStep(caseId, pid, null, 'at_large', 'named in the FIR', steps[2]!.at, demoInv);
    }
    atLarge.forEach((pid, i) => {
      link(pid, i === 0 ? 'facilitator' : 'suspect', 'at_large', t('2025-05-24', '13:00'));
      accusedStep(caseId, pid, null, 'at_large', 'identified from seized records; absconding', t('2025-05-24', '13:00'), demoInv);
    });
    families.forEach((pid) => {
      link(pid, 'complicit_family', 'at_large', t('2025-05-30', '12:00'));
      accusedStep(caseId, pid, null, 'at_large', 'proceedings started against a family member found complicit', t('2025-05-30', '12:00'), demoInv);
    });

    // The operation, approved by the branch supervisor, executed with other agencies.
    const opId = uuid();
    rows.operations.push({
      id: opId, case_id: caseId, name: 'Operation Khel Ghar', status: 'executed', planned_for: iso(raidAt), place: facility, agencies: [...MZG.agencies],
      approved_by: demoSup, approved_at: iso(t('2025-05-22', '18:15')), executed_at: iso(raidAt), duration_minutes: MZG.durationMinutes,
      notes: 'Joint raid; five hours on site. Two accused arrested, ten children rescued, devices and records seized.',
      created_by: demoInv, created_at: iso(t('2025-05-21', '12:00')), updated_at: iso(addDays(raidAt, 0.25)),
      cancelled_at: null, cancelled_by: null, cancel_reason: null,
    });
    for (const pid of [operator, uploader]) {
      rows.arrests.push({ id: uuid(), case_id: caseId, person_id: pid, operation_id: opId, arrested_at: iso(raidAt), place: facility, created_by: demoInv });
      accusedStep(caseId, pid, 'at_large', 'arrested', 'arrested in Operation Khel Ghar', raidAt, demoInv);
      accusedStep(caseId, pid, 'arrested', 'physical_remand', 'physical remand granted by the magistrate (s.167 CrPC)', t('2025-05-24', '12:00'), demoInv);
    }

    // About fifty children identified; ten rescued in the raid, six placed with the Child Protection Bureau, four with their families.
    const victims = Array.from({ length: MZG.victimsIdentified }, (_, i) => {
      const rescued = i < MZG.childrenRescued;
      const identifiedAt = rescued ? raidAt : dayAt(rng, Date.parse('2025-05-24T00:00:00Z') + rng.int(0, 9) * DAY);
      return addVictim({
        caseId, gender: rng.chance(0.55) ? 'male' : 'female', age: rng.int(MZG.victimAges.min, MZG.victimAges.max), identifiedAt, by: demoInv, district: MZG.district,
        assign: rescued ? demoProt : undefined,
      });
    });
    victims.slice(0, MZG.childrenRescued).forEach((v, i) => {
      v.row.recovered_at = iso(raidAt);
      rows.rescues.push({ id: uuid(), operation_id: opId, victim_id: v.id, rescued_at: iso(raidAt) });
      const placedAt = t(MZG.raidDay, '18:30');
      if (i < MZG.placedWithChildProtectionBureau) place(v, 'child_protection_bureau', 'Child Protection & Welfare Bureau, Muzaffargarh unit', placedAt, demoProt, null);
      else place(v, 'family', 'Returned to parents after a home assessment', placedAt, demoProt, null);
      followup(v.id, 'medical', t('2025-05-24', '11:00'), true, demoProt, 'Medical examination and treatment.');
      followup(v.id, 'psychosocial', t('2025-06-10', '11:00'), false, demoProt, 'Counselling session.');
    });

    // Items seized in the raid, each with its chain of custody.
    const seized: Array<[string, EvidenceKind, string]> = [
      ['MZG-1 Smartphone of the facility operator', 'phone', 'Android smartphone, screen locked; taken from the accused at the counter.'],
      ['MZG-2 Laptop used for uploads', 'computer', 'Laptop found in the back office, logged in to a forum account.'],
      ['MZG-3 External hard disk (2 TB)', 'storage', 'Disk found in a locked drawer.'],
      ['MZG-4 CCTV recorder (DVR)', 'other', 'Recorder of the facility cameras.'],
      ['MZG-5 Visitor register and payment slips', 'document', 'Register of visiting children and receipts of mobile-wallet payments.'],
      ['MZG-6 Two USB flash drives', 'storage', 'Found in the uploader\'s bag.'],
    ];
    for (const [label, kind, description] of seized) {
      const evId = uuid();
      const holder = custody(evId, [
        { from: null, to: demoInv, reason: 'seized during the raid; sealed and listed in the recovery memo', at: addDays(raidAt, 0.1), by: demoInv },
        { from: demoInv, to: demoSup, reason: 'deposited in the branch evidence store (malkhana)', at: addDays(raidAt, 0.4), by: demoSup },
        ...(kind === 'document' ? [] : [{ from: demoSup, to: demoAnalyst, reason: 'sent to the digital forensics lab for imaging', at: t('2025-05-26', '10:30'), by: demoAnalyst }]),
      ]);
      rows.evidence_items.push({ id: evId, case_id: caseId, label, kind, description, operation_id: opId, seized_at: iso(raidAt), custodian_id: holder, created_by: demoInv, created_at: iso(raidAt) });
    }

    // The timeline.
    const timeline: Array<[CaseEventKind, string, Date, string]> = [
      ['event', 'Complaint by a parent through the helpline; child blackmailed with recordings made at a "recreational facility".', steps[0]!.at, demoInv],
      ['note', 'Discreet verification: facility offers free games and cash to children aged 6-10; foreign visitors reported by neighbours.', t('2025-05-06', '13:00'), demoInv],
      ['event', 'Online identifiers traced: a dark-web forum account selling videos, a Bitcoin wallet and a mobile wallet receiving payments.', t('2025-05-12', '15:00'), demoInv],
      ['event', 'FIR registered under PECA 22, 22B, PPC 377B and PTPA 3 (child).', steps[2]!.at, demoInv],
      ['operation', 'Operation Khel Ghar planned for 23 May with Punjab Police, the Child Protection & Welfare Bureau and the district administration.', t('2025-05-21', '12:00'), demoInv],
      ['operation', 'Operation Khel Ghar approved by the branch supervisor.', t('2025-05-22', '18:15'), demoSup],
      ['operation', 'Operation Khel Ghar executed (5 h): 2 arrested, 10 children rescued, 6 items seized.', addDays(raidAt, 5 / 24), demoInv],
      ['event', '6 rescued children placed with the Child Protection & Welfare Bureau; 4 returned to their families after home assessment.', t(MZG.raidDay, '18:30'), demoProt],
      ['person', 'Physical remand of both arrested accused granted.', t('2025-05-24', '12:00'), demoInv],
      ['evidence', 'Seized devices imaged at the forensics lab; recordings being matched against known material.', t('2025-05-28', '16:00'), demoAnalyst],
      ['event', `${MZG.victimsIdentified} child victims identified so far from seized recordings and the visitor register.`, t('2025-06-02', '11:00'), demoInv],
      ['person', 'Action started against three family members who took money to send children to the facility.', t('2025-05-30', '12:00'), demoInv],
      ['person', 'Foreign ringleader proclaimed offender; foreign warrant and Interpol red notice requested.', t('2025-06-02', '12:30'), demoInv],
    ];
    for (const [kind, body, at, actor] of timeline) event(caseId, kind, body, at, actor);
    return { caseId, opId, ringleaderWallet: RING_BTC_ADDRESS, ringleaderHandle: 'schattenmann_77', ringleader, operator, uploader };
  }

  // ================================================================ the national caseload
  // Child-exploitation FIR cases by status; how many accused are arrested on each is fixed afterwards so the
  // total is exactly the published arrest figure.
  interface ChildCase {
    spec: CaseSpec;
    status: CaseStatus;
    convicts: number;
    minArrests: number;
    arrests: number;
  }
  const childCases: ChildCase[] = [];
  const convictQueue = { convicted: [...convictsPerCase.convicted], under_appeal: [...convictsPerCase.under_appeal] };
  for (const [status, count] of Object.entries(childFirCasesByStatus) as Array<[CaseStatus, number]>) {
    for (let i = 0; i < count; i++) {
      const branch = pickBranch();
      const team = staff.get(branch.id)!;
      const decided = status === 'convicted' || status === 'under_appeal';
      const offences = decided ? rng.pick([['PECA-22', 'PTPA-3-child'], ['PECA-21-2', 'PPC-366A'], ['PECA-22', 'PPC-366A']] as const) : rng.weighted(childOffenceSets);
      const convicts = status === 'convicted' ? convictQueue.convicted.shift()! : status === 'under_appeal' ? convictQueue.under_appeal.shift()! : 0;
      const titleKey = offences.find((c) => childTitles[c]) ?? 'PECA-22';
      const minArrests = decided ? convicts : status === 'acquitted' || courtStages.has(status) ? 1 : 0;
      childCases.push({
        spec: {
          branch, title: `${rng.pick(childTitles[titleKey]!)} (${branch.district})`,
          summary: 'Synthetic demo case: invented facts, persons and identifiers.', offences, steps: lifecycle(rng, status),
          lead: rng.pick(team.investigators), members: rng.chance(0.4) ? team.investigators : undefined, prosecutor: true,
        },
        status, convicts, minArrests, arrests: minArrests,
      });
    }
  }
  // A few of those cases belong to Muzaffargarh and to the demo investigator's team.
  childCases.filter((c) => c.spec.branch === mzgBranch).forEach((c) => (c.spec.members = [demoInv, staff.get(mzgBranch.id)!.investigators[1]!]));

  // Distribute the arrests: the Muzaffargarh raid made its own; the rest are spread, at most 4 per case.
  let remaining = nationalFigures.childExploitationArrests - MZG.arrests - childCases.reduce((s, c) => s + c.minArrests, 0);
  if (remaining < 0) throw new Error('demo dataset: more minimum arrests than the published figure');
  const canTakeArrest = (c: ChildCase) => c.arrests < 4;
  while (remaining > 0) {
    const c = rng.pick(childCases);
    if (!canTakeArrest(c)) continue;
    c.arrests++;
    remaining--;
  }

  // Sentences between 4 and 10 years, the extremes present.
  const sentences = Array.from({ length: nationalFigures.personsConvicted }, (_, i) =>
    i === 0 ? nationalFigures.sentenceMonths.min : i === 1 ? nationalFigures.sentenceMonths.max : rng.pick([48, 60, 72, 84, 96, 108, 120].filter((m) => m >= nationalFigures.sentenceMonths.min && m <= nationalFigures.sentenceMonths.max)),
  );
  rng.shuffle(sentences);

  // A wallet seen in Muzaffargarh turns up in one Lahore case: a link for the network analysis to find.
  let walletPlanted = false;
  const foreignBuyers = new Map<string, string>();

  for (const c of childCases) {
    const caseId = addCase(c.spec);
    const { steps, branch, lead } = c.spec;
    const at = (s: CaseStatus) => steps.find((x) => x.to === s)?.at ?? null;
    const fir = at('fir_registered')!;
    const last = steps[steps.length - 1]!.at;
    const challan = at('challan_submitted');
    const cancelled = at('cancelled_or_discharged');
    const trial = at('in_trial');
    const charge = at('charge_framed');
    const verdictAt = at('convicted') ?? at('acquitted');
    const appealAt = at('under_appeal');
    const court = `Court of Sessions, ${branch.district}`;
    event(caseId, 'event', `FIR registered; offences ${c.spec.offences.join(', ')}.`, fir, lead);

    // Accused: those arrested, and sometimes one more at large.
    const arrestWindowEnd = minDate(challan ?? cancelled ?? trial ?? asOfEnd, addDays(fir, 45));
    const withRaid = c.arrests > 0 && rng.chance(0.35);
    const raidAt = withRaid ? new Date(fir.getTime() + rng.next() * Math.max(0, arrestWindowEnd.getTime() - fir.getTime()) * 0.5) : null;
    let opId: string | null = null;
    if (raidAt) {
      opId = uuid();
      rows.operations.push({
        id: opId, case_id: caseId, name: `Raid ${branch.district.slice(0, 3).toUpperCase()}-${rng.int(10, 99)}`, status: 'executed', planned_for: iso(raidAt),
        place: `Residence of the accused, ${branch.district}`, agencies: rng.chance(0.6) ? ['NCCIA', `${branch.province === 'Islamabad Capital Territory' ? 'Islamabad' : branch.province} Police`] : ['NCCIA'],
        approved_by: staff.get(branch.id)!.supervisor, approved_at: iso(addDays(raidAt, -1)), executed_at: iso(raidAt), duration_minutes: rng.int(2, 8) * 30,
        notes: '', created_by: lead, created_at: iso(addDays(raidAt, -2)), updated_at: iso(raidAt), cancelled_at: null, cancelled_by: null, cancel_reason: null,
      });
      event(caseId, 'operation', 'Raid executed: accused arrested, devices seized.', raidAt, lead);
    }
    const accusedIds: Array<{ id: string; arrestedAt: Date | null }> = [];
    const convictsLeft = { n: c.convicts };
    for (let k = 0; k < c.arrests; k++) {
      const n = names.man();
      const pid = addPerson({ name: n, gender: 'male', age: rng.int(19, 55), nationality: 'PK', by: lead, at: fir });
      identifier(pid, 'phone', phone(), 'mobile');
      if (rng.chance(0.3)) identifier(pid, 'handle', `${n.latin.split(' ')[0]!.toLowerCase()}_${rng.int(10, 999)}`, rng.pick(['messaging app', 'video app', 'social network']));
      if (!walletPlanted && branch === lahore) {
        identifier(pid, 'crypto_address', mzg.ringleaderWallet, 'Bitcoin');
        walletPlanted = true;
      }
      const arrestedAt = k === 0 && raidAt ? raidAt : raidAt && rng.chance(0.5) ? raidAt : new Date(fir.getTime() + rng.next() * Math.max(60_000, arrestWindowEnd.getTime() - fir.getTime()));
      accusedIds.push({ id: pid, arrestedAt });
      rows.arrests.push({ id: uuid(), case_id: caseId, person_id: pid, operation_id: raidAt && arrestedAt === raidAt ? opId : null, arrested_at: iso(arrestedAt), place: raidAt && arrestedAt === raidAt ? `Residence of the accused, ${branch.district}` : branch.district, created_by: lead });
      // Accused status along the case.
      const hist: Array<[AccusedStatus, string, Date]> = [['arrested', 'arrested', arrestedAt]];
      let final: AccusedStatus = 'arrested';
      const remandAt = addDays(arrestedAt, 1);
      if (remandAt <= asOfEnd) {
        hist.push(['physical_remand', 'physical remand (s.167 CrPC)', remandAt]);
        final = 'physical_remand';
      }
      const laterThanRemand = addDays(arrestedAt, rng.int(6, 14));
      if (laterThanRemand <= asOfEnd || verdictAt) {
        const bail = rng.chance(0.45);
        hist.push([bail ? 'on_bail' : 'judicial_remand', bail ? 'bail granted (s.497 CrPC)' : 'judicial remand (s.344 CrPC)', minDate(laterThanRemand, verdictAt ? addDays(verdictAt, -1) : laterThanRemand)]);
        final = bail ? 'on_bail' : 'judicial_remand';
      }
      if (cancelled && final !== 'on_bail') {
        hist.push(['on_bail', 'released on the cancellation report (s.169 CrPC)', cancelled]);
        final = 'on_bail';
      }
      if (verdictAt) {
        const convicted = convictsLeft.n > 0;
        if (convicted) convictsLeft.n--;
        final = convicted ? 'convicted' : 'acquitted';
        hist.push([final, convicted ? 'convicted by the trial court' : 'acquitted by the trial court', verdictAt]);
        const sentence = convicted ? sentences.pop()! : null;
        const verdictId = uuid();
        rows.verdicts.push({ id: verdictId, case_id: caseId, person_id: pid, outcome: convicted ? 'convicted' : 'acquitted', court, decided_at: iso(verdictAt), sentence_months: sentence, fine_rupees: convicted ? rng.pick([200_000, 500_000, 1_000_000]) : null, created_by: demoPros });
        if (appealAt && convicted) rows.appeals.push({ id: uuid(), verdict_id: verdictId, court: 'High Court (appellate bench)', filed_at: iso(appealAt), filed_by: 'defence', status: 'pending', decided_at: null, created_by: demoPros });
      }
      rows.case_persons.push({ case_id: caseId, person_id: pid, role: k === 0 ? 'suspect' : rng.pick(['suspect', 'facilitator'] as const), accused_status: final, foreign_warrant_requested: false, added_at: iso(fir) });
      accusedStep(caseId, pid, null, 'at_large', 'named in the FIR', fir, lead);
      let prev: AccusedStatus = 'at_large';
      for (const [to, why, when] of hist) {
        accusedStep(caseId, pid, prev, to, why, maxDate(when, fir), courtStages.has(to as CaseStatus) ? demoPros : lead);
        prev = to;
      }
    }
    if (c.convicts > 0 && convictsLeft.n > 0) throw new Error('demo dataset: a convicted case has fewer accused than convicts');
    if (c.arrests && !raidAt) event(caseId, 'person', `${c.arrests} accused arrested.`, accusedIds[0]!.arrestedAt!, lead);
    if (rng.chance(0.25) || (c.arrests === 0 && rng.chance(0.5))) {
      // Foreign buyers recur across cases: one person record each, linked to every case that names them.
      const foreign = rng.chance(0.3) ? rng.pick(foreignNames) : null;
      let pid = foreign ? foreignBuyers.get(foreign.latin) : undefined;
      if (!pid) {
        pid = foreign
          ? addPerson({ name: { latin: foreign.latin }, gender: 'male', age: null, nationality: foreign.nationality, notes: 'Foreign buyer identified from payment records.', by: lead, at: fir })
          : addPerson({ name: names.man(), gender: 'male', age: rng.int(20, 50), nationality: 'PK', by: lead, at: fir });
        identifier(pid, 'handle', `user${rng.int(1000, 99999)}`, foreign ? 'dark-web forum (onion service)' : 'messaging app');
        if (foreign) foreignBuyers.set(foreign.latin, pid);
      }
      const po = last.getTime() - fir.getTime() > 90 * DAY && rng.chance(0.5);
      rows.case_persons.push({ case_id: caseId, person_id: pid, role: 'suspect', accused_status: po ? 'proclaimed_offender' : 'at_large', foreign_warrant_requested: Boolean(foreign) && po, added_at: iso(fir) });
      accusedStep(caseId, pid, null, 'at_large', 'named in the FIR; absconding', fir, lead);
      if (po) accusedStep(caseId, pid, 'at_large', 'proclaimed_offender', 'proclaimed offender (s.87 CrPC)', addDays(fir, 90), lead);
    }

    // Evidence seized from the accused.
    if (accusedIds.length) {
      const items = rng.int(1, 2);
      for (let k = 0; k < items; k++) {
        const seizedAt = accusedIds[0]!.arrestedAt!;
        const evId = uuid();
        const kind = k === 0 ? 'phone' : rng.pick(['computer', 'storage'] as const);
        const holder = custody(evId, [
          { from: null, to: lead, reason: 'seized from the accused; sealed', at: seizedAt, by: lead },
          ...(rng.chance(0.6) ? [{ from: lead, to: staff.get(branch.id)!.supervisor, reason: 'deposited in the branch evidence store', at: addDays(seizedAt, 1), by: lead }] : []),
        ]);
        rows.evidence_items.push({ id: evId, case_id: caseId, label: `E-${k + 1} ${kind === 'phone' ? 'Mobile phone' : kind === 'computer' ? 'Laptop' : 'USB drive'} of accused ${k + 1}`, kind, description: 'Seized device (synthetic).', operation_id: raidAt && seizedAt === raidAt ? opId : null, seized_at: iso(seizedAt), custodian_id: holder, created_by: lead, created_at: iso(seizedAt) });
      }
    }

    // Court: charges, hearings, verdict events.
    if (charge) {
      for (const a of accusedIds) for (const code of c.spec.offences) if (input.offences.get(code)) rows.charges.push({ id: uuid(), case_id: caseId, person_id: a.id, offence_code: code, court, framed_at: iso(charge), created_by: demoPros });
    }
    if (trial) {
      const end = verdictAt ?? asOfEnd;
      const hearings = rng.int(1, 4);
      for (let k = 0; k < hearings; k++) {
        const when = new Date(trial.getTime() + ((k + 1) / (hearings + 1)) * (end.getTime() - trial.getTime()));
        rows.hearings.push({ id: uuid(), case_id: caseId, court, scheduled_for: iso(when), purpose: rng.pick(['framing of charge', 'prosecution evidence', 'statement of the accused (s.342 CrPC)', 'arguments']), outcome: rng.pick(['adjourned', 'evidence recorded', 'proceeded']), created_by: demoPros });
      }
    }
    if (verdictAt) event(caseId, 'prosecution', c.status === 'acquitted' ? 'Judgment: accused acquitted.' : `Judgment: ${c.convicts} convicted.`, verdictAt, demoPros);
    if (challan) event(caseId, 'event', 'Final report (challan) submitted.', challan, lead);

    // Child victims identified; some recovered and placed.
    const nVictims = rng.weighted([[0, 3], [1, 4], [2, 3], [3, 1]] as const);
    for (let k = 0; k < nVictims; k++) {
      const identifiedAt = new Date(steps[0]!.at.getTime() + rng.next() * (last.getTime() - steps[0]!.at.getTime()));
      const v = addVictim({ caseId, gender: rng.chance(0.5) ? 'female' : 'male', age: rng.int(8, 17), identifiedAt, by: lead, district: branch.district });
      const fate = rng.weighted([['identified', 4], ['placed', 4], ['closed', 2]] as const);
      if (fate === 'identified') continue;
      const recoveredAt = raidAt && raidAt >= identifiedAt ? raidAt : addDays(identifiedAt, rng.next() * 3);
      if (recoveredAt > asOfEnd) continue;
      v.row.recovered_at = iso(recoveredAt);
      v.row.state = 'recovered';
      if (raidAt && recoveredAt === raidAt) {
        v.row.identified_at = iso(minDate(identifiedAt, raidAt));
        rows.rescues.push({ id: uuid(), operation_id: opId, victim_id: v.id, rescued_at: iso(raidAt) });
      }
      const kind = rng.weighted([['family', 5], ['child_protection_bureau', 3], ['shelter', 2]] as const);
      const facility = kind === 'family' ? 'Returned to family' : kind === 'shelter' ? `Shelter home, ${branch.district}` : `Child Protection & Welfare Bureau, ${branch.district}`;
      const endAt = fate === 'closed' ? addDays(recoveredAt, rng.int(30, 200)) : null;
      const placedAt = addDays(recoveredAt, 0.2);
      if (placedAt > asOfEnd) continue;
      const officer = protectionOfficer.get(branch.province)!;
      rows.victim_assignments.push({ victim_id: v.id, user_id: officer, assigned_at: iso(recoveredAt) });
      place(v, kind, facility, placedAt, officer, endAt && endAt <= asOfEnd ? endAt : null);
      followup(v.id, rng.pick(['psychosocial', 'medical', 'home_visit', 'education']), addDays(recoveredAt, rng.int(3, 20)), rng.chance(0.7), officer, 'Follow-up (synthetic).');
    }
  }

  // ---- cases that must not count: fraud and harassment, and child complaints still before an FIR
  const otherCase = (kind: 'fraud' | 'harassment' | 'child', withFir: boolean) => {
    const branch = pickBranch();
    const team = staff.get(branch.id)!;
    const offences = kind === 'fraud' ? rng.pick(fraudSets) : kind === 'harassment' ? rng.pick(harassmentSets) : rng.weighted(childOffenceSets);
    const status: CaseStatus = withFir
      ? rng.weighted([['under_investigation', 5], ['challan_submitted', 2], ['in_trial', 2], ['convicted', 1], ['cancelled_or_discharged', 1]] as const)
      : rng.weighted([['complaint_received', 3], ['inquiry_open', 4], ['inquiry_closed', 2]] as const);
    const titleKey = offences.find((c) => childTitles[c]) ?? 'PECA-22';
    const title = kind === 'fraud' ? rng.pick(fraudTitles) : kind === 'harassment' ? rng.pick(harassmentTitles) : rng.pick(childTitles[titleKey]!);
    const steps = lifecycle(rng, status);
    const lead = rng.pick(team.investigators);
    const caseId = addCase({ branch, title: `${title} (${branch.district})`, summary: 'Synthetic demo case: invented facts, persons and identifiers.', offences, steps, lead, prosecutor: true });
    if (isChild(offences) && withFir) throw new Error('demo dataset: a child case was generated among the non-child FIRs');
    const fir = steps.find((s) => s.to === 'fir_registered')?.at;
    const verdictAt = steps.find((s) => s.to === 'convicted')?.at;
    const n = withFir ? rng.int(0, 2) + (verdictAt ? 1 : 0) : rng.int(0, 1);
    for (let k = 0; k < n; k++) {
      const woman = rng.chance(0.2);
      const pid = addPerson({ name: woman ? names.woman() : names.man(), gender: woman ? 'female' : 'male', age: rng.int(20, 60), nationality: 'PK', by: lead, at: steps[0]!.at });
      identifier(pid, 'phone', phone(), 'mobile');
      if (kind === 'fraud') identifier(pid, rng.pick(['bank_account', 'wallet'] as const), `PK00DEMO${rng.int(10_000_000, 99_999_999)}`, rng.pick(['bank', 'mobile wallet']));
      let status: AccusedStatus = 'at_large';
      rows.case_persons.push({ case_id: caseId, person_id: pid, role: 'suspect', accused_status: null, foreign_warrant_requested: false, added_at: iso(steps[0]!.at) });
      const cp = rows.case_persons[rows.case_persons.length - 1]!;
      if (!fir) continue;
      accusedStep(caseId, pid, null, 'at_large', 'named in the FIR', fir, lead);
      if (k === 0 && (verdictAt || rng.chance(0.7))) {
        const arrestedAt = addDays(fir, rng.next() * 10);
        rows.arrests.push({ id: uuid(), case_id: caseId, person_id: pid, operation_id: null, arrested_at: iso(arrestedAt), place: branch.district, created_by: lead });
        accusedStep(caseId, pid, 'at_large', 'arrested', 'arrested', arrestedAt, lead);
        status = 'arrested';
        if (verdictAt) {
          accusedStep(caseId, pid, 'arrested', 'convicted', 'convicted by the trial court', verdictAt, demoPros);
          status = 'convicted';
          // Sentences outside the 4-10 year range: they must not leak into the child-exploitation figures.
          rows.verdicts.push({ id: uuid(), case_id: caseId, person_id: pid, outcome: 'convicted', court: `Court of Sessions, ${branch.district}`, decided_at: iso(verdictAt), sentence_months: rng.pick([12, 18, 24, 36]), fine_rupees: 100_000, created_by: demoPros });
        }
      }
      cp.accused_status = status;
    }
    if (!isChild(offences) || rng.chance(0.5)) return;
    addVictim({ caseId, gender: rng.chance(0.5) ? 'female' : 'male', age: rng.int(9, 17), identifiedAt: steps[steps.length - 1]!.at, by: lead, district: branch.district });
  };
  for (let i = 0; i < otherCaseCounts.childPreFir; i++) otherCase('child', false);
  for (let i = 0; i < otherCaseCounts.financialFraudWithFir; i++) otherCase('fraud', true);
  for (let i = 0; i < otherCaseCounts.financialFraudPreFir; i++) otherCase('fraud', false);
  for (let i = 0; i < otherCaseCounts.harassmentWithFir; i++) otherCase('harassment', true);
  for (let i = 0; i < otherCaseCounts.harassmentPreFir; i++) otherCase('harassment', false);

  // ---- the ring as graph records (entities, links, payments, communications), then one entity per key
  const ring = buildRing({ rows, mzg: { caseId: mzg.caseId, opId: mzg.opId, ringleader: mzg.ringleader, operator: mzg.operator, uploader: mzg.uploader }, lahoreBranchId: lahore.id, identifier });
  finishGraphRows(rows);

  // ---- pseudonyms V-YYYY-NNNN in order of identification within each year
  const perYear = new Map<number, number>();
  const when = (r: Row) => Date.parse(String(r.identified_at));
  victimRows.sort((a, b) => when(a) - when(b) || String(a.id).localeCompare(String(b.id)));
  for (const v of victimRows) {
    const year = new Date(when(v)).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    v.pseudonym = `V-${year}-${String(n).padStart(4, '0')}`;
  }

  // ---- each child's safeguarding steps, with who and when (identified -> recovered -> placed -> closed)
  const placementOf = new Map(rows.placements.map((p) => [String(p.victim_id), p]));
  const rescuedIn = new Set(rows.rescues.map((r) => String(r.victim_id)));
  for (const v of rows.victims) {
    const p = placementOf.get(String(v.id));
    const step = (from: string | null, to: string, reason: string, at: unknown, actor: unknown) =>
      rows.victim_state_history.push({ victim_id: v.id, from_state: from, to_state: to, reason, actor_id: actor, at });
    step(null, 'identified', 'identified as a victim', v.identified_at, v.created_by);
    if (v.recovered_at) step('identified', 'recovered', rescuedIn.has(String(v.id)) ? 'rescued in an operation' : 'recovered and handed to the branch', v.recovered_at, v.created_by);
    if (p && v.placed_at) step('recovered', 'placed', `placed: ${String(p.facility)}`, v.placed_at, p.created_by);
    if (p && v.closed_at) step('placed', 'closed', 'placement ended; safeguarding closed', v.closed_at, p.created_by);
  }

  // ---- a case was last updated by its latest status change or timeline entry
  const latest = new Map<string, string>();
  const bump = (caseId: unknown, at: unknown) => {
    const prev = latest.get(String(caseId));
    if (!prev || String(at) > prev) latest.set(String(caseId), String(at));
  };
  for (const h of rows.case_status_history) bump(h.case_id, h.at);
  for (const e of rows.case_events) bump(e.case_id, e.occurred_at);
  for (const c of rows.cases) c.updated_at = latest.get(String(c.id)) ?? c.updated_at;

  return { rows, users, muzaffargarhCaseId: mzg.caseId, muzaffargarhOperationId: mzg.opId, ring };
}
