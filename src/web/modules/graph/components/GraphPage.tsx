import { useCallback, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { edgeKinds, exportFormats, nodeTypes } from '../../../../modules/graph/graph.schema.ts';
import { Alert, Empty, PageHeader, Panel, Progress, TextField } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { usePersonSearch } from '../../persons/hooks/use-persons.ts';
import { exportHref, type GraphEdge, type GraphNode, type PathResponse } from '../api/graph.api.ts';
import {
  apiFilters, applyFilters, emptyGraph, kindsPresent, mergeGraph, noFilters, parseNodeId, toElements, withPath, type GraphFilters, type WorkingGraph,
} from '../graph-model.ts';
import { PATH_MAX_HOPS, useExpand, useShortestPath, useStartNeighbourhood } from '../hooks/use-graph.ts';
import { GraphCanvas } from './GraphCanvas.tsx';
import { FiltersPanel } from './FiltersPanel.tsx';
import { PathPanel } from './PathPanel.tsx';
import { SelectedPanel } from './SelectedPanel.tsx';
import { GraphTables } from './GraphTables.tsx';
import { useGraphLabels } from './labels.ts';

/** /graph?node=person:…: the neighbourhood of a node, to expand, filter, pin, find paths in and export. */
export function GraphPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const node = params.get('node');
  const valid = node && parseNodeId(node) && (nodeTypes as readonly string[]).includes(parseNodeId(node)!.type) ? node : null;
  if (!valid) {
    return (
      <article aria-label={t('graph.title')}>
        <PageHeader title={t('graph.title')} subtitle={t('graph.intro')} />
        {node ? <Alert kind="error">{t('errors.notFoundBody')}</Alert> : null}
        <StartPicker />
      </article>
    );
  }
  // A new start node is a new workspace: nothing expanded, pinned or highlighted carries over.
  return <GraphWorkspace key={valid} node={valid} />;
}

