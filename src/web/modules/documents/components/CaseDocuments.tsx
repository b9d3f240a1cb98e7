import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';

/** The case's own documents (those of its persons, operations and hearings are on their pages). */
export function CaseDocuments() {
  const c = useCaseOutlet();
  return <DocumentsPanel owner={{ kind: 'case', id: c.id }} />;
}
