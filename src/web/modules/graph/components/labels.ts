import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../api/graph.api.ts';
import { nodeLabel } from '../graph-model.ts';

/** Names of node kinds and link kinds in the reader's language (the API sends codes). */
export function useGraphLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      /** A filter key: `person`, `entity.wallet`. */
      filterKey: (key: string) => (key.startsWith('entity.') ? t(`graph.entityKinds.${key.slice(7)}`, { defaultValue: key.slice(7) }) : t(`graph.nodeTypes.${key}`, { defaultValue: key })),
      nodeKind: (n: Pick<GraphNode, 'type' | 'kind'>) => (n.type === 'entity' && n.kind ? t(`graph.entityKinds.${n.kind}`, { defaultValue: n.kind }) : t(`graph.nodeTypes.${n.type}`, { defaultValue: n.type })),
      edgeKind: (kind: string) => t(`graph.edgeKinds.${kind}`, { defaultValue: kind }),
      justificationType: (type: string) => t(`graph.justificationTypes.${type}`, { defaultValue: type }),
      /** A node's name as drawn (a victim by pseudonym); the id when it is not loaded. */
      nodeName: (n: GraphNode | undefined, id: string | null) => (n ? nodeLabel(n) : (id ?? '')),
    }),
    // t changes with the language, so the names follow a switch to Urdu and back.
    [t, i18n.language],
  );
}
