// Diagnosis of missed true pairs on the tuning split: for each cross-script true pair not proposed, whether
// blocking ever compared the two records and, if it did, the score and its reasons.
//   node --import tsx bench/resolution-misses.ts [--persons 3000] [--seed 1] [--show 30] [--father-rate 0.5]
import { parseArgs } from 'node:util';
import { generateResolutionSet } from './resolution-data.ts';
import { ResolutionIndex, DEFAULT_THRESHOLD, blockKeys } from '../src/modules/resolution/resolution-index.ts';
import { scorePair } from '../src/modules/resolution/score.ts';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '3000' }, seed: { type: 'string', default: '1' }, 'father-rate': { type: 'string', default: '0.5' }, show: { type: 'string', default: '30' } } });
const set = generateResolutionSet(Number(values.seed), Number(values.persons), { fatherRate: Number(values['father-rate']) });
const index = new ResolutionIndex();
for (const r of set.records) index.add(r);
const A = /[\u0600-\u06FF]/u, L = /[A-Za-z]/;
const script = (ns: string[]) => { const u = ns.some((x) => A.test(x)), l = ns.some((x) => L.test(x)); return u && l ? 'mixed' : u ? 'urdu' : 'latin'; };
const proposed = new Set<string>();
for (let i = 0; i < index.size; i++) for (const s of index.pairsOf(i, -1000)) proposed.add(`${s.a}|${s.b}`);
const groups = new Map<number, number[]>();
set.entity.forEach((e, i) => { const g = groups.get(e); if (g) g.push(i); else groups.set(e, [i]); });
let total = 0, notCompared = 0, below = 0, shown = 0;
const reasonsBelow = new Map<string, number>();
for (const g of groups.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) {
  const i = Math.min(g[x]!, g[y]!), j = Math.max(g[x]!, g[y]!);
  const a = set.records[i]!, b = set.records[j]!;
  const sa = script(a.names), sb = script(b.names);
  if (!((sa === 'latin' && sb === 'urdu') || (sa === 'urdu' && sb === 'latin'))) continue;
  total++;
  const pa = index.at(i)!, pb = index.at(j)!;
  const sc = scorePair(pa, pb, index, true);
  const compared = proposed.has(`${a.id}|${b.id}`);
  if (compared && sc.score >= DEFAULT_THRESHOLD) continue;
  if (!compared) notCompared++; else below++;
  for (const r of sc.reasons) if (r.field !== 'prior') reasonsBelow.set(r.field + (r.weight < 0 ? '-' : '+'), (reasonsBelow.get(r.field + (r.weight < 0 ? '-' : '+')) ?? 0) + 1);
  if (shown++ < Number(values.show)) {
    const kb = new Set(blockKeys(pb));
    const shared = blockKeys(pa).filter((k) => kb.has(k));
    console.log(`${compared ? 'BELOW' : 'NOT COMPARED'} ${sc.score}\n  ${JSON.stringify(a)}\n  ${JSON.stringify(b)}\n  shared blocks: ${shared.join(' ') || '-'}\n  ${sc.reasons.map((r) => `${r.field} ${r.weight}: ${r.detail}`).join('\n  ')}`);
  }
}
console.log(`cross-script true pairs ${total}; missed ${notCompared + below} (never compared ${notCompared}, compared but below ${below})`);
console.log([...reasonsBelow].sort((p, q) => q[1] - p[1]).map(([k, v]) => `${k} ${v}`).join(', '));
