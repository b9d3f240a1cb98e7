import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Indexes for the figure registry at national scale (issue 12; bench/figures.bench.ts): each flow figure
// restricts its own event date first, so every such date gets a btree; the stock figures read the status
// of every case at one instant in one ordered pass (DISTINCT ON case, latest change before the instant),
// which the history index below serves without a sort or a heap visit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE INDEX cases_reported_at ON cases (reported_at);
    CREATE INDEX cases_challan_submitted ON cases (challan_submitted_at) WHERE challan_submitted_at IS NOT NULL;
    CREATE INDEX case_status_history_latest ON case_status_history (case_id, at DESC, id DESC) INCLUDE (to_status);
    CREATE INDEX arrests_arrested_at ON arrests (arrested_at);
    CREATE INDEX charges_framed_at ON charges (framed_at);
    CREATE INDEX verdicts_decided_at ON verdicts (decided_at);
    CREATE INDEX verdicts_case_decided ON verdicts (case_id, decided_at);
    CREATE INDEX victims_identified_at ON victims (identified_at);
    CREATE INDEX victims_recovered_at ON victims (recovered_at) WHERE recovered_at IS NOT NULL;
    CREATE INDEX operations_executed_at ON operations (executed_at) WHERE status = 'executed';
    CREATE INDEX placements_started_at ON placements (started_at)
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    DROP INDEX cases_reported_at;
    DROP INDEX cases_challan_submitted;
    DROP INDEX case_status_history_latest;
    DROP INDEX arrests_arrested_at;
    DROP INDEX charges_framed_at;
    DROP INDEX verdicts_decided_at;
    DROP INDEX verdicts_case_decided;
    DROP INDEX victims_identified_at;
    DROP INDEX victims_recovered_at;
    DROP INDEX operations_executed_at;
    DROP INDEX placements_started_at
  `);
}
