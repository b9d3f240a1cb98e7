// Entry of a planner thread of `amaan generate`: registers tsx's loader in this thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./generate.worker.ts');
