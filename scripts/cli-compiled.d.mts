// Types of scripts/cli-compiled.mjs (plain JavaScript: bin/amaan.js loads it before any TypeScript loader).
export function fingerprint(root?: string): string | null;
export function compiledDir(fp?: string | null, root?: string): string | null;
export function buildCompiled(): Promise<string | null>;
export function pruneBuilds(cacheRoot: string, keep: string): void;
export function buildInBackground(): void;
/** esbuild's options for a bundle of these sources (entry name -> source path), written into `outdir`. */
export function bundleOptions(entryPoints: Record<string, string>, outdir: string): import('esbuild').BuildOptions;
export interface SourceScan { fp: string; at: number; dirs: Array<[string, number]>; files: Array<[string, number, number]> }
export function scanSources(root?: string): SourceScan | null;
export function findCompiled(root?: string): string | null;
