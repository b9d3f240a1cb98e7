import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { EntityKind, TipIdentifierRole } from '../../platform/db/schema.ts';
import { hasLoneSurrogate, canonicalJson, toStoredJson } from '../../platform/text/well-formed.ts';
import { entityValues, profileUrl } from '../entities/entity.keys.ts';
import { amaanReport, cyberTiplineReport, type AmaanPerson, type AmaanReport, type CyberTiplineReport, type PublicTipInput, type TipLocation } from './tip.schema.ts';

// One report, in either shape, checked and reduced to what triage reads (pure: no database). The raw body is
// kept whole by the service; this only decides what Amaan understands of it.

export const MAX_DEPTH = 16;
export const MAX_KEYS = 20_000;

export interface FieldProblem {
  field: string;
  message: string;
}

export interface NormalIdentifier {
  role: TipIdentifierRole;
  kind: EntityKind;
  key: string;
  display: string;
  platform: string | null;
  /** As reported (upsertEntity reduces it to the key again). */
  value: string;
  /** Which reported person of the report it belongs to (links between identifiers of one person). */
  person: number;
  field: string;
}

export interface NormalFile {
  name: string;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  viewedByEsp: boolean | null;
  publiclyAvailable: boolean | null;
  classification: string | null;
  annotations: string[];
}

export interface NormalTip {
  format: 'amaan' | 'cybertipline' | 'public';
  externalId: string | null;
  incidentType: string;
  incidentAt: Date | null;
  escalate: boolean;
  summary: string;
  annotations: string[];
  location: TipLocation;
  identifiers: NormalIdentifier[];
  /** Names the report gives its persons (`person` as in NormalIdentifier). */
  names: Array<{ role: TipIdentifierRole; person: number; name: string }>;
  urls: Array<{ url: string; key: string }>;
  files: NormalFile[];
}

/**
 * Structural checks before any schema: nesting depth, number of members, NUL, lone surrogates and U+FFFD (what a
 * decoder leaves of bytes that were not UTF-8). The first problem, naming its field.
 */
