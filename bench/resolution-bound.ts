// How much of the recall aim the data allow: among the cross-script true pairs of a generated split, those
// whose two records share nothing but names (no CNIC, phone or handle in common, no birth year, no district on
// both sides, no father's name on both), and of those, the ones whose name (as a set of token keys) is held by 3 or more different
// people in the split: no scorer can tell such a pair from the namesakes at precision 0.95.
//   node --import tsx bench/resolution-bound.ts [--persons 20000] [--seed 1] [--father-rate 0.5]
import { parseArgs } from 'node:util';
import { generateResolutionSet } from './resolution-data.ts';
import { prepareRecord } from '../src/modules/resolution/record.ts';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' }, 'father-rate': { type: 'string', default: '0.5' } } });
const set = generateResolutionSet(Number(values.seed), Number(values.persons), { fatherRate: Number(values['father-rate']) });
const P = set.records.map(prepareRecord);
const A = /[\u0600-\u06FF]/u, L = /[A-Za-z]/;
const script = (ns: string[]): string => { const u = ns.some((x) => A.test(x)), l = ns.some((x) => L.test(x)); return u && l ? 'mixed' : u ? 'urdu' : 'latin'; };
const sc = set.records.map((r) => script(r.names));
const nameKeys = (i: number): string[] => P[i]!.names.map((n) => n.tokens.filter((t) => !t.initial).map((t) => t.key).sort().join(' '));
const holders = new Map<string, Set<number>>();
P.forEach((_, i) => { for (const k of nameKeys(i)) { let s = holders.get(k); if (!s) holders.set(k, (s = new Set())); s.add(set.entity[i]!); } });
const groups = new Map<number, number[]>();
set.entity.forEach((e, i) => { const g = groups.get(e); if (g) g.push(i); else groups.set(e, [i]); });
let total = 0, nameOnly = 0, ambiguous = 0;
for (const g of groups.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) {
  const i = g[x]!, j = g[y]!;
  if (!((sc[i] === 'latin' && sc[j] === 'urdu') || (sc[i] === 'urdu' && sc[j] === 'latin'))) continue;
  total++;
  const a = P[i]!, b = P[j]!;
  const shared = (a.cnic && a.cnic === b.cnic) || a.phones.some((p) => b.phones.includes(p)) || a.handles.some((h) => b.handles.includes(h));
  if (shared || (a.birth && b.birth) || (a.districtKey && b.districtKey) || (a.fathers.length && b.fathers.length)) continue;
  nameOnly++;
  if (Math.max(...[...new Set([...nameKeys(i), ...nameKeys(j)])].map((k) => holders.get(k)?.size ?? 0)) >= 3) ambiguous++;
}
const pc = (x: number): string => `${((100 * x) / total).toFixed(1)}%`;
console.log(`seed ${values.seed}, ${set.records.length} records: ${total} cross-script true pairs; names only: ${nameOnly} (${pc(nameOnly)}); of those, a name held by >= 3 people: ${ambiguous} (${pc(ambiguous)}); recall ceiling at high precision about ${(1 - ambiguous / total).toFixed(3)}`);
