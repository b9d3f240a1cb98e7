/** Progress of long work (imports, ingest, reports): a bar and a text that screen readers hear as it changes. */
export function Progress({ label, done, total, state = 'running' }: { label: string; done: number; total: number | null; state?: 'running' | 'done' | 'failed' }) {
  const pct = total ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <div className={`progress progress-${state}`}>
      <progress max={total ?? undefined} value={total ? done : undefined} aria-label={label} />
      <p className="progress-text" aria-live="polite" role="status">
        {label}
        {pct !== undefined && state === 'running' ? ` (${pct}%)` : ''}
      </p>
    </div>
  );
}
