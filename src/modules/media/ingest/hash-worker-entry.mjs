// Entry of an ingest hash worker thread (hash-pool.ts).
import { loadEntry } from '../../../pdq/load-entry.mjs';

await loadEntry('hash-worker.js', new URL('./hash-worker.ts', import.meta.url));
