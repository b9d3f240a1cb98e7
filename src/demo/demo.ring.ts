import { createHash } from 'node:crypto';
import { bech32 } from '@scure/base';
import type { EntityKind, LinkKind, LinkSourceType, NodeType, ParticipantRole } from '../platform/db/schema.ts';
import { nameKey } from '../modules/persons/person.names.ts';
import { entityKey } from '../modules/entities/entity.keys.ts';
import { DEMO_AS_OF, DEMO_SEED } from './demo.figures.ts';
import { createRng } from './prng.ts';
import type { DemoRows } from './demo.dataset.ts';

// The Muzaffargarh ring as graph records (issue 9): the facility and its place, the forum accounts, the
// live-stream sessions with their foreign viewers and payers, payments from abroad into the local mobile
// wallet and into the ringleader's Bitcoin address, the devices seized in Operation Khel Ghar, a second case
// in Lahore that shares the forum handle and the wallet, and one man recorded twice, in Muzaffargarh in Urdu
// script and in Lahore in Latin script, with the same phone and date of birth. Rows go straight into the
// tables of migration 0013; every link carries its provenance (case, source record, observed period,
// confidence, recorded by a demo user). Every name, handle, number and address is invented.
//
// Entity keys come from src/modules/entities/entity.keys.ts, as for every form, import and bundle.

type Row = Record<string, unknown>;

/** Platforms as the rest of the demo writes them (the same strings give the same account entities). */
export const FORUM = 'dark-web forum (onion service)';
export const STREAM_APP = 'live-streaming app';
export const MONEY_TRANSFER = 'money transfer service';

/** The ringleader's forum handle (already an identifier of the ringleader in demo.dataset.ts). */
export const RING_HANDLE = 'schattenmann_77';
/** The mobile wallet of the facility operator: JazzCash on his number (his phone identifier in demo.dataset.ts). */
export const RING_WALLET_NUMBER = '+923994417020';
export const RING_WALLET = `jazzcash:${RING_WALLET_NUMBER}`;

/**
 * An invented Bitcoin SegWit v0 (P2WPKH, bech32) address: the witness program is the first 20 bytes of the
 * SHA-256 of a label, so the address is checksum-correct yet belongs to nobody that could be found (guessing it
 * means finding a 160-bit hash preimage). Never an address copied from anywhere.
 */
export function inventedBtcAddress(label: string): string {
  const program = createHash('sha256').update(`amaan demo ring: ${label}`).digest().subarray(0, 20);
  return bech32.encode('bc', [0, ...bech32.toWords(program)]);
}

/** The ringleader's Bitcoin address: payments for footage and live streams flowed there. */
export const RING_BTC_ADDRESS = inventedBtcAddress('ringleader');
/** Two foreign viewers' addresses that paid for live streams. */
export const VIEWER_BTC_ADDRESSES = [inventedBtcAddress('viewer 1'), inventedBtcAddress('viewer 2')] as const;

/** The man recorded twice: in Muzaffargarh (Urdu script) and in Lahore (Latin script). */
export const RING_DUPLICATE = {
  urdu: 'محمد رفیق بھٹہ',
  latin: 'Mohd Rafiq Bhutta',
  latinVariant: 'M. Rafiq Bhutta',
  dateOfBirth: '1984-09-17',
  phone: '+923996204417',
} as const;

