import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchDocuments, ownerPath, type DocumentOwner } from '../api/documents.api.ts';

export const documentKeys = { of: (o: DocumentOwner) => ['documents', ownerPath(o)] as const };

export function useDocuments(owner: DocumentOwner) {
  return useQuery({ queryKey: documentKeys.of(owner), queryFn: () => fetchDocuments(owner) });
}

export function useRefreshDocuments(owner: DocumentOwner) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: documentKeys.of(owner) });
}
