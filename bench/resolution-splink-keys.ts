// Comparison keys for the Splink anchor (bench/resolution-splink.py --keys): the same normalised and
// transliterated keys `amaan resolve` compares, written as plain columns, so Splink is configured as a competent
// user who knows Pakistani names would configure it (Splink itself compares strings and cannot read Urdu
// against Latin, nor knows that Mohd and محمد are Muhammad). Amaan's own module makes the keys: no second
// implementation to drift.
//   node --import tsx bench/resolution-splink-keys.ts --records FILE.jsonl --out FILE.keys.tsv
// Columns (tab-separated, empty = unknown; lists space-separated):
//   unique_id, given_key (first name token that is not "muhammad", else the first), surname_key (last token
//   when the name has another), name_concat (given|surname), father_key (father's tokens): tokens as their
//   skeletons (Asif, Aasif, Asiif and آصف all give asf; Amaan blocks on these and compares them), titles dropped;
//   dob_full (ISO, only when the day is known and is not the 1 January placeholder), birth_year, district_key,
//   phones (E.164), cnic (digits), handles.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseRecordLine } from '../src/modules/resolution/input.ts';
import { prepareRecord } from '../src/modules/resolution/record.ts';

const { values } = parseArgs({ options: { records: { type: 'string' }, out: { type: 'string' } } });
if (!values.records || !values.out) throw new Error('usage: --records FILE.jsonl --out FILE.keys.tsv');

const out = createWriteStream(values.out);
const write = async (s: string): Promise<void> => {
  if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
};
const pad = (n: number): string => String(n).padStart(2, '0');
await write('unique_id\tgiven_key\tsurname_key\tname_concat\tfather_key\tdob_full\tbirth_year\tdistrict_key\tphones\tcnic\thandles\n');
let line = 0;
for await (const text of createInterface({ input: createReadStream(values.records, 'utf8'), crlfDelay: Infinity })) {
  const r = parseRecordLine(text, ++line);
  if (!r) continue;
  const p = prepareRecord(r);
  // The first name written (Latin or Urdu: the keys are the same for both scripts).
  const toks = (p.names[0]?.tokens ?? []).filter((t) => !t.initial).map((t) => t.skeleton);
  const given = toks.find((k) => k !== 'mhmd') ?? toks[0] ?? '';
  const last = toks.length > 1 ? toks[toks.length - 1]! : '';
  const surname = last !== given ? last : '';
  const father = (p.fathers[0]?.tokens ?? []).filter((t) => !t.initial).map((t) => t.skeleton).join(' ');
  const b = p.birth;
  const dobFull = b && !b.weak ? `${b.year}-${pad(b.month!)}-${pad(b.day!)}` : '';
  await write([
    p.id, given, surname, given && surname ? `${given}|${surname}` : '', father, dobFull, b ? String(b.year) : '',
    p.districtKey ?? '', p.phones.join(' '), p.cnic ?? '', p.handles.join(' '),
  ].join('\t') + '\n');
}
await new Promise<void>((r) => out.end(() => r()));
