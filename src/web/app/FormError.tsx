import { useTranslation } from 'react-i18next';
import { Alert } from '../ui/index.ts';
import type { ApiError } from './api-client.ts';
import { problemText } from '../i18n/index.ts';

/** The form-level summary: the API's detail (or the network error), announced. */
export function FormError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const hasFields = Object.keys(error.fieldErrors).length > 0;
  return (
    <Alert kind="error">
      {error.code === 'network'
        ? t('errors.network')
        : error.code === 'illegal_transition' || error.code === 'conflict'
          ? // A rule refused the step: say which, in the officer's language (the field may not be on the form).
            problemText(error)
          : hasFields
            ? t('common.fixErrors')
            : problemText(error)}
      {error.correlationId && error.status >= 500 ? <> {t('errors.correlation', { id: error.correlationId })}</> : null}
    </Alert>
  );
}

export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const e = error as ApiError;
  if (e?.status === 404) return <Alert kind="error">{t('errors.notFoundBody')}</Alert>;
  if (e?.code === 'network') return <Alert kind="error">{t('errors.network')}</Alert>;
  return <Alert kind="error">{e && typeof e.code === 'string' && e.fieldErrors ? problemText(e) : t('errors.problem.other')}</Alert>;
}
