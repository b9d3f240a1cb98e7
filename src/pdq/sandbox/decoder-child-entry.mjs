// Entry of an image decoder child process (decoder-pool.ts). The precompiled folder lies under node_modules,
// which the sandbox binds read-only; loading tsx and the sources would cost each child about as much as the
// CLI's own start (issue 14, the fixed cost of ingest).
import { loadEntry } from '../load-entry.mjs';

await loadEntry('decoder-child.js', new URL('./decoder-child.ts', import.meta.url));
