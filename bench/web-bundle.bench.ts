// The JavaScript (and CSS) the web app sends for its first page, read from the build in dist/web: the
// index.html's <script type="module" src> and <link rel="modulepreload" href> files, raw, gzip (level 9,
// as the build precompresses them) and brotli. Next to it, the time to a usable case list that the browser
// tests measured on loopback (dist/e2e-timings.json, written by e2e/web-roles.test.ts).
//
//   npm run build && npx vitest run e2e/web-roles.test.ts && node --import tsx bench/web-bundle.bench.ts [--write-docs]
//
// --write-docs adds or replaces the "## Web app (issue 4)" section of docs/benchmarks.md.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { writeDocsSection } from './docs-section.ts';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB = join(ROOT, 'dist/web');
const TIMINGS = join(ROOT, 'dist/e2e-timings.json');
const SECTION = '## Web app (issue 4)';
const BUDGET_GZIP = 300 * 1024;

interface Sized {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function sizeOf(file: string): Sized {
  const data = readFileSync(join(WEB, file));
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The files the first page loads: the entry script, its modulepreloads and the stylesheets. */
export function firstPageFiles(html: string): { scripts: string[]; styles: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const tag of tags) {
    if (tag.startsWith('<script') && /type="module"/.test(tag)) {
      const src = attr(tag, 'src');
      if (src) scripts.add(src.replace(/^\//, ''));
    }
    if (tag.startsWith('<link') && /rel="modulepreload"/.test(tag)) scripts.add(attr(tag, 'href')!.replace(/^\//, ''));
    if (tag.startsWith('<link') && /rel="stylesheet"/.test(tag)) styles.add(attr(tag, 'href')!.replace(/^\//, ''));
  }
  return { scripts: [...scripts], styles: [...styles] };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const sum = (xs: Sized[], k: 'raw' | 'gzip' | 'brotli') => xs.reduce((s, x) => s + x[k], 0);

function main() {
  const index = join(WEB, 'index.html');
  if (!existsSync(index)) throw new Error('dist/web/index.html is missing: run `npm run build` first');
  const html = readFileSync(index, 'utf8');
  const { scripts, styles } = firstPageFiles(html);
  const js = scripts.map(sizeOf);
  const css = styles.map(sizeOf);
  const allJs = readdirSync(join(WEB, 'assets')).filter((f) => f.endsWith('.js')).map((f) => sizeOf(`assets/${f}`));
  const largestLazy = allJs.filter((x) => !scripts.includes(x.file)).sort((a, b) => b.gzip - a.gzip).slice(0, 3);
  const timings = existsSync(TIMINGS) ? (JSON.parse(readFileSync(TIMINGS, 'utf8')) as { caseListUsable?: { firstMs: number; warmMedianMs: number; runsMs: number[]; measuredAt: string } }) : {};
  const t = timings.caseListUsable;
  let chromium = 'unknown';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // No browser here: the timing line says so.
  }
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} logical CPUs), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, Node ${process.version}, ${chromium}`;
  const built = new Date(statSync(index).mtimeMs).toISOString();

  const lines = [
    SECTION,
    '',
    `Machine: ${machine}.`,
    `Command: \`npm run build && npx vitest run e2e/web-roles.test.ts && node --import tsx bench/web-bundle.bench.ts --write-docs\` (build of ${built}).`,
    '',
    '### JavaScript sent for the first page',
    '',
    'Read from `dist/web/index.html`: the module script and its `modulepreload` links (what the browser fetches before anything renders); gzip level 9 and brotli 11 as the build precompresses them (the server sends the `.br`/`.gz` sibling when the browser accepts it).',
    '',
    '| file | raw | gzip | brotli |',
    '| --- | ---: | ---: | ---: |',
    ...js.map((x) => `| \`${x.file}\` | ${kb(x.raw)} | ${kb(x.gzip)} | ${kb(x.brotli)} |`),
    `| **JavaScript, first page** | **${kb(sum(js, 'raw'))}** | **${kb(sum(js, 'gzip'))}** | **${kb(sum(js, 'brotli'))}** |`,
    ...css.map((x) => `| \`${x.file}\` (CSS) | ${kb(x.raw)} | ${kb(x.gzip)} | ${kb(x.brotli)} |`),
    '',
    `Budget: < ${kb(BUDGET_GZIP)} gzip — ${sum(js, 'gzip') < BUDGET_GZIP ? 'met' : 'NOT met'}. All JavaScript of the app: ${allJs.length} files, ${kb(sum(allJs, 'gzip'))} gzip; every screen is a lazy chunk, the largest being ${largestLazy.map((x) => `\`${x.file}\` ${kb(x.gzip)}`).join(', ')} (the charts load only on the dashboards).`,
    '',
    '### Time to a usable case list (loopback)',
    '',
    t
      ? `Measured by \`e2e/web-roles.test.ts\` in headless Chromium against the in-process server (in-memory PGlite, demo data), signed in as the demo investigator: from navigation start of \`/cases\` (a full page load, HTTP cache warm) to the first case row in the document, noted in the page by a MutationObserver. First load ${t.firstMs} ms, then median ${t.warmMedianMs} ms over ${t.runsMs.length - 1} reloads (all runs: ${t.runsMs.join(', ')} ms; ${t.measuredAt}).`
      : 'Not measured: run the browser tests first (`npx vitest run e2e/web-roles.test.ts`), which write `dist/e2e-timings.json`.',
    '',
    `Load average when this section was written: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (a shared 2-core machine; other work running at the same time slows the browser and the server alike).`,
    '',
  ];
  const section = lines.join('\n');
  console.log(section);
  if (process.argv.includes('--write-docs')) writeDocsSection(SECTION, section);
}

main();
