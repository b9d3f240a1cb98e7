import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/index.ts';

export function ProtectionHome() {
  const { t } = useTranslation();
  return <Alert kind="info">{t('common.comingSoon')}</Alert>;
}
