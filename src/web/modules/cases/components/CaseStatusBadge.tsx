import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../modules/cases/case.lifecycle.ts';
import { Badge, type Tone } from '../../../ui/index.ts';

const tones: Record<CaseStatus, Tone> = {
  complaint_received: 'info',
  inquiry_open: 'info',
  inquiry_closed: 'neutral',
  fir_registered: 'warning',
  under_investigation: 'warning',
  interim_challan: 'warning',
  challan_submitted: 'warning',
  cancelled_or_discharged: 'neutral',
  in_trial: 'info',
  charge_framed: 'info',
  evidence: 'info',
  convicted: 'success',
  acquitted: 'neutral',
  under_appeal: 'info',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`caseStatus.${status}`)}</Badge>;
}
