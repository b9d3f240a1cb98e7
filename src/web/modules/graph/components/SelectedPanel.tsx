import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, DefinitionList, Panel } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import type { GraphEdge, GraphNode } from '../api/graph.api.ts';
import { edgeHref, nodeHref, type WorkingGraph } from '../graph-model.ts';
import { useGraphLabels } from './labels.ts';

interface Props {
  node?: GraphNode;
  edge?: GraphEdge;
  graph: WorkingGraph;
  pinned: ReadonlySet<string>;
  expanding: string | null;
  dir: 'ltr' | 'rtl';
  onExpand(id: string): void;
  onPin(id: string): void;
  onPathEnd(which: 'from' | 'to', id: string): void;
}

/** The node or link selected in the drawing or the tables: what it is, the record behind it, what to do with it. */
export function SelectedPanel({ node, edge, graph, pinned, expanding, dir, onExpand, onPin, onPathEnd }: Props) {
  const { t } = useTranslation();
  const labels = useGraphLabels();
  const f = useFormat();
  const arrow = dir === 'rtl' ? '←' : '→';
  if (node) {
    const name = labels.nodeName(node, node.id);
    const href = nodeHref(node);
    const facts = Object.entries(node.attributes).filter(([k, v]) => v !== null && v !== '' && k !== 'pseudonym');
    return (
      <Panel title={t('graph.selected')}>
        <div data-testid="graph-selected">
          <h3 className="graph-selected-name">
            <bdi>{name}</bdi> <Badge>{labels.nodeKind(node)}</Badge>
          </h3>
          {facts.length ? <DefinitionList items={facts.map(([k, v]) => [k, <bdi key={k}>{String(v)}</bdi>])} /> : null}
          <div className="button-row small-buttons">
            <button type="button" className="btn" onClick={() => onExpand(node.id)} disabled={graph.expanded.has(node.id) || expanding === node.id}>
              {graph.expanded.has(node.id) ? t('graph.expanded') : t('graph.expand')}
            </button>
            <button type="button" className="btn" aria-pressed={pinned.has(node.id)} onClick={() => onPin(node.id)}>
              {pinned.has(node.id) ? t('graph.unpin') : t('graph.pin')}
            </button>
            <button type="button" className="btn" onClick={() => onPathEnd('from', node.id)}>
              {t('graph.pathFromHere')}
            </button>
            <button type="button" className="btn" onClick={() => onPathEnd('to', node.id)}>
              {t('graph.pathToHere')}
            </button>
          </div>
          <p>{href ? <Link to={href}>{t('graph.openRecord')}</Link> : <span className="muted small">{t('graph.noRecordPage')}</span>}</p>
        </div>
      </Panel>
    );
  }
  if (edge) {
    const from = graph.nodes.get(edge.source);
    const to = graph.nodes.get(edge.target);
    const href = edgeHref(edge);
    const period = [edge.observedFrom, edge.observedTo].filter(Boolean).map((d) => f.date(d!)).join(' – ');
    return (
      <Panel title={t('graph.selected')}>
        <div data-testid="graph-selected">
          <h3 className="graph-selected-name">
            <bdi>{labels.nodeName(from, edge.source)}</bdi> {labels.edgeKind(edge.kind)} {arrow} <bdi>{labels.nodeName(to, edge.target)}</bdi>
          </h3>
          <DefinitionList
            items={[
              [t('graph.justification'), <span key="j">{labels.justificationType(edge.justification.type)}: <bdi>{edge.justification.label}</bdi></span>],
              [t('graph.observed'), period || '—'],
              [t('graph.confidence'), f.percent(edge.confidence)],
              [t('graph.cases'), f.number(edge.caseIds.length)],
            ]}
          />
          <p>{href ? <Link to={href}>{t('graph.openRecord')}</Link> : <span className="muted small">{t('graph.noRecordPage')}</span>}</p>
        </div>
      </Panel>
    );
  }
  return (
    <Panel title={t('graph.selected')}>
      <p className="muted small">{t('graph.nothingSelected')}</p>
    </Panel>
  );
}
