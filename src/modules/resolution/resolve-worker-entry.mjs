// Entry of a resolution worker thread (parallel.ts).
import { loadEntry } from '../../pdq/load-entry.mjs';

await loadEntry(null, new URL('./resolve-worker.ts', import.meta.url));
