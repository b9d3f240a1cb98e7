// Entry of a planner thread of `amaan generate`.
import { loadEntry } from '../../pdq/load-entry.mjs';

await loadEntry(null, new URL('./generate.worker.ts', import.meta.url));
