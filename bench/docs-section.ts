// Writes one benchmark's section into docs/benchmarks.md (--write-docs): the section from its "## " heading
// to the next "## " heading is replaced, or appended when missing; every other section is left alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_DOC = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

/** `body` starts with the heading line itself (e.g. "## PDQ hashing (issue 3)"). */
export function writeDocsSection(heading: string, body: string): void {
  if (!body.startsWith(`${heading}\n`)) throw new Error(`the section must start with its heading "${heading}"`);
  const doc = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, 'utf8') : '# Benchmarks\n';
  const section = `${body.trim()}\n`;
  const start = doc.startsWith(`${heading}\n`) ? 0 : doc.indexOf(`\n${heading}\n`) + 1;
  let next: string;
  if (start <= 0 && !doc.startsWith(`${heading}\n`)) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    const after = doc.indexOf('\n## ', start + heading.length);
    next = doc.slice(0, start) + section + (after < 0 ? '' : `\n${doc.slice(after + 1)}`);
  }
  writeFileSync(BENCHMARKS_DOC, next);
  console.log(`\nwrote the "${heading}" section of ${BENCHMARKS_DOC}`);
}
