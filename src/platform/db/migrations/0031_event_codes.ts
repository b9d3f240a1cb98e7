import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Server-written sentences by code and values (src/platform/text/event-texts.schema.ts): the web app shows them
// in the officer's language by code instead of matching English text. Rows written before keep their body and
// get their code and values here, parsed once from the sentences the writers produced until now (frozen below:
// later changes to the catalogue's English must not change what this migration read). A body that matches none
// (an officer's note, the demo's narrative lines, an older wording) keeps code NULL and is shown as written.

type Parsed = { code: string; params: Record<string, string> };
type Rule = { code: string; re: RegExp; kinds?: readonly string[]; map?: (g: Record<string, string>) => Record<string, string> | null };

const alt = (words: readonly string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
const spaced = (words: readonly string[]) => words.map((w) => w.replace(/_/g, ' '));
const under = (s: string) => s.replace(/ /g, '_');

const victimStates = ['identified', 'recovered', 'placed', 'closed'] as const;
const evidenceKinds = ['phone', 'computer', 'storage', 'document', 'media_folder', 'other'] as const;
const personRoles = ['suspect', 'ringleader', 'facilitator', 'guardian', 'complicit_family', 'witness', 'informant'] as const;
const accusedStatuses = ['at_large', 'arrested', 'physical_remand', 'judicial_remand', 'on_bail', 'proclaimed_offender', 'convicted', 'acquitted'] as const;
const takedownStatuses = ['requested', 'acknowledged', 'removed', 'refused', 'reappeared'] as const;
const requestKinds = ['preservation', 'emergency_disclosure', 'production_order', 'mutual_legal_assistance', 'interpol_notice'] as const;
const requestSteps = ['follow_up', 'extension', 'acknowledged', 'fulfilled', 'refused', 'withdrawn'] as const;
const warrantKinds = ['arrest_warrant', 'non_bailable_warrant', 'proclamation', 'foreign_arrest_warrant', 'interpol_red_notice', 'interpol_diffusion', 'foreign_request'] as const;
const warrantStatuses = ['requested', 'issued', 'executed', 'withdrawn', 'cancelled'] as const;
const appealStatuses = ['pending', 'allowed', 'dismissed', 'withdrawn'] as const;
const iso = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})`;

/** What the writers wrote into case_events.body until migration 0031, per event kind. */
const caseEventRules: Rule[] = [
  { code: 'victimIdentified', kinds: ['person'], re: /^Victim (?<pseudonym>.+) identified$/s },
  { code: 'victimLinked', kinds: ['person'], re: /^Victim (?<pseudonym>.+) linked to this case$/s },
  { code: 'victimStep', kinds: ['person'], re: new RegExp(`^Victim (?<pseudonym>.+): (?<from>${alt(victimStates)}) → (?<to>${alt(victimStates)})$`, 's') },
  { code: 'operationPlanned', kinds: ['operation'], re: new RegExp(`^Operation (?<name>.+) planned for (?<at>${iso}) at (?<place>.+)$`, 's') },
  { code: 'operationApproved', kinds: ['operation'], re: /^Operation (?<name>.+) approved$/s },
  { code: 'operationCancelled', kinds: ['operation'], re: /^Operation (?<name>.+?) cancelled: (?<reason>.*)$/s },
  { code: 'operationExecuted', kinds: ['operation'], re: /^Operation (?<name>.+) executed \((?<hours>[\d.]+) h\): (?<arrested>\d+) arrested, (?<rescued>\d+) children rescued, (?<items>\d+) items seized$/s },
  { code: 'evidenceRecorded', kinds: ['evidence'], re: new RegExp(`^Evidence item (?<label>.+) \\((?<kind>${alt(evidenceKinds)})\\) recorded$`, 's') },
  { code: 'takedownRequested', kinds: ['event'], re: /^Takedown requested from (?<provider>.+?): (?<target>.+)$/s },
  { code: 'takedownStep', kinds: ['event'], re: new RegExp(`^Takedown at (?<provider>.+?) (?<status>${alt(takedownStatuses)}): (?<target>.+)$`, 's') },
  { code: 'tipCarried', kinds: ['event'], re: /^Tip (?<receipt>\S+): (?<identifiers>\d+) identifier\(s\), (?<files>\d+) reported file\(s\)\.(?<details>(?:\n.*)?)$/s },
  { code: 'personAdded', kinds: ['person'], re: new RegExp(`^(?<person>.+) added as (?<role>${alt(spaced(personRoles))})$`, 's'), map: (g) => ({ ...g, role: under(g.role!) }) },
  { code: 'foreignWarrantRequested', kinds: ['person'], re: /^(?<person>.+?): foreign warrant \/ red notice requested \((?<reason>.*)\)$/s },
  { code: 'foreignWarrantWithdrawn', kinds: ['person'], re: /^(?<person>.+?): foreign warrant \/ red notice request withdrawn \((?<reason>.*)\)$/s },
  {
    code: 'accusedStep', kinds: ['person'],
    re: new RegExp(`^(?<person>.+?): (?<from>${alt(spaced(accusedStatuses))}) → (?<to>${alt(spaced(accusedStatuses))}) \\((?<reason>.*)\\)$`, 's'),
    map: (g) => ({ ...g, from: under(g.from!), to: under(g.to!) }),
  },
  {
    code: 'warrantRecordedReference', kinds: ['person'],
    re: new RegExp(`^(?<person>.+?): (?<kind>${alt(spaced(warrantKinds))}) (?<status>${alt(warrantStatuses)}) \\((?<reference>.*)\\)$`, 's'),
    map: (g) => ({ ...g, kind: under(g.kind!) }),
  },
  {
    code: 'warrantRecorded', kinds: ['person'],
    re: new RegExp(`^(?<person>.+?): (?<kind>${alt(spaced(warrantKinds))}) (?<status>${alt(warrantStatuses)})$`, 's'),
    map: (g) => ({ ...g, kind: under(g.kind!) }),
  },
  {
    code: 'legalRequestSentDeadline', kinds: ['event'],
    re: new RegExp(`^(?<kind>${alt(spaced(requestKinds))}) request sent to (?<recipient>.+); deadline (?<deadline>${iso})$`, 's'),
    map: (g) => ({ ...g, kind: under(g.kind!) }),
  },
  {
    code: 'legalRequestSent', kinds: ['event'],
    re: new RegExp(`^(?<kind>${alt(spaced(requestKinds))}) request sent to (?<recipient>.+)$`, 's'),
    map: (g) => ({ ...g, kind: under(g.kind!) }),
  },
  {
    code: 'legalRequestStep', kinds: ['event'],
    re: new RegExp(`^(?<kind>${alt(spaced(requestKinds))}) request to (?<recipient>.+): (?<step>${alt(spaced(requestSteps))})$`, 's'),
    map: (g) => ({ ...g, kind: under(g.kind!), step: under(g.step!) }),
  },
  { code: 'chargeFramed', kinds: ['prosecution'], re: /^Charge framed against (?<person>.+?) under (?<offence>\S+) \((?<offenceTitle>.*)\) at (?<court>.+)$/s },
  { code: 'hearingOutcome', kinds: ['prosecution'], re: /^Hearing at (?<court>.+?): (?<outcome>.+)$/s },
  { code: 'verdictConvictedSentenced', kinds: ['prosecution'], re: /^(?<person>.+?) convicted by (?<court>.+), sentenced to (?<years>\d+) years (?<months>\d+) months$/s },
  { code: 'verdictConvicted', kinds: ['prosecution'], re: /^(?<person>.+?) convicted by (?<court>.+)$/s },
  { code: 'verdictAcquitted', kinds: ['prosecution'], re: /^(?<person>.+?) acquitted by (?<court>.+)$/s },
  { code: 'appealFiled', kinds: ['prosecution'], re: /^Appeal filed by the (?<side>prosecution|defence) at (?<court>.+)$/s },
  { code: 'appealDecided', kinds: ['prosecution'], re: new RegExp(`^Appeal at (?<court>.+) (?<status>${alt(appealStatuses)})$`, 's') },
];

/** What the server wrote as a case status step's reason. */
const caseStatusRules: Rule[] = [
  { code: 'statusComplaintReceived', re: /^complaint received$/ },
  { code: 'statusFromTip', re: /^from tip (?<receipt>\S+)$/ },
  { code: 'statusChargeFramed', re: /^charge framed against (?<person>.+)$/s },
  { code: 'statusJudgmentConvicted', re: /^judgment: (?<person>.+?) convicted by (?<court>.+)$/s },
  { code: 'statusJudgmentAcquitted', re: /^judgment: (?<person>.+?) acquitted by (?<court>.+)$/s },
  { code: 'statusAppealFiled', re: /^appeal filed by the (?<side>prosecution|defence) at (?<court>.+)$/s },
  { code: 'statusAppealDecided', re: new RegExp(`^appeal at (?<court>.+) (?<status>${alt(appealStatuses)})$`, 's') },
];

/** What the server wrote as a safeguarding step's reason. */
const victimStateRules: Rule[] = [
  { code: 'identified', re: /^identified$/ },
  { code: 'placed', re: /^placed \((?<placement>child protection bureau|family|shelter)\)$/, map: (g) => ({ placement: under(g.placement!) }) },
  { code: 'rescuedInOperation', re: /^rescued in operation (?<name>.+)$/s },
  { code: 'importedWithBundle', re: /^imported with case bundle (?<digest>[0-9a-f]+)$/ },
];

function parseWith(rules: Rule[], text: string, kind?: string): Parsed | null {
  for (const r of rules) {
    if (kind !== undefined && r.kinds && !r.kinds.includes(kind)) continue;
    const m = r.re.exec(text);
    if (!m) continue;
    const groups = { ...(m.groups ?? {}) } as Record<string, string>;
    const params = r.map ? r.map(groups) : groups;
    if (params) return { code: r.code, params };
  }
  return null;
}

export const parseLegacyCaseEvent = (kind: string, body: string) => parseWith(caseEventRules, body, kind);
export const parseLegacyStatusReason = (reason: string) => parseWith(caseStatusRules, reason);
export const parseLegacyVictimReason = (reason: string) => parseWith(victimStateRules, reason);

const BATCH = 1000;

/** Reads a table in id order, batch by batch, and writes the code and values of every row that parses. */
async function backfill(db: Kysely<unknown>, table: 'case_events' | 'case_status_history' | 'victim_state_history', text: 'body' | 'reason', parse: (row: { kind?: string; text: string }) => Parsed | null): Promise<void> {
  let after = 0;
  for (;;) {
    const kindCol = table === 'case_events' ? sql`kind` : sql`NULL::text`;
    const rows = (await sql<{ id: number; kind: string | null; text: string }>`
      SELECT id, ${kindCol} AS kind, ${sql.ref(text)} AS text FROM ${sql.table(table)} WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(db)).rows;
    if (!rows.length) return;
    after = Number(rows[rows.length - 1]!.id);
    const parsed = rows.flatMap((r) => {
      const p = parse({ kind: r.kind ?? undefined, text: r.text });
      return p ? [{ id: Number(r.id), ...p }] : [];
    });
    if (parsed.length) {
      const values = sql.join(parsed.map((p) => sql`(${p.id}::int, ${p.code}::text, ${JSON.stringify(p.params)}::jsonb)`));
      await sql`UPDATE ${sql.table(table)} AS t SET code = v.code, params = v.params FROM (VALUES ${values}) AS v(id, code, params) WHERE t.id = v.id`.execute(db);
    }
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE case_events ADD COLUMN code text, ADD COLUMN params jsonb;
    ALTER TABLE case_status_history ADD COLUMN code text, ADD COLUMN params jsonb;
    ALTER TABLE victim_state_history ADD COLUMN code text, ADD COLUMN params jsonb;
    ALTER TABLE case_events ADD CONSTRAINT case_events_code_params CHECK ((code IS NULL) = (params IS NULL));
    ALTER TABLE case_status_history ADD CONSTRAINT case_status_history_code_params CHECK ((code IS NULL) = (params IS NULL));
    ALTER TABLE victim_state_history ADD CONSTRAINT victim_state_history_code_params CHECK ((code IS NULL) = (params IS NULL));
  `);
  await backfill(db, 'case_events', 'body', (r) => parseLegacyCaseEvent(r.kind ?? '', r.text));
  await backfill(db, 'case_status_history', 'reason', (r) => parseLegacyStatusReason(r.text));
  await backfill(db, 'victim_state_history', 'reason', (r) => parseLegacyVictimReason(r.text));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE case_events DROP COLUMN code, DROP COLUMN params;
    ALTER TABLE case_status_history DROP COLUMN code, DROP COLUMN params;
    ALTER TABLE victim_state_history DROP COLUMN code, DROP COLUMN params;
  `);
}
