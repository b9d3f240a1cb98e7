import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useAuditTrail } from '../../audit/hooks/use-audit.ts';
import { AuditTable } from '../../audit/components/AuditTable.tsx';
import { VerifyPanel } from '../../audit/components/VerifyPanel.tsx';

export function AuditorHome() {
  const { t } = useTranslation();
  const trail = useAuditTrail({ limit: 10, offset: 0 });
  return (
    <div className="stack">
      <Panel title={t('audit.verifyTitle')}>
        <VerifyPanel />
      </Panel>
      <Panel title={t('home.recentAudit')} actions={<Link to="/audit">{t('audit.title')}</Link>}>
        {trail.isPending ? <Loading label={t('common.loading')} /> : null}
        {trail.error ? <QueryError error={trail.error} /> : null}
        {trail.data ? <AuditTable entries={trail.data.items} caption={t('home.recentAudit')} /> : null}
      </Panel>
    </div>
  );
}
