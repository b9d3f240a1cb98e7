import type { TakedownStatus } from '../../platform/db/schema.ts';

// Which status may follow which (pure: the service enforces it, the web app shows the allowed steps).
// A removal can be undone only by the material reappearing, which starts a new episode of notices; a refusal
// ends the schedule (the officer escalates elsewhere) until the material is found removed after all.
const next: Record<TakedownStatus, readonly TakedownStatus[]> = {
  requested: ['acknowledged', 'removed', 'refused'],
  acknowledged: ['removed', 'refused'],
  removed: ['reappeared'],
  refused: ['removed'],
  reappeared: ['acknowledged', 'removed', 'refused'],
};

export function allowedTakedownSteps(from: TakedownStatus): TakedownStatus[] {
  return [...next[from]];
}

export function checkTakedownStep(from: TakedownStatus, to: TakedownStatus): { ok: true } | { ok: false; reason: string } {
  if (next[from].includes(to)) return { ok: true };
  return { ok: false, reason: `a takedown that is ${from} cannot become ${to}` };
}

/** Still up, so re-noticed on schedule. */
export const isOpenTakedown = (s: TakedownStatus) => s === 'requested' || s === 'acknowledged' || s === 'reappeared';

/** The nearest-rank-free percentile (linear interpolation, as PostgreSQL's percentile_cont). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
