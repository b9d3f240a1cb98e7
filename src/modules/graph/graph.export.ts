import { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { GraphResponse } from './graph.schema.ts';

// Exports of a neighbourhood or a network: JSON (the API's graph shape), GEXF (opens in Gephi; graphology-gexf's
// writer) and GraphML. graphology-graphml only parses, so GraphML is written here: keys declared once, every
// value escaped; the tests read it back with graphology-graphml's parser. Victims are pseudonyms in the graph
// already; nothing else is added.

const flatEdge = (e: GraphResponse['edges'][number]) => ({
  kind: e.kind,
  caseIds: e.caseIds.join(' '),
  justificationType: e.justification.type,
  justificationId: e.justification.id,
  justification: e.justification.label,
  observedFrom: e.observedFrom ?? '',
  observedTo: e.observedTo ?? '',
  confidence: e.confidence,
});

export function toGexf(g: GraphResponse): string {
  const graph = new MultiDirectedGraph();
  for (const n of g.nodes) graph.addNode(n.id, { label: n.label, type: n.type, kind: n.kind ?? '' });
  for (const e of g.edges) graph.addDirectedEdgeWithKey(e.id, e.source, e.target, flatEdge(e));
  return writeGexf(graph, {
    formatNode: (_key, attrs) => ({ label: String(attrs.label), attributes: { type: attrs.type, kind: attrs.kind } }),
    formatEdge: (_key, attrs) => ({ label: String(attrs.justification), weight: Number(attrs.confidence), attributes: attrs }),
  });
}

const esc = (v: unknown) =>
  String(v)
    // Characters XML 1.0 cannot carry at all are dropped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function toGraphml(g: GraphResponse): string {
  const nodeKeys = [['label', 'string'], ['type', 'string'], ['kind', 'string']] as const;
  const edgeKeys = [['kind', 'string'], ['caseIds', 'string'], ['justificationType', 'string'], ['justificationId', 'string'], ['justification', 'string'], ['observedFrom', 'string'], ['observedTo', 'string'], ['confidence', 'double']] as const;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [k, t] of nodeKeys) out.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of edgeKeys) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  out.push('  <graph id="amaan" edgedefault="directed">');
  for (const n of g.nodes) {
    out.push(`    <node id="${esc(n.id)}">`);
    out.push(`      <data key="n_label">${esc(n.label)}</data>`, `      <data key="n_type">${esc(n.type)}</data>`, `      <data key="n_kind">${esc(n.kind ?? '')}</data>`);
    out.push('    </node>');
  }
  for (const e of g.edges) {
    out.push(`    <edge id="${esc(e.id)}" source="${esc(e.source)}" target="${esc(e.target)}">`);
    for (const [k, v] of Object.entries(flatEdge(e))) out.push(`      <data key="e_${k}">${esc(v)}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
