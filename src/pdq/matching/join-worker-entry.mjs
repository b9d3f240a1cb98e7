// Entry of a join worker thread (block-join.ts).
import { loadEntry } from '../load-entry.mjs';

await loadEntry('join-worker.js', new URL('./join-worker.ts', import.meta.url));
