// Classes of the missed cross-script true pairs of a generated split: by score band, by whether blocking
// compared them, and by the evidence both records carry beyond names (date of birth, district, father's name,
// phone, CNIC); for development only (run it on a tuning seed, never on the held-out ones).
//   node --import tsx bench/resolution-miss-classes.ts [--persons 20000] [--seed 1] [--show 0] [--band -2,2]
import { parseArgs } from 'node:util';
import { generateResolutionSet } from './resolution-data.ts';
import { ResolutionIndex, DEFAULT_THRESHOLD } from '../src/modules/resolution/resolution-index.ts';
import { scorePair } from '../src/modules/resolution/score.ts';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' }, show: { type: 'string', default: '0' }, band: { type: 'string', default: '-100,100' }, filter: { type: 'string', default: '' } } });
const set = generateResolutionSet(Number(values.seed), Number(values.persons));
const index = new ResolutionIndex();
for (const r of set.records) index.add(r);
const A = /[\u0600-\u06FF]/u, L = /[A-Za-z]/;
const script = (ns: string[]): string => { const u = ns.some((x) => A.test(x)), l = ns.some((x) => L.test(x)); return u && l ? 'mixed' : u ? 'urdu' : 'latin'; };
const compared = new Set<string>();
for (let i = 0; i < index.size; i++) for (const s of index.pairsOf(i, -1000)) compared.add(`${s.a}|${s.b}`);
const groups = new Map<number, number[]>();
set.entity.forEach((e, i) => { const g = groups.get(e); if (g) g.push(i); else groups.set(e, [i]); });
const [lo, hi] = values.band.split(',').map(Number) as [number, number];
let total = 0, found = 0, shown = 0;
const byBand = new Map<string, number>(), byEvidence = new Map<string, number>();
const inc = (m: Map<string, number>, k: string): void => { m.set(k, (m.get(k) ?? 0) + 1); };
const band = (s: number): string => (s >= DEFAULT_THRESHOLD ? '>=2' : s >= 0 ? '[0,2)' : s >= -2 ? '[-2,0)' : s >= -5 ? '[-5,-2)' : '<-5');
for (const g of groups.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) {
  const i = Math.min(g[x]!, g[y]!), j = Math.max(g[x]!, g[y]!);
  const a = set.records[i]!, b = set.records[j]!;
  const sa = script(a.names), sb = script(b.names);
  if (!((sa === 'latin' && sb === 'urdu') || (sa === 'urdu' && sb === 'latin'))) continue;
  total++;
  const pa = index.at(i)!, pb = index.at(j)!;
  const sc = scorePair(pa, pb, index, true);
  const comp = compared.has(`${a.id}|${b.id}`);
  if (comp && sc.score >= DEFAULT_THRESHOLD) { found++; continue; }
  inc(byBand, `${comp ? 'compared' : 'NOT compared'} ${band(sc.score)}`);
  const ev: string[] = [];
  if (pa.birth && pb.birth) ev.push(pa.birth.weak || pb.birth.weak ? 'dob-weak' : 'dob');
  if (pa.districtKey && pb.districtKey) ev.push(pa.districtKey === pb.districtKey ? 'district' : 'district≠');
  if (pa.fathers.length && pb.fathers.length) ev.push('father');
  if (pa.phones.length && pb.phones.length) ev.push(pa.phones.some((p) => pb.phones.includes(p)) ? 'phone' : 'phone≠');
  if (pa.cnic && pb.cnic) ev.push(pa.cnic === pb.cnic ? 'cnic' : 'cnic≠');
  if (pa.handles.length && pb.handles.length) ev.push('handles');
  if ((pa.cnic && pb.districtKey) || (pb.cnic && pa.districtKey)) ev.push('(cnic~district)');
  const evk = ev.filter((e) => !e.startsWith('(')).join('+') || 'names only';
  inc(byEvidence, evk);
  const s = sc.score;
  if (s >= lo && s < hi && (!values.filter || evk.includes(values.filter)) && shown++ < Number(values.show)) {
    console.log(`${comp ? 'BELOW' : 'NOT COMPARED'} ${s} [${ev.join(' ')}]\n  ${JSON.stringify(a)}\n  ${JSON.stringify(b)}\n  ${sc.reasons.map((r) => `${r.field} ${r.weight}: ${r.detail}`).join('\n  ')}`);
  }
}
console.log(`seed ${values.seed}: cross-script true pairs ${total}, found ${found} (recall ${(found / total).toFixed(3)}), missed ${total - found}`);
console.log('by band:', [...byBand].sort().map(([k, v]) => `${k}: ${v}`).join('; '));
console.log('by evidence on both records:', [...byEvidence].sort((p, q) => q[1] - p[1]).map(([k, v]) => `${k}: ${v}`).join('; '));
