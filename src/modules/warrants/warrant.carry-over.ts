import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

/**
 * Rows written straight into case_persons with the old single flag set (the demo loader, an imported bundle)
 * get the warrant that flag stands for, as migration 0018 did for the rows it found: one "foreign_request"
 * (kind not recorded) per flagged accused on a case that has no foreign warrant or notice yet.
 */
export async function carryOverWarrantFlags(tx: Tx, caseIds?: readonly string[]): Promise<void> {
  if (caseIds && !caseIds.length) return;
  const only = caseIds ? sql`AND cp.case_id IN (${sql.join(caseIds.map((id) => sql`${id}::uuid`))})` : sql``;
  await sql`
    INSERT INTO warrants (case_id, person_id, kind, status, notes, created_at)
    SELECT cp.case_id, cp.person_id, 'foreign_request', 'requested', 'carried over from the single "foreign warrant / red notice requested" mark', min(cp.added_at)
    FROM case_persons cp
    WHERE cp.foreign_warrant_requested ${only}
      AND NOT EXISTS (SELECT 1 FROM warrants w WHERE w.case_id = cp.case_id AND w.person_id = cp.person_id
        AND w.kind IN ('foreign_arrest_warrant','interpol_red_notice','interpol_diffusion','foreign_request'))
    GROUP BY cp.case_id, cp.person_id`.execute(tx);
}
