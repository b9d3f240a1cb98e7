import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';

/**
 * De-confliction (issue 9, section 3): told when identifiers are linked, so the leads of another case holding
 * the same identifier can be alerted.
 * TODO(deconflict helper): placeholder from the entities branch so the hook has a target; the "deconflict"
 * helper's implementation replaces this file in the merge.
 */
export async function checkDeconfliction(_tx: Tx, _ctx: ServiceContext, _input: { entityIds: string[]; caseId: string | null }): Promise<void> {
  // No-op until the de-confliction module lands.
}
