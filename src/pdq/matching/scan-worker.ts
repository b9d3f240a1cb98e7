// A scan worker: runs jobs of the blocked SIMD scan on the shared memory of an index it is sent, and
// posts the matches back (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { type ScanJob, instantiate, runJob } from './scan-kernel.ts';

export interface ScanRequest {
  id: number;
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  job: ScanJob;
}
export type ScanReply = { id: number; matches: Uint32Array } | { id: number; error: string };

parentPort?.on('message', (req: ScanRequest) => {
  try {
    // Instantiating the ~1 KB module per job costs microseconds; no cache keyed on memories to keep.
    const matches = runJob(instantiate(req.module, req.memory), req.job);
    parentPort!.postMessage({ id: req.id, matches } satisfies ScanReply, [matches.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies ScanReply);
  }
});
