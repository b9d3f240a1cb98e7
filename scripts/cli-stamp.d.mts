// Types of scripts/cli-stamp.mjs (plain JavaScript: bin/amaan.js loads it before any TypeScript loader).
import type { SourceScan } from './cli-compiled.mjs';
export const defaultRoot: string;
export const RACY_MS: number;
export function cacheRootOf(root: string): string;
export function stampedCompiledDir(root?: string): string | null;
export function writeStamp(scan: SourceScan, root?: string): void;
