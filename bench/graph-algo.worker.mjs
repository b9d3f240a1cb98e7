// Starts bench/graph-algo.worker.ts in a worker thread: a worker does not inherit tsx's loader from --import.
import { register } from 'tsx/esm/api';

register();
await import('./graph-algo.worker.ts');
