// Calibration by evidence (development only, on a tuning seed): for the compared pairs scoring in a band, the
// matches the scores predict (sum of 2^s / (1 + 2^s)) against the true matches, per kind of reason; a kind whose
// pairs are right more (or less) often than their scores say is weighed too little (or too much).
//   node --import tsx bench/resolution-calibration.ts [--persons 20000] [--seed 1] [--lo -6] [--hi 6]
import { parseArgs } from 'node:util';
import { generateResolutionSet } from './resolution-data.ts';
import { ResolutionIndex } from '../src/modules/resolution/resolution-index.ts';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' }, lo: { type: 'string', default: '-6' }, hi: { type: 'string', default: '6' } } });
const set = generateResolutionSet(Number(values.seed), Number(values.persons));
const index = new ResolutionIndex();
for (const r of set.records) index.add(r);
const ent = new Map(set.records.map((r, i) => [r.id, set.entity[i]!]));
const lo = Number(values.lo), hi = Number(values.hi);
const stats = new Map<string, { n: number; pred: number; act: number }>();
const add = (k: string, p: number, ok: boolean): void => { const s = stats.get(k) ?? { n: 0, pred: 0, act: 0 }; s.n++; s.pred += p; s.act += ok ? 1 : 0; stats.set(k, s); };
for (let i = 0; i < index.size; i++) {
  for (const s of index.pairsOf(i, lo)) {
    if (s.score >= hi) continue;
    const p = 2 ** s.score / (1 + 2 ** s.score);
    const ok = ent.get(s.a) === ent.get(s.b);
    add('ALL', p, ok);
    const name = s.reasons.find((r) => r.field === 'name');
    const matched = name ? (name.detail.match(/\+\d/g) ?? []).length : 0;
    const conflict = name ? /≠/.test(name.detail) : false;
    const extra = name ? /only on one side/.test(name.detail) : false;
    add(`name parts matched ${matched - (extra ? 1 : 0)}${conflict ? ' +conflict' : ''}${extra ? ' +extra' : ''}`, p, ok);
    if (name && /muhammad \+/.test(name.detail)) add('name has muhammad', p, ok);
    if (name && /~|≈/.test(name.detail)) add('name sound-alike match', p, ok);
    for (const r of s.reasons) {
      if (r.field === 'prior' || r.field === 'name') continue;
      const kind = r.field === 'dateOfBirth' ? r.detail.replace(/\(.*$/, '').replace(/\d+/g, 'N').trim() : r.field;
      add(`${kind} ${r.weight >= 0 ? '+' : '-'}`, p, ok);
    }
    const fields = new Set(s.reasons.map((r) => r.field));
    if (!fields.has('dateOfBirth') && !fields.has('district') && !fields.has('father') && !fields.has('phone') && !fields.has('cnic') && !fields.has('handle')) add('names only', p, ok);
  }
}
console.log(`seed ${values.seed}, pairs scoring in [${lo}, ${hi}): kind | pairs | predicted matches | true matches | ratio`);
for (const [k, s] of [...stats].sort((a, b) => b[1].n - a[1].n)) if (s.n >= 30) console.log(`${k} | ${s.n} | ${s.pred.toFixed(0)} | ${s.act} | ${(s.act / s.pred).toFixed(2)}`);
