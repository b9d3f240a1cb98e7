import { Button } from './Button.tsx';

export interface PagerLabels {
  previous: string;
  next: string;
  range: (from: number, to: number, total: number) => string;
  nav: string;
}

export function Pager({ total, limit, offset, onOffset, labels }: { total: number; limit: number; offset: number; onOffset: (offset: number) => void; labels: PagerLabels }) {
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={labels.nav}>
      <Button onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0}>
        {labels.previous}
      </Button>
      <span aria-live="polite">{labels.range(from, to, total)}</span>
      <Button onClick={() => onOffset(offset + limit)} disabled={to >= total}>
        {labels.next}
      </Button>
    </nav>
  );
}
