// Access to the PDQ/vPDQ conformance data kept in the repository (test/fixtures/pdq: Meta's benign test
// images, videos and expected values, see its README.md). Tests and benchmarks only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PDQ_TESTDATA_DIR = fileURLToPath(new URL('../../test/fixtures/pdq/', import.meta.url));

export function testdataPath(rel: string): string {
  return PDQ_TESTDATA_DIR + rel;
}

/** Rows of a tab-separated file with a header line, as objects keyed by column name. */
export function readTsv(rel: string): Record<string, string>[] {
  const lines = readFileSync(testdataPath(rel), 'utf8').trimEnd().split('\n');
  const head = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}
