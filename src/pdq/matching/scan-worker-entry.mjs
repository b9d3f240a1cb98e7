// Entry of a scan worker thread (scan-index.ts).
import { loadEntry } from '../load-entry.mjs';

await loadEntry(null, new URL('./scan-worker.ts', import.meta.url));