/** An IMEI with its Luhn check digit (14 digits given). */
export function imeiWithCheck(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(first14[13 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return first14 + String((10 - (sum % 10)) % 10);
}


export interface RingKey {
  key: string;
  display: string;
  platform: string | null;
}

/** The entity key of a ring value (entityKey); throws on a value that is not of its kind: the ring's values are fixed, so that is a bug here. */
export function ringKey(kind: EntityKind, value: string, platform: string | null): RingKey {
  const r = entityKey(kind, value, platform);
  if (!r.ok) throw new Error(`demo ring: ${kind} ${value} is not valid (${r.reason})`);
  return { key: r.key, display: r.display, platform: r.platform };
}

export interface RingInput {
  rows: DemoRows;
  mzg: { caseId: string; opId: string; ringleader: string; operator: string; uploader: string };
  lahoreBranchId: number;
  /** The builder's identifier writer, so the ring's persons get their identifiers the way every demo person does. */
  identifier: (personId: string, kind: string, value: string, platform?: string | null) => void;
}

/** Ids a test, the graph and the resolution helpers can start from. */
export interface DemoRing {
  mzgCaseId: string;
  /** The Lahore case that shares the forum handle and the wallet. */
  secondCaseId: string;
  /** Shafqat Laghari, arrested in Operation Khel Ghar: the start of "what links him to the ringleader?". */
  arrestedSuspectId: string;
  /** Muhammad Waqas Joiya, the facility operator, also arrested (a longer path: through the facility). */
  operatorId: string;
  ringleaderPersonId: string;
  /** The entity of the ringleader's forum handle schattenmann_77. */
  ringleaderHandleEntityId: string;
  walletEntityId: string;
  btcEntityId: string;
  facilityEntityId: string;
  /** Two person records of one man: محمد رفیق بھٹہ (Muzaffargarh) and Mohd Rafiq Bhutta (Lahore). */
  mergePair: { urduPersonId: string; latinPersonId: string };
}

const DAY = 86_400_000;
const pkt = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:00`);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const AS_OF_END = new Date(Date.parse(`${DEMO_AS_OF}T00:00:00Z`) + DAY - 1);
const FIRST_DAY = Date.parse('2024-01-02T00:00:00Z');
const clamp = (d: Date) => new Date(Math.min(AS_OF_END.getTime(), Math.max(FIRST_DAY, d.getTime())));

export function buildRing(input: RingInput): DemoRing {
  const { rows, mzg } = input;
  const idRng = createRng(DEMO_SEED ^ 0x7269_6e67); // its own stream: the rest of the dataset keeps its ids
  const uuid = () => idRng.uuid();
  const user = (username: string) => {
    const u = rows.users.find((r) => r.username === username);
    if (!u) throw new Error(`demo ring: no user ${username}`);
    return String(u.id);
  };
  const inv = user('demo.investigator');
  const analyst = user('demo.analyst');

  // ---- writers
  // An entity already written (by the ring, or from a person's identifiers) is reused: one row per (kind, key),
  // so the ids returned below stay valid after finishGraphRows.
  const entity = (kind: EntityKind, value: string, opts: { platform?: string | null; attributes?: Row; by: string; at: Date }) => {
    const { key, display, platform } = ringKey(kind, value, opts.platform ?? null);
    const existing = rows.entities.find((e) => e.kind === kind && e.key === key);
    if (existing) {
      if (opts.attributes) existing.attributes = { ...(existing.attributes as Row | undefined), ...opts.attributes };
      return String(existing.id);
    }
    const id = uuid();
    rows.entities.push({ id, kind, key, display, platform, attributes: opts.attributes ?? {}, created_by: opts.by, created_at: iso(opts.at) });
    return id;
  };
  interface Provenance {
    caseId: string;
    source: [LinkSourceType, string];
    from?: Date | null;
    to?: Date | null;
    confidence?: number;
    notes?: string;
    by: string;
    at: Date;
  }
  const link = (kind: LinkKind, from: [NodeType, string], to: [NodeType, string], p: Provenance) =>
    rows.links.push({
      id: uuid(), kind, from_type: from[0], from_id: from[1], to_type: to[0], to_id: to[1], case_id: p.caseId, source_type: p.source[0], source_id: p.source[1],
      observed_from: iso(p.from ?? null), observed_to: iso(p.to ?? null), confidence: p.confidence ?? 1, notes: p.notes ?? '', recorded_by: p.by, recorded_at: iso(p.at),
    });
  const communication = (c: { caseId: string; kind: 'live_stream' | 'message'; platform: string; start: Date; minutes: number; notes: string; evidenceId: string | null; by: string; at: Date; participants: Array<[string, ParticipantRole]> }) => {
    const id = uuid();
    rows.communications.push({ id, case_id: c.caseId, kind: c.kind, platform: c.platform, started_at: iso(c.start), ended_at: iso(new Date(c.start.getTime() + c.minutes * 60_000)), notes: c.notes, evidence_id: c.evidenceId, recorded_by: c.by, recorded_at: iso(c.at) });
    for (const [entityId, role] of c.participants) rows.communication_participants.push({ communication_id: id, entity_id: entityId, role });
    return id;
  };
  const payment = (p: { caseId: string; from: string; to: string; amount: string; currency: string; at: Date; reference: string; evidenceId: string | null; by: string; recordedAt: Date }) => {
    const id = uuid();
    rows.payments.push({ id, case_id: p.caseId, from_entity_id: p.from, to_entity_id: p.to, amount: p.amount, currency: p.currency, paid_at: iso(p.at), reference: p.reference, evidence_id: p.evidenceId, recorded_by: p.by, recorded_at: iso(p.recordedAt) });
    return id;
  };
  const addPerson = (p: { names: Array<[string, 'latin' | 'urdu', 'primary' | 'variant']>; dateOfBirth: string; by: string; at: Date; notes: string }) => {
    const id = uuid();
    rows.persons.push({ id, display_name: p.names[0]![0], gender: 'male', date_of_birth: p.dateOfBirth, estimated_age: null, nationality: 'PK', notes: p.notes, created_by: p.by, created_at: iso(p.at), updated_at: iso(p.at) });
    for (const [name, script, kind] of p.names) rows.person_names.push({ person_id: id, name, script, kind, name_key: nameKey(name) });
    return id;
  };

  // ---- the Muzaffargarh case: its seized items by label
  const evidence = (caseId: string, prefix: string) => {
    const e = rows.evidence_items.find((r) => r.case_id === caseId && String(r.label).startsWith(prefix));
    if (!e) throw new Error(`demo ring: no evidence ${prefix}`);
    return String(e.id);
  };
  const phoneItem = evidence(mzg.caseId, 'MZG-1 ');
  const laptopItem = evidence(mzg.caseId, 'MZG-2 ');
  const slipsItem = evidence(mzg.caseId, 'MZG-5 ');
  const raid = pkt('2025-05-23', '10:00');
  const afterRaid = (days: number) => new Date(raid.getTime() + days * DAY);
  const M = mzg.caseId;
  const fromCase = (by: string, at: Date, extra: Partial<Provenance> = {}): Provenance => ({ caseId: M, source: ['case', M], by, at, ...extra });
  const fromItem = (item: string, by: string, at: Date, extra: Partial<Provenance> = {}): Provenance => ({ caseId: M, source: ['evidence', item], by, at, ...extra });

  // The facility and where it stands.
  const verified = pkt('2025-05-06', '13:00');
  const facility = entity('organisation', 'Rangla Fun Club', { platform: 'recreational facility', attributes: { registeredAs: 'recreational facility', district: 'Muzaffargarh' }, by: inv, at: verified });
  const place = entity('place', 'Ward 9, Muzaffargarh', { attributes: { district: 'Muzaffargarh', province: 'Punjab' }, by: inv, at: verified });
  link('located_at', ['entity', facility], ['entity', place], fromCase(inv, verified, { from: pkt('2024-02-01', '12:00'), to: raid, notes: 'Discreet verification of the facility.' }));
  link('works_at', ['person', mzg.operator], ['entity', facility], fromCase(inv, verified, { from: pkt('2024-02-01', '12:00'), to: raid, notes: 'Ran the facility (visitor register, statements of neighbours).' }));
  link('works_at', ['person', mzg.uploader], ['entity', facility], fromCase(inv, afterRaid(1), { from: pkt('2024-06-01', '12:00'), to: raid, confidence: 0.9, notes: 'Worked in the back office; named in the operator\'s statement.' }));

  // The operator's phone and the JazzCash wallet on it (visitor register and payment slips, MZG-5).
  const phone = entity('phone', RING_WALLET_NUMBER, { by: inv, at: pkt('2025-05-12', '15:00') });
  const wallet = entity('wallet', RING_WALLET, { platform: 'JazzCash', by: inv, at: pkt('2025-05-12', '15:00') });
  link('owns', ['person', mzg.operator], ['entity', wallet], fromItem(slipsItem, inv, afterRaid(2), { from: pkt('2024-03-01', '12:00'), to: raid, notes: 'Wallet receipts in the operator\'s name among the seized payment slips.' }));
  link('other', ['entity', wallet], ['entity', phone], fromItem(slipsItem, inv, afterRaid(2), { notes: 'Mobile wallet registered on this number.' }));
  link('uses', ['person', mzg.operator], ['entity', phone], fromItem(phoneItem, inv, afterRaid(1), { from: pkt('2024-03-01', '12:00'), to: raid, notes: 'SIM in the operator\'s seized smartphone.' }));

  // Devices seized in Operation Khel Ghar (forensic images, 28 May).
  const imaged = pkt('2025-05-28', '16:00');
  const smartphone = entity('device', imeiWithCheck('35927410460218'), { attributes: { model: 'Android smartphone', evidenceLabel: 'MZG-1' }, by: inv, at: raid });
  const laptop = entity('device', '5CD4190QZ7', { attributes: { model: 'laptop', evidenceLabel: 'MZG-2' }, by: inv, at: raid });
  link('seized_in', ['entity', smartphone], ['operation', mzg.opId], fromItem(phoneItem, inv, afterRaid(0.1), { from: raid, to: raid }));
  link('seized_in', ['entity', laptop], ['operation', mzg.opId], fromItem(laptopItem, inv, afterRaid(0.1), { from: raid, to: raid }));
  link('uses', ['person', mzg.operator], ['entity', smartphone], fromItem(phoneItem, inv, afterRaid(0.1), { to: raid, notes: 'Taken from the accused at the counter.' }));
  link('uses', ['person', mzg.uploader], ['entity', laptop], fromItem(laptopItem, analyst, imaged, { to: raid, confidence: 0.9, notes: 'His user profile and documents on the laptop.' }));

  // Forum accounts found logged in on the laptop, and the IP address they used (a documentation range).
  const uploaderForum = entity('account', 'lagh_uploads', { platform: FORUM, by: analyst, at: imaged });
  const ringForum = entity('account', RING_HANDLE, { platform: FORUM, attributes: { country: 'DE' }, by: inv, at: pkt('2025-05-12', '15:00') });
  const streamHost = entity('account', 'rangla_live', { platform: STREAM_APP, by: analyst, at: imaged });
  const ip = entity('ip_address', '203.0.113.57', { attributes: { note: 'documentation range (RFC 5737): invented' }, by: analyst, at: imaged });
  link('uses', ['person', mzg.uploader], ['entity', uploaderForum], fromItem(laptopItem, analyst, imaged, { from: pkt('2024-09-10', '12:00'), to: raid, confidence: 0.95, notes: 'Logged in on the seized laptop; recovery e-mail in his name.' }));
  link('found_on', ['entity', uploaderForum], ['entity', laptop], fromItem(laptopItem, analyst, imaged, { to: raid, notes: 'Session open in the browser when seized.' }));
  link('uses', ['person', mzg.uploader], ['entity', streamHost], fromItem(laptopItem, analyst, imaged, { from: pkt('2025-03-01', '12:00'), to: raid, confidence: 0.9, notes: 'Streaming app signed in on the laptop.' }));
  link('found_on', ['entity', streamHost], ['entity', laptop], fromItem(laptopItem, analyst, imaged, { to: raid }));
  link('uses', ['entity', laptop], ['entity', ip], fromItem(laptopItem, analyst, imaged, { from: pkt('2025-05-14', '21:10'), to: pkt('2025-05-14', '21:40'), confidence: 0.8, notes: 'Address of the forum sessions in the browser history (time and port recorded).' }));
  link('uses', ['person', mzg.ringleader], ['entity', ringForum], fromItem(laptopItem, analyst, imaged, { from: pkt('2024-09-10', '12:00'), to: pkt('2025-05-14', '12:00'), confidence: 0.8, notes: 'Forum messages signed "A."; the same Bitcoin address given for payment.' }));

  // Messages on the forum between the uploader's account and the ringleader's.
  const threads = [pkt('2025-02-08', '22:15'), pkt('2025-03-29', '23:05'), pkt('2025-05-14', '21:20')].map((start, i) =>
    communication({
      caseId: M, kind: 'message', platform: FORUM, start, minutes: 35 + i * 10, evidenceId: laptopItem, by: analyst, at: imaged,
      notes: 'Private forum messages recovered from the laptop (content held as evidence, not reproduced).',
      participants: [[uploaderForum, 'sender'], [ringForum, 'recipient']],
    }));
  link('communicated', ['entity', uploaderForum], ['entity', ringForum], { caseId: M, source: ['communication', threads[0]!], from: pkt('2025-02-08', '22:15'), to: pkt('2025-05-14', '22:15'), notes: 'Three message threads recovered from the laptop.', by: analyst, at: imaged });

  // The ringleader's Bitcoin address (the same address as his and the uploader's identifier).
  const btc = entity('crypto_address', RING_BTC_ADDRESS, { platform: 'Bitcoin', by: inv, at: pkt('2025-05-12', '15:00') });
  link('owns', ['person', mzg.ringleader], ['entity', btc], fromItem(laptopItem, analyst, imaged, { confidence: 0.8, notes: 'Given as the payment address in his forum messages.' }));

  // Live-stream sessions: foreign viewers, each session paid from abroad.
  const viewer = (handle: string, country: string) => entity('account', handle, { platform: STREAM_APP, attributes: { country }, by: analyst, at: imaged });
  const nordlicht = viewer('nordlicht_44', 'DE');
  const tulp = viewer('tulpvogel', 'NL');
  const heron = viewer('greyheron_uk', 'GB');
  const outback = viewer('outback_quiet', 'AU');
  const schattenViewer = viewer('schatten.m', 'DE');
  link('same_as', ['entity', schattenViewer], ['entity', ringForum], fromItem(laptopItem, analyst, imaged, { confidence: 0.7, notes: 'Same alias; pays to the same Bitcoin address.' }));
  const remitDe = entity('account', 'MT-DE-40417-2203', { platform: MONEY_TRANSFER, attributes: { country: 'DE' }, by: inv, at: afterRaid(2) });
  const remitGb = entity('account', 'MT-GB-88120-5512', { platform: MONEY_TRANSFER, attributes: { country: 'GB' }, by: inv, at: afterRaid(2) });
  const [viewerBtc1, viewerBtc2] = VIEWER_BTC_ADDRESSES.map((a) => entity('crypto_address', a, { platform: 'Bitcoin', by: analyst, at: imaged }));
  const sessions: Array<{ day: string; viewers: string[]; payer: string; to: string; amount: string; currency: string; item: string }> = [
    { day: '2025-03-15', viewers: [nordlicht, tulp, schattenViewer], payer: viewerBtc1, to: btc, amount: '0.00610000', currency: 'BTC', item: laptopItem },
    { day: '2025-04-12', viewers: [nordlicht, heron, outback], payer: remitGb, to: wallet, amount: '56000', currency: 'PKR', item: slipsItem },
    { day: '2025-05-03', viewers: [tulp, heron, schattenViewer], payer: remitDe, to: wallet, amount: '84000', currency: 'PKR', item: slipsItem },
    { day: '2025-05-17', viewers: [nordlicht, outback, schattenViewer], payer: viewerBtc2, to: btc, amount: '0.00940000', currency: 'BTC', item: laptopItem },
  ];
  for (const s of sessions) {
    const start = pkt(s.day, '21:00');
    communication({
      caseId: M, kind: 'live_stream', platform: STREAM_APP, start, minutes: 50, evidenceId: laptopItem, by: analyst, at: imaged,
      notes: 'Session reconstructed from the app\'s history on the laptop: host, viewers and the payment that opened it. No footage is held here.',
      participants: [[streamHost, 'host'], ...s.viewers.map((v) => [v, 'viewer'] as [string, ParticipantRole]), [s.payer, 'payer']],
    });
    payment({ caseId: M, from: s.payer, to: s.to, amount: s.amount, currency: s.currency, at: new Date(start.getTime() - 2 * 3600_000), reference: `access to the session of ${s.day}`, evidenceId: s.item, by: s.item === slipsItem ? inv : analyst, recordedAt: s.item === slipsItem ? afterRaid(2) : imaged });
  }
  // Footage sold on the forum: the ringleader's customers paid his address; part was passed on to the local wallet.
  payment({ caseId: M, from: btc, to: wallet, amount: '150000', currency: 'PKR', at: pkt('2025-04-20', '18:00'), reference: 'exchanger payout to the facility operator', evidenceId: slipsItem, by: inv, recordedAt: afterRaid(2) });

  // ---- the man recorded in Muzaffargarh in Urdu: the agent who cashed out the wallet (a witness there)
  const urduPerson = addPerson({ names: [[RING_DUPLICATE.urdu, 'urdu', 'primary']], dateOfBirth: RING_DUPLICATE.dateOfBirth, by: inv, at: pkt('2025-05-27', '12:00'), notes: 'Mobile-wallet agent; statement recorded in Urdu at his shop. Invented name.' });
  input.identifier(urduPerson, 'phone', RING_DUPLICATE.phone, 'mobile');
  rows.case_persons.push({ case_id: M, person_id: urduPerson, role: 'witness', accused_status: null, foreign_warrant_requested: false, added_at: iso(pkt('2025-05-27', '12:00')) });
  const agentPhone = entity('phone', RING_DUPLICATE.phone, { by: inv, at: pkt('2025-05-27', '12:00') });
  link('uses', ['person', urduPerson], ['entity', agentPhone], fromCase(inv, pkt('2025-05-27', '12:00'), { notes: 'Number given in his statement.' }));
  link('other', ['person', urduPerson], ['entity', wallet], fromItem(slipsItem, inv, pkt('2025-05-27', '12:00'), { from: pkt('2025-03-01', '12:00'), to: raid, confidence: 0.9, notes: 'Cashed out transfers from this wallet at his agent shop (statement and slips).' }));

  // ---- the second case: the first Lahore case with an arrest (the one whose accused holds the ringleader's
  // Bitcoin address as an identifier in demo.dataset.ts). He bought from the ring: forum messages with the
  // ringleader's handle and a payment into the Muzaffargarh wallet. Mohd Rafiq Bhutta cashed out his wallet.
  const lahoreCase = rows.cases.find((c) => c.branch_id === input.lahoreBranchId && c.id !== M && rows.arrests.some((a) => a.case_id === c.id));
  if (!lahoreCase) throw new Error('demo ring: no Lahore case with an arrest');
  const L = String(lahoreCase.id);
  const lahoreLead = String(lahoreCase.created_by);
  const lahoreArrest = rows.arrests.find((a) => a.case_id === L)!;
  const lahoreAccused = String(lahoreArrest.person_id);
  const arrested = clamp(new Date(String(lahoreArrest.arrested_at)));
  const lahoreItem = rows.evidence_items.find((e) => e.case_id === L);
  const lahoreEvidence = lahoreItem ? String(lahoreItem.id) : null;
  const lahoreSource: [LinkSourceType, string] = lahoreEvidence ? ['evidence', lahoreEvidence] : ['case', L];
  const recorded = clamp(new Date(arrested.getTime() + 5 * DAY));
  const before = (days: number) => clamp(new Date(arrested.getTime() - days * DAY));
  const lahoreForum = entity('account', 'ravi_kinara', { platform: FORUM, by: lahoreLead, at: recorded });
  const lahoreWalletNumber = '+923996318842';
  const lahoreWallet = entity('wallet', `easypaisa:${lahoreWalletNumber}`, { platform: 'Easypaisa', by: lahoreLead, at: recorded });
  link('uses', ['person', lahoreAccused], ['entity', lahoreForum], { caseId: L, source: lahoreSource, from: before(80), to: arrested, confidence: 0.95, notes: 'Forum account open on his seized phone.', by: lahoreLead, at: recorded });
  link('owns', ['person', lahoreAccused], ['entity', lahoreWallet], { caseId: L, source: lahoreSource, from: before(80), to: arrested, notes: 'Wallet app on his seized phone.', by: lahoreLead, at: recorded });
  const lahoreThread = communication({
    caseId: L, kind: 'message', platform: FORUM, start: before(45), minutes: 20, evidenceId: lahoreEvidence, by: lahoreLead, at: recorded,
    notes: 'Forum messages recovered from the accused\'s phone (content held as evidence, not reproduced).',
    participants: [[lahoreForum, 'sender'], [ringForum, 'recipient']],
  });
  link('communicated', ['entity', lahoreForum], ['entity', ringForum], { caseId: L, source: ['communication', lahoreThread], from: before(45), to: before(44.9), notes: 'Asked the seller for a price; was told to pay the wallet below.', by: lahoreLead, at: recorded });
  payment({ caseId: L, from: lahoreWallet, to: wallet, amount: '18500', currency: 'PKR', at: before(40), reference: 'forum order A-1147', evidenceId: lahoreEvidence, by: lahoreLead, recordedAt: recorded });

  const latinPerson = addPerson({
    names: [[RING_DUPLICATE.latin, 'latin', 'primary'], [RING_DUPLICATE.latinVariant, 'latin', 'variant']], dateOfBirth: RING_DUPLICATE.dateOfBirth, by: lahoreLead, at: recorded,
    notes: 'Cashed out the accused\'s wallet; absconding. Invented name.',
  });
  input.identifier(latinPerson, 'phone', RING_DUPLICATE.phone, 'mobile');
  rows.case_persons.push({ case_id: L, person_id: latinPerson, role: 'facilitator', accused_status: 'at_large', foreign_warrant_requested: false, added_at: iso(recorded) });
  rows.accused_status_history.push({ case_id: L, person_id: latinPerson, from_status: null, to_status: 'at_large', reason: 'identified from the wallet records; absconding', actor_id: lahoreLead, at: iso(recorded) });
  link('uses', ['person', latinPerson], ['entity', agentPhone], { caseId: L, source: lahoreSource, from: before(60), to: arrested, notes: 'Number on the wallet cash-out records.', by: lahoreLead, at: recorded });
  link('other', ['person', latinPerson], ['entity', lahoreWallet], { caseId: L, source: lahoreSource, from: before(60), to: arrested, confidence: 0.9, notes: 'Cashed out transfers from this wallet.', by: lahoreLead, at: recorded });

  return {
    mzgCaseId: M, secondCaseId: L, arrestedSuspectId: mzg.uploader, operatorId: mzg.operator, ringleaderPersonId: mzg.ringleader,
    ringleaderHandleEntityId: ringForum, walletEntityId: wallet, btcEntityId: btc, facilityEntityId: facility,
    mergePair: { urduPersonId: urduPerson, latinPersonId: latinPerson },
  };
}

/**
 * The graph rows of the whole dataset made ready to load: every link gets the columns the loader writes
 * (a missing confidence is 1, missing notes empty, a missing observed period null: the bulk insert would
 * otherwise write NULL into NOT NULL columns), and one entity per (kind, key) (the ring and the persons'
 * identifiers may both write the same value): the first row is kept, every link, payment and participant
 * points at it, and what became a duplicate fact is dropped. Returns the id each dropped entity now maps to.
 */
export function finishGraphRows(rows: DemoRows): Map<string, string> {
  for (const l of rows.links) {
    l.confidence ??= 1;
    l.notes ??= '';
    l.observed_from ??= null;
    l.observed_to ??= null;
  }
  for (const e of rows.entities) e.attributes ??= {};
  return dedupeEntities(rows);
}

function dedupeEntities(rows: DemoRows): Map<string, string> {
  const keep = new Map<string, string>();
  const remap = new Map<string, string>();
  rows.entities = rows.entities.filter((e) => {
    const k = `${String(e.kind)}\u0000${String(e.key)}`;
    const first = keep.get(k);
    if (first === undefined) {
      keep.set(k, String(e.id));
      return true;
    }
    remap.set(String(e.id), first);
    return false;
  });
  if (!remap.size) return remap;
  const to = (id: unknown) => remap.get(String(id)) ?? id;
  for (const l of rows.links) {
    if (l.from_type === 'entity') l.from_id = to(l.from_id);
    if (l.to_type === 'entity') l.to_id = to(l.to_id);
  }
  for (const p of rows.payments) {
    p.from_entity_id = to(p.from_entity_id);
    p.to_entity_id = to(p.to_entity_id);
  }
  for (const c of rows.communication_participants) c.entity_id = to(c.entity_id);
  const unique = <T extends Row>(list: T[], key: (r: T) => string) => {
    const seen = new Set<string>();
    return list.filter((r) => {
      const k = key(r);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  rows.links = unique(rows.links, (l) => [l.kind, l.from_type, l.from_id, l.to_type, l.to_id, l.case_id ?? '', l.source_type ?? '', l.source_id ?? ''].map(String).join('\u0000'))
    .filter((l) => !(l.from_type === l.to_type && l.from_id === l.to_id));
  rows.communication_participants = unique(rows.communication_participants, (c) => `${String(c.communication_id)}\u0000${String(c.entity_id)}\u0000${String(c.role)}`);
  return remap;
}
