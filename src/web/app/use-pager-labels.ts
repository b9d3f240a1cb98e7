import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import type { PagerLabels } from '../ui/index.ts';

export function usePagerLabels(): PagerLabels {
  const { t } = useTranslation();
  const f = useFormat();
  return {
    previous: t('common.previous'),
    next: t('common.next'),
    nav: t('common.paging'),
    range: (from, to, total, exact) => t('common.pageRange', { from: f.number(from), to: f.number(to), total: exact ? f.number(total) : t('common.atLeast', { n: f.number(total) }) }),
  };
}
