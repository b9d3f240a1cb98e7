import { Button } from './Button.tsx';

export interface PagerLabels {
  previous: string;
  next: string;
  /** `exact` false: there are more than `total` (a bounded count, shown as "10,000+"). */
  range: (from: number, to: number, total: number, exact: boolean) => string;
  nav: string;
}

export function Pager({ total, totalExact = true, limit, offset, onOffset, labels }: { total: number; totalExact?: boolean; limit: number; offset: number; onOffset: (offset: number) => void; labels: PagerLabels }) {
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={labels.nav}>
      <Button onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0}>
        {labels.previous}
      </Button>
      <span aria-live="polite">{labels.range(from, to, total, totalExact)}</span>
      <Button onClick={() => onOffset(offset + limit)} disabled={to >= total}>
        {labels.next}
      </Button>
    </nav>
  );
}
