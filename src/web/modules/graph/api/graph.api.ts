import type { exportFormats, GraphEdge, GraphNode, GraphNodeType, NeighbourhoodResponse, PathResponse } from '../../../../modules/graph/graph.schema.ts';
import { api, withQuery } from '../../../app/api-client.ts';

export type { GraphEdge, GraphNode, NeighbourhoodResponse, PathResponse };
export type NodeType = GraphNodeType;
export type ExportFormat = (typeof exportFormats)[number];

/** Filters as the API takes them: comma-separated lists and ISO instants. */
export interface ApiFilters {
  nodeTypes?: string;
  edgeKinds?: string;
  observedFrom?: string;
  observedTo?: string;
}

type NeighbourhoodParams = { node: string; hops?: number; limit?: number } & ApiFilters;
type PathParams = { from: string; to: string; maxHops?: number; limit?: number } & ApiFilters;

export const fetchNeighbourhood = (q: NeighbourhoodParams) => api.get<NeighbourhoodResponse>('/graph/neighbourhood', { ...q });
export const fetchPath = (q: PathParams) => api.get<PathResponse>('/graph/path', { ...q });

/** The export is a file download straight from the API (the session cookie goes with it). */
export const exportHref = (q: { node: string; format: ExportFormat; hops: number } & ApiFilters) => `/api/v1${withQuery('/graph/export', { ...q })}`;
