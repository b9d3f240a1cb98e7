import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/index.ts';

export function AdminHome() {
  const { t } = useTranslation();
  return <Alert kind="info">{t('common.comingSoon')}</Alert>;
}
