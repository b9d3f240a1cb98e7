import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Panel, Progress } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import type { GraphNode, PathResponse } from '../api/graph.api.ts';
import { edgeHref, hopForward, pathHops } from '../graph-model.ts';
import { useGraphLabels } from './labels.ts';

interface Props {
  from?: GraphNode;
  fromId: string | null;
  to?: GraphNode;
  toId: string | null;
  result: PathResponse | null;
  index: number;
  onIndex(i: number): void;
  pending: boolean;
  error: unknown;
  maxHops: number;
  dir: 'ltr' | 'rtl';
  onFind(): void;
  onClear(): void;
  onSelect(id: string): void;
}

/**
 * The shortest path between two chosen nodes, highlighted in the drawing, and here as a list of its steps
 * with the record that justifies each ("what links this local suspect to the foreign ringleader?").
 */
export function PathPanel({ from, fromId, to, toId, result, index, onIndex, pending, error, maxHops, dir, onFind, onClear, onSelect }: Props) {
  const { t } = useTranslation();
  const labels = useGraphLabels();
  // Arrows point the way the link was recorded (who paid whom), which may be against the walking order.
  const ahead = dir === 'rtl' ? '←' : '→';
  const back = dir === 'rtl' ? '→' : '←';
  const hops = result ? pathHops(result, index) : [];
  const end = (node: GraphNode | undefined, id: string | null) => (id ? <bdi>{labels.nodeName(node, id)}</bdi> : <span className="muted">{t('graph.pathPick')}</span>);
  return (
    <Panel title={t('graph.path')}>
      <dl className="deflist" data-testid="path-ends">
        <div>
          <dt>{t('graph.pathStart')}</dt>
          <dd data-testid="path-from">{end(from, fromId)}</dd>
        </div>
        <div>
          <dt>{t('graph.pathEnd')}</dt>
          <dd data-testid="path-to">{end(to, toId)}</dd>
        </div>
      </dl>
      <div className="button-row small-buttons">
        <button type="button" className="btn btn-primary" onClick={onFind} disabled={!fromId || !toId || fromId === toId || pending}>
          {t('graph.findPath')}
        </button>
        {result ? (
          <button type="button" className="btn" onClick={onClear}>
            {t('graph.clearPath')}
          </button>
        ) : null}
      </div>
      {pending ? <Progress label={t('graph.findingPath')} done={0} total={null} /> : null}
      {error ? <QueryError error={error} /> : null}
      {result && result.paths.length === 0 ? (
        <p role="status" data-testid="no-path">
          {t('graph.noPath', { hops: maxHops })}
        </p>
      ) : null}
      {result && result.paths.length > 0 ? (
        <div role="status" aria-live="polite">
          <p className="graph-path-length">
            <strong>{t('graph.steps', { count: hops.length })}</strong>
            {result.paths.length > 1 ? (
              <label className="graph-path-choice">
                {' '}
                <select value={index} onChange={(e) => onIndex(Number(e.target.value))} aria-label={t('graph.path')}>
                  {result.paths.map((_, i) => (
                    <option key={i} value={i}>
                      {t('graph.pathChoice', { n: i + 1, total: result.paths.length })}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </p>
          <h3>{t('graph.justifications')}</h3>
          <ol className="graph-hops" data-testid="path-hops">
            {hops.map((h) => {
              const href = edgeHref(h.edge);
              const kind = (
                <button type="button" className="btn-link" onClick={() => onSelect(h.edge.id)}>
                  {labels.edgeKind(h.edge.kind)}
                </button>
              );
              return (
                <li key={h.edge.id} data-testid="path-hop">
                  <div className="graph-hop-line">
                    <bdi>{labels.nodeName(h.from, h.from.id)}</bdi>{' '}
                    {hopForward(h) ? (
                      <>
                        {kind} {ahead}
                      </>
                    ) : (
                      <>
                        {back} {kind}
                      </>
                    )}{' '}
                    <bdi>{labels.nodeName(h.to, h.to.id)}</bdi>
                  </div>
                  <div className="graph-hop-why small" data-testid="path-justification">
                    <span className="muted">{labels.justificationType(h.edge.justification.type)}:</span> <bdi>{h.edge.justification.label}</bdi>{' '}
                    {href ? <Link to={href}>{t('graph.openRecord')}</Link> : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </Panel>
  );
}
