import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

const file = new URL('../../dist/e2e-timings.json', import.meta.url).pathname;

/** Timings measured by the browser tests, kept beside the build for bench/web-bundle.bench.ts and docs/benchmarks.md. */
export function recordTiming(name: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[name] = value;
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}
