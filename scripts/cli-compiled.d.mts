// Types of scripts/cli-compiled.mjs (plain JavaScript: bin/amaan.js loads it before any TypeScript loader).
export function fingerprint(): string | null;
export function compiledDir(fp?: string | null): string | null;
export function buildCompiled(): Promise<string | null>;
export function buildInBackground(): void;
/** esbuild's options for a bundle of these sources (entry name -> source path), written into `outdir`. */
export function bundleOptions(entryPoints: Record<string, string>, outdir: string): import('esbuild').BuildOptions;
