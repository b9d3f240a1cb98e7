import type { Migration } from 'kysely';
import * as core from './0001_core.ts';
import * as personsVictims from './0002_persons_victims.ts';
import * as operationsProsecution from './0003_operations_prosecution.ts';
import * as admin from './0004_admin.ts';
import * as searchIndexes from './0005_search_indexes.ts';
import * as media from './0006_media.ts';
import * as audit from './0007_audit.ts';
import * as auth from './0008_auth.ts';
import * as mediaErrors from './0012_media_errors.ts';
import * as encryption from './0009_encryption.ts';
import * as entities from './0013_entities.ts';
import * as personResolution from './0015_person_resolution.ts';
import * as identifiersToEntities from './0014_identifiers_to_entities.ts';
import * as deconfliction from './0017_deconfliction.ts';
import * as graphChanges from './0016_graph_changes.ts';
import * as corrections from './0018_corrections.ts';
import * as takedownsRequests from './0022_takedowns_requests.ts';
import * as documents from './0019_documents.ts';
import * as districtsBranchesFigures from './0023_districts_branches_figures.ts';
import * as tips from './0021_tips.ts';
import * as safeguardingFlagsSealedCorrections from './0024_safeguarding_flags_sealed_corrections.ts';
import * as rateLimits from './0026_rate_limits.ts';
import * as workQueue from './0029_work_queue.ts';
import * as opsReadiness from './0030_ops_readiness.ts';
import * as eventCodes from './0031_event_codes.ts';
import * as figureIndexes from './0032_figure_indexes.ts';
import * as custodyCodes from './0033_custody_codes.ts';
import * as caseStatusSpans from './0037_case_status_spans.ts';
import * as statFlow from './0038_stat_flow.ts';
import * as stockRollup from './0039_stock_rollup.ts';
import * as tipIntakeWrites from './0040_tip_intake_writes.ts';
import * as nameTrigramsIndexBuilds from './0043_name_trigrams_index_builds.ts';
import * as stockSpans from './0044_stock_spans.ts';
import * as entityIdText from './0045_entity_id_text.ts';
import * as tipRelationsCheckedPerStatement from './0046_tip_relations_checked_per_statement.ts';
import * as stockCaseload from './0047_stock_caseload.ts';
import * as personsCreatedOrder from './0048_persons_created_order.ts';
import * as personSearchOrders from './0049_person_search_orders.ts';
import * as tipIntakeCost from './0050_tip_intake_cost.ts';
import * as stockBacklog from './0051_stock_backlog.ts';
import * as stockCohort from './0052_stock_cohort.ts';
import * as tipRelationsCheckProbes from './0053_tip_relations_check_probes.ts';
import * as stockCohortArea from './0055_stock_cohort_area.ts';

// Versioned migrations, applied in name order at start. Add new files; never edit an applied one.
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_persons_victims': personsVictims,
  '0003_operations_prosecution': operationsProsecution,
  '0004_admin': admin,
  '0005_search_indexes': searchIndexes,
  '0006_media': media,
  '0007_audit': audit,
  '0008_auth': auth,
  '0012_media_errors': mediaErrors,
  '0009_encryption': encryption,
  '0013_entities': entities,
  '0014_identifiers_to_entities': identifiersToEntities,
  '0017_deconfliction': deconfliction,
  '0016_graph_changes': graphChanges,
  '0015_person_resolution': personResolution,
  '0018_corrections': corrections,
  '0022_takedowns_requests': takedownsRequests,
  '0019_documents': documents,
  '0023_districts_branches_figures': districtsBranchesFigures,
  '0021_tips': tips,
  '0024_safeguarding_flags_sealed_corrections': safeguardingFlagsSealedCorrections,
  '0026_rate_limits': rateLimits,
  '0029_work_queue': workQueue,
  '0030_ops_readiness': opsReadiness,
  '0031_event_codes': eventCodes,
  '0032_figure_indexes': figureIndexes,
  '0033_custody_codes': custodyCodes,
  '0037_case_status_spans': caseStatusSpans,
  '0038_stat_flow': statFlow,
  '0039_stock_rollup': stockRollup,
  '0040_tip_intake_writes': tipIntakeWrites,
  '0043_name_trigrams_index_builds': nameTrigramsIndexBuilds,
  '0044_stock_spans': stockSpans,
  '0045_entity_id_text': entityIdText,
  '0046_tip_relations_checked_per_statement': tipRelationsCheckedPerStatement,
  '0047_stock_caseload': stockCaseload,
  '0048_persons_created_order': personsCreatedOrder,
  '0049_person_search_orders': personSearchOrders,
  '0050_tip_intake_cost': tipIntakeCost,
  '0051_stock_backlog': stockBacklog,
  '0052_stock_cohort': stockCohort,
  '0053_tip_relations_check_probes': tipRelationsCheckProbes,
  '0055_stock_cohort_area': stockCohortArea,
};
