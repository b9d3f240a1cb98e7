import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

const pages: Record<string, string> = { person: '/persons/', entity: '/entities/', case: '/cases/', evidence: '/evidence/', operation: '/operations/' };

/** A node of a link: a link to its page when it has one, its label (a victim only by pseudonym). */
export function NodeLabel({ node }: { node: { type: string; id: string; label: string } }) {
  const { t } = useTranslation();
  const label = node.label || t('entities.hiddenNode');
  const base = node.label ? pages[node.type] : undefined;
  return (
    <span>
      <span className="muted small">{t(`entities.nodeTypes.${node.type}`, { defaultValue: node.type })}</span>{' '}
      {base ? <Link to={`${base}${node.id}`}><bdi>{label}</bdi></Link> : <bdi>{label}</bdi>}
    </span>
  );
}
