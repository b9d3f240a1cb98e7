// A scan worker: runs jobs of the blocked SIMD scan on the shared memory of an index it is sent, and
// posts the matches back.
import { type ScanJob, instantiate, runJob } from './scan-kernel.ts';
import { answerSlotRequests } from './worker-slots.ts';

export interface ScanRequest {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  job: ScanJob;
}

// Instantiating the ~1 KB module per job costs microseconds; no cache keyed on memories to keep.
answerSlotRequests((req: ScanRequest & { id: number }) => runJob(instantiate(req.module, req.memory), req.job));
