import type { Db, Tx } from '../../platform/db/database.ts';
import type { CaseEventKind } from '../../platform/db/schema.ts';
import { checkEventParams, eventText, type EventCode, type EventParams } from '../../platform/text/event-texts.schema.ts';

// The only way into a case's timeline (test/cases/case-events.test.ts refuses `insertInto('case_events')` anywhere
// else): a sentence the server writes goes in by its code and values, the English `body` made from them; an
// officer's own words go in as written, without a code; a bundle's rows as they were exported.

export type CaseEventText =
  | { code: EventCode; params: EventParams }
  | { officerText: string }
  | { imported: { body: string; code: string | null; params: EventParams | null } };

export interface CaseEventInput {
  caseId: string;
  kind: CaseEventKind;
  text: CaseEventText;
  occurredAt: Date;
  actorId: string | null;
  createdAt?: Date;
}

/** A server sentence's columns: its English body (or reason), code and values (as JSON text for jsonb). */
export function codedText(code: EventCode, params: EventParams): { text: string; code: EventCode; params: string } {
  checkEventParams(code, params);
  return { text: eventText(code, params), code, params: JSON.stringify(params) };
}

/** A history row's reason written by the server (case status, safeguarding state): its English words, code and values. */
export function historyReason(code: EventCode, params: EventParams): { reason: string; code: EventCode; params: string } {
  const c = codedText(code, params);
  return { reason: c.text, code: c.code, params: c.params };
}

/** A history row's reason given by an officer: their words, no code. */
export const officerReason = (reason: string) => ({ reason, code: null, params: null });

function columns(t: CaseEventText): { body: string; code: string | null; params: string | null } {
  if ('code' in t) {
    const c = codedText(t.code, t.params);
    return { body: c.text, code: c.code, params: c.params };
  }
  if ('officerText' in t) return { body: t.officerText, code: null, params: null };
  return { body: t.imported.body, code: t.imported.code, params: t.imported.params ? JSON.stringify(t.imported.params) : null };
}

export async function recordCaseEvents(tx: Tx | Db, events: CaseEventInput[]): Promise<number[]> {
  if (!events.length) return [];
  const rows = await tx
    .insertInto('case_events')
    .values(events.map((e) => ({
      case_id: e.caseId, kind: e.kind, ...columns(e.text), occurred_at: e.occurredAt, actor_id: e.actorId, ...(e.createdAt ? { created_at: e.createdAt } : {}),
    })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function recordCaseEvent(tx: Tx | Db, event: CaseEventInput): Promise<number> {
  const [id] = await recordCaseEvents(tx, [event]);
  return id!;
}
