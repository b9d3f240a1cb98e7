import type { ReactNode } from 'react';

export function DefinitionList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="deflist">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
