// Writes a generated resolution set as JSON lines (the input of `amaan resolve`) and its labels as TSV.
//   node --import tsx bench/resolution-generate.ts --seed 1 --persons 10000 --out /tmp/res
//   -> /tmp/res.jsonl (records) and /tmp/res.labels.tsv (record id, person number)
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateResolutionSet } from './resolution-data.ts';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, persons: { type: 'string', default: '10000' }, out: { type: 'string', default: 'resolution' } } });
const set = generateResolutionSet(Number(values.seed), Number(values.persons));

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const l of lines) if (!out.write(l)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

await writeLines(`${values.out}.jsonl`, (function* () { for (const r of set.records) yield `${JSON.stringify(r)}\n`; })());
await writeLines(`${values.out}.labels.tsv`, (function* () { for (let i = 0; i < set.records.length; i++) yield `${set.records[i]!.id}\t${set.entity[i]}\n`; })());
process.stderr.write(`${set.records.length} records of ${values.persons} people -> ${values.out}.jsonl, ${values.out}.labels.tsv\n`);
