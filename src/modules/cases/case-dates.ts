import type { AppContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { caseAnchors, checkDate, type DateAnchor, type DateKind } from './dates.rules.ts';

// The server side of dates.rules.ts: the agency's earliest year from the configuration, the case's own
// dates from the database, and a refusal (400 naming the field) with the rule's plain-word message.

export interface CaseDates {
  reportedAt: Date;
  firRegisteredAt: Date | null;
}

export async function caseDates(db: Db | Tx, caseId: string): Promise<CaseDates> {
  const c = await db.selectFrom('cases').select(['reported_at', 'fir_registered_at']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('case');
  return { reportedAt: c.reported_at, firRegisteredAt: c.fir_registered_at };
}

export function assertDate(
  ctx: Pick<AppContext, 'config'>,
  field: string,
  at: Date,
  rule: { kind: DateKind; maxYearsAhead?: number; notBefore?: ReadonlyArray<DateAnchor | null | undefined> },
): void {
  const message = checkDate(at, { ...rule, earliestYear: ctx.config.earliestYear });
  if (message) throw invalid(field, message);
}

/** An event of the case: plausible, and not before the complaint (court events: nor before the FIR). */
export async function assertCaseEventDate(
  ctx: Pick<AppContext, 'config'>,
  db: Db | Tx,
  caseId: string,
  field: string,
  at: Date,
  opts: { kind?: DateKind; court?: boolean; maxYearsAhead?: number; also?: ReadonlyArray<DateAnchor | null | undefined> } = {},
): Promise<void> {
  const dates = await caseDates(db, caseId);
  assertDate(ctx, field, at, { kind: opts.kind ?? 'happened', maxYearsAhead: opts.maxYearsAhead, notBefore: [...caseAnchors(dates, opts.court), ...(opts.also ?? [])] });
}
