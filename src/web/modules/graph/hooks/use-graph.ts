import { useMutation, useQuery } from '@tanstack/react-query';
import { fetchNeighbourhood, fetchPath, type ApiFilters } from '../api/graph.api.ts';

export const graphKeys = {
  neighbourhood: (node: string, hops: number) => ['graph', 'neighbourhood', node, hops] as const,
};

/** How many nodes the first drawing and each expansion bring at most: a drawing beyond a few hundred is unreadable. */
export const START_LIMIT = 300;
export const EXPAND_LIMIT = 150;
export const PATH_MAX_HOPS = 8;

/** The neighbourhood the page opens on. */
export function useStartNeighbourhood(node: string | null, hops: number) {
  return useQuery({
    queryKey: graphKeys.neighbourhood(node ?? '', hops),
    queryFn: () => fetchNeighbourhood({ node: node!, hops, limit: START_LIMIT }),
    enabled: !!node,
    staleTime: 30_000,
  });
}

/** One more step around a node. */
export function useExpand() {
  return useMutation({ mutationFn: (node: string) => fetchNeighbourhood({ node, hops: 1, limit: EXPAND_LIMIT }) });
}

export function useShortestPath() {
  return useMutation({ mutationFn: (q: { from: string; to: string } & ApiFilters) => fetchPath({ ...q, maxHops: PATH_MAX_HOPS, limit: 5 }) });
}