export function structuralProblem(value: unknown, path = 'body'): FieldProblem | null {
  let keys = 0;
  const walk = (v: unknown, p: string, depth: number): FieldProblem | null => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: p, message: 'contains a NUL character' };
      if (hasLoneSurrogate(v)) return { field: p, message: 'contains an unpaired surrogate (not a Unicode character)' };
      if (v.includes('\uFFFD')) return { field: p, message: 'is not valid UTF-8 (send the report encoded as UTF-8)' };
      return null;
    }
    if (v === null || typeof v !== 'object') return null;
    if (depth >= MAX_DEPTH) return { field: p, message: `nested too deeply (at most ${MAX_DEPTH} levels)` };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as Record<string, unknown>);
    keys += entries.length;
    if (keys > MAX_KEYS) return { field: p, message: `too many fields (at most ${MAX_KEYS} in one report)` };
    for (const [k, x] of entries) {
      if (!Array.isArray(v)) {
        if (k.length > 200) return { field: `${p}.${k.slice(0, 40)}…`, message: 'field name longer than 200 characters' };
        const bad = walk(k, `${p}.${k}`, depth);
        if (bad) return { ...bad, message: `name ${bad.message}` };
      }
      const bad = walk(x, `${p}.${k}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  };
  return walk(value, path, 0);
}

/** Which shape a body is in: a CyberTipline report has `incidentSummary`. */
export const isCyberTipline = (body: unknown): boolean => typeof body === 'object' && body !== null && !Array.isArray(body) && 'incidentSummary' in body;

// Platforms send a single object where the shape has a list: taken as a list of one.
const LIST_FIELDS = ['personOrUserReported', 'intendedRecipient', 'victim', 'internetDetails', 'files'];
const USER_LIST_FIELDS = ['displayName', 'profileUrl', 'ipCaptureEvent', 'deviceId', 'priorCTReports', 'groupIdentifier'];
function listify(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  const asList = (v: unknown) => (v === undefined || Array.isArray(v) ? v : [v]);
  for (const f of LIST_FIELDS) if (f in out) out[f] = asList(out[f]);
  for (const f of ['personOrUserReported', 'intendedRecipient', 'victim']) {
    const users = out[f];
    if (!Array.isArray(users)) continue;
    out[f] = users.map((u: unknown) => {
      if (!u || typeof u !== 'object' || Array.isArray(u)) return u;
      const user = { ...(u as Record<string, unknown>) };
      for (const g of USER_LIST_FIELDS) if (g in user) user[g] = asList(user[g]);
      for (const p of ['personOrUserReportedPerson', 'victimPerson', 'intendedRecipientPerson']) {
        const person = user[p];
        if (person && typeof person === 'object' && !Array.isArray(person)) {
          const pp = { ...(person as Record<string, unknown>) };
          for (const g of ['phone', 'email']) if (g in pp) pp[g] = asList(pp[g]);
          user[p] = pp;
        }
      }
      return user;
    });
  }
  if (Array.isArray(out.files)) {
    out.files = out.files.map((f: unknown) => {
      if (!f || typeof f !== 'object' || Array.isArray(f)) return f;
      const file = { ...(f as Record<string, unknown>) };
      if ('originalFileHash' in file) file.originalFileHash = asList(file.originalFileHash);
      return file;
    });
  }
  return out;
}

const zodProblems = (error: z.ZodError, prefix: string): FieldProblem[] =>
  error.issues.slice(0, 20).map((i) => {
    const path = i.path.map(String).join('.');
    const keys = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys ?? [] : [];
    if (keys.length) return { field: [prefix, path, keys.join(',')].filter(Boolean).join('.'), message: 'unknown field' };
    return { field: path ? `${prefix}.${path}` : prefix, message: i.message };
  });

export type Parsed = { ok: true; format: 'amaan'; report: AmaanReport; raw: unknown } | { ok: true; format: 'cybertipline'; report: CyberTiplineReport; raw: unknown } | { ok: false; problems: FieldProblem[] };

/** Checks one report (structure, then the schema of its shape); the problems name their fields (`body.x.y`). */
export function parseReport(body: unknown, prefix = 'body'): Parsed {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problems: [{ field: prefix, message: 'must be a JSON object (one report)' }] };
  const bad = structuralProblem(body, prefix);
  if (bad) return { ok: false, problems: [bad] };
  if (isCyberTipline(body)) {
    const r = cyberTiplineReport.safeParse(listify(body as Record<string, unknown>));
    return r.success ? { ok: true, format: 'cybertipline', report: r.data, raw: body } : { ok: false, problems: zodProblems(r.error, prefix) };
  }
  const r = amaanReport.safeParse(body);
  return r.success ? { ok: true, format: 'amaan', report: r.data, raw: body } : { ok: false, problems: zodProblems(r.error, prefix) };
}

// ---------------------------------------------------------------------------------------------------------
// Reduction to what triage reads.

const yes = (v: unknown): boolean | null => (v === undefined || v === null ? null : v === true || v === 'true' || v === 'Y' || v === 'yes');
const annotationNames: Record<string, string> = {
  liveStreaming: 'live_streaming', livestreaming: 'live_streaming', live_streaming: 'live_streaming',
  physicalHarm: 'physical_harm', physical_harm: 'physical_harm',
  generativeAi: 'generative_ai', generative_ai: 'generative_ai',
  possibleSelfProduction: 'self_produced', selfProduced: 'self_produced', self_produced: 'self_produced',
  sextortion: 'sextortion', minorToMinorInteraction: 'minor_to_minor', minor_to_minor: 'minor_to_minor',
  childInDanger: 'child_in_danger', child_in_danger: 'child_in_danger', imminentDanger: 'child_in_danger',
};
/** Annotations as Amaan's names (unknown ones kept as given): a list of names or an object of flags. */
export function annotationList(a: unknown): string[] {
  const names = Array.isArray(a) ? a.map(String) : a && typeof a === 'object' ? Object.entries(a as Record<string, unknown>).filter(([, v]) => yes(v) !== false && v !== '').map(([k]) => k) : [];
  return [...new Set(names.map((n) => annotationNames[n] ?? n))];
}

const hashOf = (hashes: Array<{ hashType: string; value: string }> | undefined, type: string, len: number): string | null => {
  const h = hashes?.find((x) => x.hashType.replace(/[^a-z0-9]/gi, '').toLowerCase() === type);
  if (!h) return null;
  const v = h.value.trim().toLowerCase();
  return new RegExp(`^[0-9a-f]{${len}}$`).test(v) ? v : null;
};

class Collector {
  readonly identifiers: NormalIdentifier[] = [];
  readonly problems: FieldProblem[] = [];
  private seen = new Set<string>();
  add(role: TipIdentifierRole, person: number, kind: EntityKind, value: string | undefined | null, platform: string | null, field: string) {
    if (value === undefined || value === null || !String(value).trim()) return;
    const v = entityValues(kind, String(value), platform);
    if ('ok' in v) {
      this.problems.push({ field, message: v.reason });
      return;
    }
    const id = `${role}|${person}|${v.kind}|${v.key}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.identifiers.push({ role, kind: v.kind, key: v.key, display: v.display, platform: v.platform, value: String(value), person, field });
  }
}