function StartPicker() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = usePersonSearch({ q: q.trim() }, q.trim().length >= 2);
  return (
    <Panel title={t('graph.startTitle')}>
      <p className="muted">{t('graph.startHint')}</p>
      <TextField label={t('persons.searchName')} value={q} onValue={setQ} type="search" autoComplete="off" />
      {search.isFetching ? <Progress label={t('common.loading')} done={0} total={null} /> : null}
      <ul className="plain" data-testid="graph-start-results">
        {(search.data?.items ?? []).map((p) => (
          <li key={p.id}>
            <Link to={`/graph?node=person:${p.id}`}>{p.displayName}</Link>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function GraphWorkspace({ node }: { node: string }) {
  const { t, i18n } = useTranslation();
  const labels = useGraphLabels();
  const [hops, setHops] = useState(2);
  const start = useStartNeighbourhood(node, hops);
  const expand = useExpand();
  const shortest = useShortestPath();
  const [added, setAdded] = useState<WorkingGraph>(emptyGraph);
  const [filters, setFilters] = useState<GraphFilters>(noFilters);
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [pathFrom, setPathFrom] = useState<string | null>(node);
  const [pathTo, setPathTo] = useState<string | null>(null);
  const [path, setPath] = useState<PathResponse | null>(null);
  const [pathIndex, setPathIndex] = useState(0);
  const [expanding, setExpanding] = useState<string | null>(null);
  const [fitKey, setFitKey] = useState(0);
  const summaryId = useId();

  // What the start query brought, with every expansion and path since.
  const graph = useMemo(() => {
    if (!start.data) return null;
    const base = mergeGraph(emptyGraph(), start.data, node);
    const all = mergeGraph(base, { nodes: [...added.nodes.values()], edges: [...added.edges.values()] });
    return { ...all, expanded: new Set([...base.expanded, ...added.expanded]) };
  }, [start.data, added, node]);

  const chosen = path?.paths[pathIndex];
  const pathNodes = useMemo(() => new Set(chosen?.nodes ?? []), [chosen]);
  const pathEdges = useMemo(() => new Set(chosen?.edges ?? []), [chosen]);
  const view = useMemo(() => {
    if (!graph) return { nodes: [], edges: [] };
    const keep = new Set([node, ...pinned, ...(pathFrom ? [pathFrom] : []), ...(pathTo ? [pathTo] : [])]);
    return withPath(applyFilters(graph, filters, keep), graph, pathNodes, pathEdges);
  }, [graph, filters, pinned, node, pathFrom, pathTo, pathNodes, pathEdges]);
  const elements = useMemo(
    () => toElements(view, { pinned, pathNodes, pathEdges, focus: node, pathFrom: pathFrom ?? undefined, pathTo: pathTo ?? undefined }, graph ?? undefined, (e) => labels.edgeKind(e.kind)),
    [view, pinned, pathNodes, pathEdges, node, pathFrom, pathTo, graph, labels],
  );

  const nodeById = useCallback((id: string | null): GraphNode | undefined => (id ? graph?.nodes.get(id) : undefined), [graph]);
  const name = (id: string | null) => labels.nodeName(nodeById(id), id);

  const onExpand = useCallback(
    (id: string) => {
      setExpanding(id);
      expand.mutate(id, {
        onSuccess: (res) => setAdded((g) => mergeGraph(g, res, id)),
        onSettled: () => setExpanding(null),
      });
    },
    [expand],
  );
  const togglePin = useCallback((id: string, force?: boolean) => {
    setPinned((p) => {
      const next = new Set(p);
      if (force ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onPinByDrag = useCallback((id: string) => togglePin(id, true), [togglePin]);
  const findPath = () => {
    if (!pathFrom || !pathTo) return;
    shortest.mutate(
      { from: pathFrom, to: pathTo, ...apiFilters(filters, nodeTypes, edgeKinds) },
      {
        onSuccess: (res) => {
          setPath(res);
          setPathIndex(0);
          setAdded((g) => mergeGraph(g, res));
        },
      },
    );
  };
  const clearPath = () => {
    setPath(null);
    shortest.reset();
  };
  const setEnd = (which: 'from' | 'to', id: string) => {
    clearPath();
    if (which === 'from') setPathFrom(id);
    else setPathTo(id);
  };

  const root = nodeById(node);
  const title = root ? t('graph.titleOf', { name: labels.nodeName(root, node) }) : t('graph.title');
  const kinds = graph ? kindsPresent(graph) : { nodeKinds: [], linkKinds: [] };
  const selectedNode = selected ? graph?.nodes.get(selected) : undefined;
  const selectedEdge: GraphEdge | undefined = selected && !selectedNode ? graph?.edges.get(selected) : undefined;
  const exportQuery = { node, hops, ...apiFilters(filters, nodeTypes, edgeKinds) };

  return (
    <article aria-label={title} className="graph-page">
      <PageHeader
        title={title}
        subtitle={t('graph.intro')}
        actions={
          <div className="graph-export" role="group" aria-label={t('graph.export')}>
            {exportFormats.map((format) => (
              <a key={format} className="btn btn-secondary" href={exportHref({ ...exportQuery, format })} download data-testid={`export-${format}`} title={t('graph.exportHint')}>
                {t('graph.exportAs', { format: format === 'json' ? 'JSON' : format === 'gexf' ? 'GEXF' : 'GraphML' })}
              </a>
            ))}
          </div>
        }
      />
      {start.isPending ? <Progress label={t('graph.loading')} done={0} total={null} /> : null}
      {start.error ? <QueryError error={start.error} /> : null}
      {graph ? (
        <>
          <div className="graph-layout">
            <div className="graph-main">
              <div className="graph-toolbar">
                <label className="graph-hops-select">
                  {t('graph.hops')}{' '}
                  <select value={hops} onChange={(e) => setHops(Number(e.target.value))}>
                    {[1, 2, 3].map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="btn btn-secondary" onClick={() => setFitKey((k) => k + 1)}>
                  {t('graph.fit')}
                </button>
                <span className="graph-summary muted small" id={summaryId} data-testid="graph-summary">
                  {t('graph.summary', { nodes: view.nodes.length, edges: view.edges.length, totalNodes: graph.nodes.size, totalEdges: graph.edges.size })}
                </span>
              </div>
              {start.isFetching && !start.isPending ? <Progress label={t('graph.loading')} done={0} total={null} /> : null}
              {expanding ? <Progress label={t('graph.expanding', { name: name(expanding) })} done={0} total={null} /> : null}
              {expand.error ? <QueryError error={expand.error} /> : null}
              {start.data?.truncated ? <Alert kind="warning">{t('graph.truncated')}</Alert> : null}
              <GraphCanvas
                elements={elements}
                selected={selected}
                onSelect={setSelected}
                onExpand={onExpand}
                onPin={onPinByDrag}
                fitKey={fitKey}
                label={t('graph.canvasLabel', { nodes: view.nodes.length, edges: view.edges.length, name: labels.nodeName(root, node) })}
                describedBy={summaryId}
              />
              {view.nodes.length === 0 ? <Empty>{t('graph.noNodes')}</Empty> : null}
            </div>
            <aside className="graph-side stack" aria-label={t('graph.selected')}>
              <SelectedPanel
                node={selectedNode}
                edge={selectedEdge}
                graph={graph}
                pinned={pinned}
                expanding={expanding}
                dir={i18n.dir()}
                onExpand={onExpand}
                onPin={togglePin}
                onPathEnd={setEnd}
              />
              <PathPanel
                from={nodeById(pathFrom)}
                fromId={pathFrom}
                to={nodeById(pathTo)}
                toId={pathTo}
                result={path}
                index={pathIndex}
                onIndex={setPathIndex}
                pending={shortest.isPending}
                error={shortest.error}
                maxHops={PATH_MAX_HOPS}
                dir={i18n.dir()}
                onFind={findPath}
                onClear={clearPath}
                onSelect={setSelected}
              />
              <FiltersPanel kinds={kinds} filters={filters} onChange={setFilters} />
            </aside>
          </div>
          <GraphTables
            view={view}
            graph={graph}
            root={node}
            pinned={pinned}
            selected={selected}
            expanding={expanding}
            pathFrom={pathFrom}
            pathTo={pathTo}
            onSelect={setSelected}
            onExpand={onExpand}
            onPin={togglePin}
            onPathEnd={setEnd}
          />
        </>
      ) : null}
    </article>
  );
}
