import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Panel } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { edgeHref, nodeHref, type GraphView, type WorkingGraph } from '../graph-model.ts';
import { useGraphLabels } from './labels.ts';

interface Props {
  view: GraphView;
  graph: WorkingGraph;
  root: string;
  pinned: ReadonlySet<string>;
  selected: string | null;
  expanding: string | null;
  pathFrom: string | null;
  pathTo: string | null;
  onSelect(id: string): void;
  onExpand(id: string): void;
  onPin(id: string): void;
  onPathEnd(which: 'from' | 'to', id: string): void;
}

/**
 * The same nodes and links as the drawing, as two tables: for the keyboard and for screen readers, and for
 * anyone who would rather read than look. Every action of the drawing is a button here.
 */
export function GraphTables({ view, graph, root, pinned, selected, expanding, pathFrom, pathTo, onSelect, onExpand, onPin, onPathEnd }: Props) {
  const { t } = useTranslation();
  const labels = useGraphLabels();
  const f = useFormat();
  const degree = new Map<string, number>();
  for (const e of view.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = [...view.nodes].sort((a, b) => (a.id === root ? -1 : b.id === root ? 1 : a.type.localeCompare(b.type) || labels.nodeName(a, a.id).localeCompare(labels.nodeName(b, b.id))));
  const name = (id: string) => labels.nodeName(graph.nodes.get(id), id);
  return (
    <Panel title={t('graph.table')} className="graph-tables">
      <div className="table-wrap">
        <table className="table" data-testid="graph-nodes">
          <caption className="visually-hidden">{t('graph.nodes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('graph.name')}</th>
              <th scope="col">{t('graph.kind')}</th>
              <th scope="col" className="num">{t('graph.degree')}</th>
              <th scope="col">{t('graph.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => {
              const label = labels.nodeName(n, n.id);
              const href = nodeHref(n);
              return (
                <tr key={n.id} data-testid="graph-node-row" data-node-id={n.id} aria-current={selected === n.id || undefined} className={selected === n.id ? 'selected' : undefined}>
                  <td>
                    {href ? (
                      <Link to={href}>
                        <bdi>{label}</bdi>
                      </Link>
                    ) : (
                      <bdi>{label}</bdi>
                    )}{' '}
                    {pinned.has(n.id) ? <Badge tone="info">{t('graph.pinned')}</Badge> : null}
                  </td>
                  <td>{labels.nodeKind(n)}</td>
                  <td className="num">{f.number(degree.get(n.id) ?? 0)}</td>
                  <td>
                    <div className="button-row small-buttons">
                      <button type="button" className="btn" onClick={() => onSelect(n.id)} aria-label={t('graph.selectNamed', { name: label })}>
                        {t('graph.select')}
                      </button>
                      <button type="button" className="btn" onClick={() => onExpand(n.id)} disabled={graph.expanded.has(n.id) || expanding === n.id} aria-label={graph.expanded.has(n.id) ? undefined : t('graph.expandNamed', { name: label })}>
                        {graph.expanded.has(n.id) ? t('graph.expanded') : t('graph.expand')}
                      </button>
                      <button type="button" className="btn" onClick={() => onPin(n.id)} aria-pressed={pinned.has(n.id)} aria-label={pinned.has(n.id) ? t('graph.unpinNamed', { name: label }) : t('graph.pinNamed', { name: label })}>
                        {pinned.has(n.id) ? t('graph.unpin') : t('graph.pin')}
                      </button>
                      <button type="button" className="btn" onClick={() => onPathEnd('from', n.id)} aria-pressed={pathFrom === n.id} aria-label={t('graph.pathFromNamed', { name: label })}>
                        {t('graph.pathStart')}
                      </button>
                      <button type="button" className="btn" onClick={() => onPathEnd('to', n.id)} aria-pressed={pathTo === n.id} aria-label={t('graph.pathToNamed', { name: label })}>
                        {t('graph.pathEnd')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="graph-edges">
          <caption className="visually-hidden">{t('graph.links')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('graph.from')}</th>
              <th scope="col">{t('graph.kind')}</th>
              <th scope="col">{t('graph.to')}</th>
              <th scope="col">{t('graph.justification')}</th>
              <th scope="col">{t('graph.observed')}</th>
            </tr>
          </thead>
          <tbody>
            {view.edges.map((e) => {
              const href = edgeHref(e);
              return (
                <tr key={e.id} data-testid="graph-edge-row" aria-current={selected === e.id || undefined} className={selected === e.id ? 'selected' : undefined}>
                  <td>
                    <bdi>{name(e.source)}</bdi>
                  </td>
                  <td>
                    <button type="button" className="btn-link" onClick={() => onSelect(e.id)}>
                      {labels.edgeKind(e.kind)}
                    </button>
                  </td>
                  <td>
                    <bdi>{name(e.target)}</bdi>
                  </td>
                  <td>
                    <span className="muted small">{labels.justificationType(e.justification.type)}:</span> <bdi>{e.justification.label}</bdi> {href ? <Link to={href}>{t('graph.openRecord')}</Link> : null}
                  </td>
                  <td className="nowrap">{e.observedFrom || e.observedTo ? [e.observedFrom, e.observedTo].filter(Boolean).map((d) => f.date(d)).join(' – ') : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
