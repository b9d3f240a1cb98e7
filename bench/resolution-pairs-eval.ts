// Precision and recall (all pairs, cross-script pairs, pairs sharing an identifier) of any list of proposed pairs
// against the labels of a generated file: `amaan resolve` output (JSON lines, "score") or the Splink anchor's
// (TSV: id, id, match probability), so both are judged by the same code (bench/resolution-metrics.ts).
//   node --import tsx bench/resolution-pairs-eval.ts --records F.jsonl --labels F.labels.tsv --pairs P [--at 0.5,0.9]
// --at: also the figures for the pairs whose score (or probability) is at least each of these values.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LabelledSet } from './resolution-data.ts';
import { type Evaluation, evaluate } from './resolution-metrics.ts';
import { parseRecords } from '../src/modules/resolution/input.ts';

export interface ScoredPair { a: string; b: string; score: number }

/** Reads a pair list: JSON lines {a, b, score} or TSV lines "a<TAB>b<TAB>score". */
export function readPairs(path: string): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    if (line.startsWith('{')) {
      const p = JSON.parse(line) as ScoredPair;
      out.push({ a: p.a, b: p.b, score: p.score });
    } else {
      const [a, b, s] = line.split('\t');
      out.push({ a: a!, b: b!, score: Number(s) });
    }
  }
  return out;
}

/** The generated records and their labels (record id -> person), as the evaluation needs them. */
export function readLabelledSet(recordsPath: string, labelsPath: string): LabelledSet {
  const records = parseRecords(readFileSync(recordsPath, 'utf8'));
  const person = new Map(readFileSync(labelsPath, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t') as [string, string]));
  return { records, entity: records.map((r) => Number(person.get(r.id))) };
}

export function summary(e: Evaluation): string {
  const f = (x: number): string => x.toFixed(3);
  return `${e.overall.proposed} pairs; all: P ${f(e.overall.precision)} R ${f(e.overall.recall)}; cross-script: P ${f(e.crossScript.precision)} R ${f(e.crossScript.recall)}`
    + ` (${e.crossScript.proposed} proposed, ${e.crossScript.truePairs} true); sharing an identifier: R ${f(e.sharedIdentifier.recall)}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { values } = parseArgs({ options: { records: { type: 'string' }, labels: { type: 'string' }, pairs: { type: 'string' }, at: { type: 'string' } } });
  if (!values.records || !values.labels || !values.pairs) throw new Error('usage: --records F.jsonl --labels F.labels.tsv --pairs P [--at 0.5,0.9]');
  const set = readLabelledSet(values.records, values.labels);
  const pairs = readPairs(values.pairs);
  console.log(`all given: ${summary(evaluate(set, pairs))}`);
  for (const at of (values.at ?? '').split(',').filter(Boolean).map(Number)) console.log(`at >= ${at}: ${summary(evaluate(set, pairs.filter((p) => p.score >= at)))}`);
}