/** The URL as compared between reports: scheme and host lower-case, no fragment, no trailing slash. */
export function urlKey(url: string): string | null {
  const t = url.trim();
  if (!t) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    const s = `${u.host.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    return s.slice(0, 1000);
  } catch {
    return null;
  }
}

function collectUrls(urls: Array<{ url: string; field: string }>, problems: FieldProblem[]): Array<{ url: string; key: string }> {
  const out = new Map<string, string>();
  for (const { url, field } of urls) {
    const key = urlKey(url);
    if (!key) {
      problems.push({ field, message: 'not a web address (http or https)' });
      continue;
    }
    if (!out.has(key)) out.set(key, url.trim());
  }
  return [...out].map(([key, url]) => ({ key, url }));
}

function amaanPersonIds(c: Collector, role: TipIdentifierRole, person: number, p: AmaanPerson, f: string) {
  p.accounts?.forEach((a, i) => {
    if (a.handle) c.add(role, person, 'account', a.handle, a.platform, `${f}.accounts.${i}.handle`);
    if (a.url) c.add(role, person, 'account', a.url, profileUrl(a.url) ? null : a.platform, `${f}.accounts.${i}.url`);
    if (!a.handle && !a.url) c.problems.push({ field: `${f}.accounts.${i}`, message: 'give the handle or the profile URL' });
  });
  p.phones?.forEach((v, i) => c.add(role, person, 'phone', v, null, `${f}.phones.${i}`));
  p.emails?.forEach((v, i) => c.add(role, person, 'email', v, null, `${f}.emails.${i}`));
  p.ips?.forEach((v, i) => c.add(role, person, 'ip_address', v.address, null, `${f}.ips.${i}.address`));
  p.devices?.forEach((v, i) => c.add(role, person, 'device', v, null, `${f}.devices.${i}`));
  p.wallets?.forEach((v, i) => c.add(role, person, 'wallet', v.number, v.provider, `${f}.wallets.${i}.number`));
  p.cryptoAddresses?.forEach((v, i) => c.add(role, person, 'crypto_address', v, null, `${f}.cryptoAddresses.${i}`));
}

function fromAmaan(r: AmaanReport, prefix: string): { tip: NormalTip; problems: FieldProblem[] } {
  const c = new Collector();
  r.reported?.forEach((p, i) => amaanPersonIds(c, 'reported', i, p, `${prefix}.reported.${i}`));
  if (r.recipient) amaanPersonIds(c, 'recipient', 1000, r.recipient, `${prefix}.recipient`);
  if (r.victim) amaanPersonIds(c, 'victim', 2000, r.victim, `${prefix}.victim`);
  const urls = collectUrls((r.urls ?? []).map((url, i) => ({ url, field: `${prefix}.urls.${i}` })), c.problems);
  const files: NormalFile[] = (r.files ?? []).map((f) => ({
    name: f.name ?? '', md5: f.md5?.toLowerCase() ?? null, sha1: f.sha1?.toLowerCase() ?? null, sha256: f.sha256?.toLowerCase() ?? null, pdq: f.pdq?.toLowerCase() ?? null,
    viewedByEsp: f.viewedByEsp ?? null, publiclyAvailable: f.publiclyAvailable ?? null, classification: f.classification ?? null, annotations: f.annotations ?? [],
  }));
  const annotations = [...new Set([...(r.incident.annotations ?? []), ...files.flatMap((f) => f.annotations)])];
  return {
    tip: {
      format: 'amaan', externalId: r.reportId ?? null, incidentType: r.incident.type, incidentAt: r.incident.at ? new Date(r.incident.at) : null,
      escalate: r.incident.escalate ?? false, summary: r.incident.summary ?? '', annotations, location: r.location ?? {}, identifiers: c.identifiers, urls, files,
      names: [
        ...(r.reported ?? []).map((p, i) => ({ role: 'reported' as const, person: i, name: p.name?.trim() ?? '' })),
        ...(r.recipient?.name ? [{ role: 'recipient' as const, person: 1000, name: r.recipient.name.trim() }] : []),
      ].filter((n) => n.name.length >= 2),
    },
    problems: c.problems,
  };
}

type CtUser = NonNullable<CyberTiplineReport['personOrUserReported']>[number];

function ctUserIds(c: Collector, role: TipIdentifierRole, person: number, u: CtUser, f: string) {
  const platform = u.espService ?? null;
  if (u.screenName) {
    if (platform) c.add(role, person, 'account', u.screenName, platform, `${f}.screenName`);
    else c.problems.push({ field: `${f}.espService`, message: 'name the service (espService) of the screen name' });
  }
  if (u.espIdentifier && platform) c.add(role, person, 'account', `id:${u.espIdentifier}`, platform, `${f}.espIdentifier`);
  u.profileUrl?.forEach((url, i) => c.add(role, person, 'account', url, profileUrl(url) ? null : platform, `${f}.profileUrl.${i}`));
  u.ipCaptureEvent?.forEach((e, i) => c.add(role, person, 'ip_address', e.ipAddress, null, `${f}.ipCaptureEvent.${i}.ipAddress`));
  u.deviceId?.forEach((d, i) => c.add(role, person, 'device', typeof d === 'string' ? d : d.idValue, null, `${f}.deviceId.${i}`));
  const p = u.personOrUserReportedPerson ?? u.victimPerson ?? u.intendedRecipientPerson;
  const pf = u.personOrUserReportedPerson ? 'personOrUserReportedPerson' : u.victimPerson ? 'victimPerson' : 'intendedRecipientPerson';
  p?.phone?.forEach((ph, i) => c.add(role, person, 'phone', typeof ph === 'string' ? ph : ph.number ?? ph.phoneNumber, null, `${f}.${pf}.phone.${i}`));
  p?.email?.forEach((em, i) => c.add(role, person, 'email', typeof em === 'string' ? em : em.email ?? em.value, null, `${f}.${pf}.email.${i}`));
}

function fromCyberTipline(r: CyberTiplineReport, prefix: string): { tip: NormalTip; problems: FieldProblem[] } {
  const c = new Collector();
  r.personOrUserReported?.forEach((u, i) => ctUserIds(c, 'reported', i, u, `${prefix}.personOrUserReported.${i}`));
  r.intendedRecipient?.forEach((u, i) => ctUserIds(c, 'recipient', 1000 + i, u, `${prefix}.intendedRecipient.${i}`));
  r.victim?.forEach((u, i) => ctUserIds(c, 'victim', 2000 + i, u, `${prefix}.victim.${i}`));
  const urlInputs: Array<{ url: string; field: string }> = [];
  r.internetDetails?.forEach((d, i) => {
    d.webPageIncident?.url?.forEach((url, j) => urlInputs.push({ url, field: `${prefix}.internetDetails.${i}.webPageIncident.url.${j}` }));
    d.url?.forEach((url, j) => urlInputs.push({ url, field: `${prefix}.internetDetails.${i}.url.${j}` }));
  });
  const urls = collectUrls(urlInputs, c.problems);
  const files: NormalFile[] = (r.files ?? []).map((f) => ({
    name: f.fileName ?? '',
    md5: hashOf(f.originalFileHash, 'md5', 32), sha1: hashOf(f.originalFileHash, 'sha1', 40), sha256: hashOf(f.originalFileHash, 'sha256', 64),
    pdq: f.pdq?.toLowerCase() ?? hashOf(f.originalFileHash, 'pdq', 64),
    viewedByEsp: yes(f.fileViewedByEsp), publiclyAvailable: yes(f.publiclyAvailable), classification: f.industryClassification ?? null,
    annotations: annotationList(f.fileAnnotations),
  }));
  (r.files ?? []).forEach((f, i) => f.originalFileHash?.forEach((h, j) => {
    const t = h.hashType.replace(/[^a-z0-9]/gi, '').toLowerCase();
    const len = t === 'md5' ? 32 : t === 'sha1' ? 40 : t === 'sha256' || t === 'pdq' ? 64 : 0;
    if (len && !new RegExp(`^[0-9a-f]{${len}}$`, 'i').test(h.value.trim())) c.problems.push({ field: `${prefix}.files.${i}.originalFileHash.${j}.value`, message: `must be ${len} hexadecimal digits (${h.hashType})` });
  }));
  const s = r.incidentSummary;
  const loc = r.personOrUserReported?.find((u) => u.estimatedLocation)?.estimatedLocation;
  const annotations = [...new Set([...annotationList(s.annotations), ...files.flatMap((f) => f.annotations)])];
  return {
    tip: {
      format: 'cybertipline', externalId: r.reportId === undefined ? null : String(r.reportId), incidentType: s.incidentType,
      incidentAt: s.incidentDateTime ? new Date(s.incidentDateTime) : null, escalate: yes(s.escalateToHighPriority) ?? false,
      summary: [s.incidentDateTimeDescription, r.additionalInfo].filter(Boolean).join('\n\n'),
      annotations,
      location: loc ? { city: loc.city, province: loc.region, country: loc.country ?? loc.countryCode, latitude: loc.latitude, longitude: loc.longitude } : {},
      identifiers: c.identifiers, urls, files,
      names: (r.personOrUserReported ?? []).map((u, i) => ({ role: 'reported' as const, person: i, name: [u.personOrUserReportedPerson?.firstName, u.personOrUserReportedPerson?.lastName].filter(Boolean).join(' ').trim() })).filter((n) => n.name.length >= 2),
    },
    problems: c.problems,
  };
}

/** What triage reads of a parsed report, or the problems of its identifiers and URLs (naming the fields). */
export function normaliseReport(parsed: Extract<Parsed, { ok: true }>, prefix = 'body'): { ok: true; tip: NormalTip } | { ok: false; problems: FieldProblem[] } {
  const { tip, problems } = parsed.format === 'amaan' ? fromAmaan(parsed.report, prefix) : fromCyberTipline(parsed.report, prefix);
  if (tip.incidentAt && tip.incidentAt.getTime() > Date.now() + 5 * 60_000) problems.push({ field: parsed.format === 'amaan' ? `${prefix}.incident.at` : `${prefix}.incidentSummary.incidentDateTime`, message: 'is in the future' });
  return problems.length ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, tip };
}

/** The public form as a tip (no identifiers beyond the URLs; the district if named). */
export function normalisePublic(input: PublicTipInput): { ok: true; tip: NormalTip } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const urls = collectUrls((input.urls ?? []).map((url, i) => ({ url, field: `body.urls.${i}` })), problems);
  if (problems.length) return { ok: false, problems };
  const annotations = [...(input.childInDanger ? ['child_in_danger'] : []), ...(input.incident === 'live_streaming' ? ['live_streaming'] : []), ...(input.incident === 'sextortion' ? ['sextortion'] : [])];
  return {
    ok: true,
    tip: {
      format: 'public', externalId: null, incidentType: input.incident, incidentAt: null, escalate: input.childInDanger ?? false,
      summary: input.whatTheySaw, annotations, location: { district: input.district, city: input.where }, identifiers: [], names: [], urls, files: [],
    },
  };
}

/**
 * The idempotency key: the organisation and the reporter's own report id when given (sending it again, even
 * corrected, is the same report), otherwise the SHA-256 of the canonical body (keys sorted, so the same report
 * with its fields in another order is the same). Public reports: the body's hash alone.
 */
export function idempotencyKey(organisationId: string | null, externalId: string | null, raw: unknown): string {
  if (organisationId && externalId) return `org:${organisationId}:id:${externalId}`;
  const hash = createHash('sha256').update(canonicalJson(toStoredJson(raw))).digest('hex');
  return organisationId ? `org:${organisationId}:sha256:${hash}` : `public:sha256:${hash}`;
}
