import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from './session.ts';

/**
 * "Show in graph" on the page of a person, a case or an identifier: opens the entity graph around that node.
 * Only for roles that may read the graph; it lives in the shell so a record page does not load the graph code.
 */
export function ShowInGraphLink({ node, className = 'btn btn-secondary' }: { node: string; className?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('graph.read')) return null;
  return (
    <Link className={className} to={`/graph?node=${encodeURIComponent(node)}`} data-testid="show-in-graph">
      {t('graph.showInGraph')}
    </Link>
  );
}
