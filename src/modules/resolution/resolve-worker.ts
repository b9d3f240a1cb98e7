// One resolution worker: reads every record (so that frequencies and blocks cover all the data), then scores
// the records at positions k, k + jobs, k + 2 jobs, ... against the earlier ones, and posts the pairs back.
import { parentPort, workerData } from 'node:worker_threads';
import { RecordInputError, parseRecords } from './input.ts';
import { type WorkerData, type WorkerMessage, runShard } from './parallel.ts';

const data = workerData as WorkerData;
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
try {
  const text = Buffer.from(data.buffer).toString('utf8');
  const records = parseRecords(text, (line) => {
    if (data.k === 0 && line % 20000 === 0) post({ type: 'progress', phase: 'reading', done: line, total: 0 });
  });
  runShard(records, data, post);
  post({ type: 'done' });
} catch (err) {
  if (err instanceof RecordInputError) post({ type: 'input-error', line: err.line, field: err.field, reason: err.reason });
  else post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
