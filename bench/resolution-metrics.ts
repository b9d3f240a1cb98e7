// Precision and recall of proposed pairs against the labels of a generated set, overall and for the pairs
// whose two records are written in different scripts only (one all Latin, the other all Urdu).
import type { LabelledSet } from './resolution-data.ts';
import { prepareRecord } from '../src/modules/resolution/record.ts';

export interface Counts { truePairs: number; proposed: number; correct: number; precision: number; recall: number }
export interface Evaluation {
  records: number;
  overall: Counts;
  crossScript: Counts;
  /** Recall on the true pairs whose records share a CNIC, phone or handle (the others rest on names, dates, places). */
  sharedIdentifier: { truePairs: number; found: number; recall: number };
}

const ARABIC = /[\u0600-\u06FF]/u;
const LATIN = /[A-Za-z]/;

function scriptOf(names: string[]): 'latin' | 'urdu' | 'mixed' {
  const u = names.some((x) => ARABIC.test(x)), l = names.some((x) => LATIN.test(x));
  return u && l ? 'mixed' : u ? 'urdu' : 'latin';
}

function counts(truePairs: number, proposed: number, correct: number): Counts {
  return { truePairs, proposed, correct, precision: proposed ? correct / proposed : 1, recall: truePairs ? correct / truePairs : 1 };
}

export function evaluate(set: LabelledSet, pairs: Iterable<{ a: string; b: string }>): Evaluation {
  const pos = new Map(set.records.map((r, i) => [r.id, i]));
  const script = set.records.map((r) => scriptOf(r.names));
  const cross = (i: number, j: number): boolean => (script[i] === 'latin' && script[j] === 'urdu') || (script[i] === 'urdu' && script[j] === 'latin');
  // true pairs, from the size of each person's group (and per script within it)
  const groups = new Map<number, number[]>();
  set.entity.forEach((e, i) => { const g = groups.get(e); if (g) g.push(i); else groups.set(e, [i]); });
  let truePairs = 0, trueCross = 0;
  for (const g of groups.values()) {
    truePairs += (g.length * (g.length - 1)) / 2;
    const l = g.filter((i) => script[i] === 'latin').length, u = g.filter((i) => script[i] === 'urdu').length;
    trueCross += l * u;
  }
  let proposed = 0, correct = 0, pCross = 0, cCross = 0;
  const seen = new Set<string>();
  for (const { a, b } of pairs) {
    const i = pos.get(a)!, j = pos.get(b)!;
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ok = set.entity[i] === set.entity[j];
    proposed++; if (ok) correct++;
    if (cross(i, j)) { pCross++; if (ok) cCross++; }
  }
  const ids = set.records.map((r) => {
    const p = prepareRecord(r);
    return new Set([...(p.cnic ? [`c${p.cnic}`] : []), ...p.phones.map((x) => `p${x}`), ...p.handles.map((x) => `h${x}`)]);
  });
  let sharedTrue = 0, sharedFound = 0;
  for (const g of groups.values()) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        const i = g[x]!, j = g[y]!;
        if (![...ids[i]!].some((k) => ids[j]!.has(k))) continue;
        sharedTrue++;
        if (seen.has(i < j ? `${i},${j}` : `${j},${i}`)) sharedFound++;
      }
    }
  }
  return {
    records: set.records.length,
    overall: counts(truePairs, proposed, correct),
    crossScript: counts(trueCross, pCross, cCross),
    sharedIdentifier: { truePairs: sharedTrue, found: sharedFound, recall: sharedTrue ? sharedFound / sharedTrue : 1 },
  };
}
