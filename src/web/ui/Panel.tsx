import { useEffect, useId, type ReactNode } from 'react';

/** A titled region of a page; the heading labels the region for screen readers. */
export function Panel({ title, actions, children, level = 2, className }: { title: string; actions?: ReactNode; children: ReactNode; level?: 2 | 3; className?: string }) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['panel', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <header className="panel-header">
        <Heading id={id}>{title}</Heading>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** The page's one h1; it also names the browser tab, so history and screen readers tell pages apart. */
export function PageHeader({ title, subtitle, actions, children }: { title: string; subtitle?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Amaan`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
        {children}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
