import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/index.ts';

export function LeadershipHome() {
  const { t } = useTranslation();
  return <Alert kind="info">{t('common.comingSoon')}</Alert>;
}
