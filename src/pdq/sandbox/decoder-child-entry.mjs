// Entry of an image decoder child process: registers tsx's loader, then loads the TypeScript decoder.
import { register } from 'tsx/esm/api';

register();
await import('./decoder-child.ts');
