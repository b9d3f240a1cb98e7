// Entry of an ingest worker thread: registers tsx's loader in this thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./hash-worker.ts');
