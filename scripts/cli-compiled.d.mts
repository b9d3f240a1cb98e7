// Types of scripts/cli-compiled.mjs (plain JavaScript: bin/amaan.js loads it before any TypeScript loader).
export function fingerprint(): string | null;
export function compiledDir(fp?: string | null): string | null;
export function buildCompiled(): Promise<string | null>;
export function buildInBackground(): void;
