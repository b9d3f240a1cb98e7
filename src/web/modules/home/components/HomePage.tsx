import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/index.ts';
import { useUser } from '../../../app/session.ts';
import { roleHomes } from '../../../app/role-homes.ts';

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const Home = roleHomes[user.role];
  return (
    <div className={`home home-${user.role}`} data-testid={`home-${user.role}`}>
      <PageHeader title={t('home.welcome', { name: user.displayName })} subtitle={t(`roles.${user.role}`)} />
      <Home />
    </div>
  );
}
