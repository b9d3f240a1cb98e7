import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../ui/index.ts';
import { VictimList } from '../../victims/components/VictimsPage.tsx';
import { SafeguardingPanel } from '../../victims/components/SafeguardingPanel.tsx';

export function ProtectionHome() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <SafeguardingPanel show={['overdue']} />
      <Panel title={t('home.assignedVictims')} actions={<Link to="/victims">{t('victims.title')}</Link>}>
        <p className="muted">{t('victims.intro')}</p>
        <VictimList limit={15} />
      </Panel>
    </div>
  );
}
