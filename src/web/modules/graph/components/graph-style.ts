import type { StylesheetJson } from 'cytoscape';

// How the graph is drawn: a shape and colour per node type (and per entity kind), one line style per family of
// link, the path in a strong colour with everything else faded. Colours chosen to stay apart for the common
// forms of colour blindness; shapes carry the type as well, and the table view carries everything in text.
const typeStyle: Record<string, { shape: string; color: string }> = {
  person: { shape: 'ellipse', color: '#0b3954' },
  entity: { shape: 'round-rectangle', color: '#087e8b' },
  case: { shape: 'rectangle', color: '#8a5a00' },
  victim: { shape: 'diamond', color: '#6a3d9a' },
  operation: { shape: 'hexagon', color: '#1e6b3a' },
  evidence: { shape: 'tag', color: '#5b6776' },
  media: { shape: 'square', color: '#9aa7b4' },
  communication: { shape: 'star', color: '#b3261e' },
  hash_set: { shape: 'vee', color: '#334455' },
};

const entityKindColor: Record<string, string> = {
  account: '#087e8b',
  phone: '#2a7fba',
  email: '#2a7fba',
  wallet: '#c05600',
  bank_account: '#c05600',
  crypto_address: '#c05600',
  device: '#5b6776',
  ip_address: '#5b6776',
  organisation: '#7a4f01',
  place: '#7a4f01',
};

export const typeColor = (type: string, kind?: string): string => (type === 'entity' && kind && entityKindColor[kind]) || typeStyle[type]?.color || '#5b6776';

export function graphStylesheet(fontFamily: string): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': fontFamily,
        'font-size': 11,
        color: '#1b2430',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 26,
        height: 26,
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(typeStyle).map(([type, s]) => ({ selector: `node.t-${type}`, style: { shape: s.shape, 'background-color': s.color } }) as StylesheetJson[number]),
    ...Object.entries(entityKindColor).map(([kind, color]) => ({ selector: `node.k-${kind}`, style: { 'background-color': color } }) as StylesheetJson[number]),
    { selector: 'node.t-case', style: { width: 30, height: 22 } },
    { selector: 'node.focus', style: { width: 36, height: 36, 'border-color': '#ffbf47', 'border-width': 4, 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#0b3954' } },
    { selector: 'node.pinned', style: { 'outline-width': 2, 'outline-color': '#1b2430', 'outline-offset': 2, 'outline-style': 'dashed' } as never },
    { selector: 'node:selected', style: { 'border-color': '#ffbf47', 'border-width': 5 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa7b4',
        'target-arrow-color': '#9aa7b4',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-family': fontFamily,
        'font-size': 9,
        color: '#5b6776',
        'text-rotation': 'autorotate',
        'text-background-color': '#f4f6f8',
        'text-background-opacity': 0.9,
      },
    },
    // Money and streams: the lines an investigator follows first.
    { selector: 'edge.l-paid, edge.l-payer', style: { 'line-color': '#c05600', 'target-arrow-color': '#c05600', width: 2.5 } },
    { selector: 'edge.l-viewer, edge.l-host, edge.l-viewed, edge.l-hosted', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'line-style': 'dashed' } },
    { selector: 'edge.l-in_case, edge.l-victim_in', style: { 'line-color': '#d6b36b', 'target-arrow-shape': 'none', 'line-style': 'dotted' } },
    { selector: 'edge.l-shares_media, edge.l-matches_known, edge.l-same_as', style: { 'line-color': '#6a3d9a', 'target-arrow-shape': 'none', width: 2.5 } },
    { selector: 'edge:selected', style: { width: 4, 'line-color': '#ffbf47', 'target-arrow-color': '#ffbf47' } },
    { selector: '.off-path', style: { opacity: 0.25 } },
    { selector: 'node.on-path', style: { 'border-color': '#e4007c', 'border-width': 4 } },
    { selector: 'node.path-end', style: { width: 36, height: 36 } },
    { selector: 'edge.on-path', style: { 'line-color': '#e4007c', 'target-arrow-color': '#e4007c', width: 5, 'z-index': 10, color: '#1b2430', 'font-weight': 'bold' } },
  ];
}
