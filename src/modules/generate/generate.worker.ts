// A planner thread of `amaan generate` on PostgreSQL: plans the batches it is sent (generate.plan.ts, a pure
// function of the seed and the case numbers) and turns every table's rows into COPY text, so the main thread only
// numbers the FIRs (the one thing that depends on earlier batches: numberFirs) and streams the text to the server.
import { parentPort, workerData } from 'node:worker_threads';
import { copyText } from '../../platform/db/copy.ts';
import { columnTypes, newPlanState, planBatch, tableOrder, type BranchStaff, type GeneratePlanInput } from './generate.plan.ts';
import type { PlannedBatch, PlannerData, PlanRequest } from './generate.copy.ts';

const data = workerData as PlannerData;
const staff = data.staff as Map<number, BranchStaff>;
parentPort!.on('message', (m: PlanRequest) => {
  try {
    const planned = planBatch(data.input as GeneratePlanInput, data.allocation, staff, newPlanState(), m.from, m.to);
    const text: Record<string, string> = {};
    const counts: Record<string, number> = {};
    for (const t of tableOrder) {
      counts[t] = planned[t].length;
      if (t !== 'cases') text[t] = copyText(Object.keys(columnTypes[t]), planned[t]);
    }
    const reply: PlannedBatch = { from: m.from, to: m.to, cases: planned.cases, text, counts };
    parentPort!.postMessage(reply);
  } catch (err) {
    parentPort!.postMessage({ from: m.from, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
