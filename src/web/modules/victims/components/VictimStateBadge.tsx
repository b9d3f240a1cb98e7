import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../../ui/index.ts';
import type { VictimState } from '../api/victims.api.ts';

const tones: Record<VictimState, Tone> = { identified: 'warning', recovered: 'info', placed: 'success', closed: 'neutral' };

export function VictimStateBadge({ state }: { state: VictimState }) {
  const { t } = useTranslation();
  return <Badge tone={tones[state]}>{t(`victims.states.${state}`)}</Badge>;
}
