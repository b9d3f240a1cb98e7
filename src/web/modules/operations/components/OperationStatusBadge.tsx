import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../../ui/index.ts';
import type { OperationStatus } from '../api/operations.api.ts';

const tones: Record<OperationStatus, Tone> = { planned: 'info', approved: 'warning', executed: 'success', cancelled: 'neutral' };

export function OperationStatusBadge({ status }: { status: OperationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`operations.statuses.${status}`)}</Badge>;
}
