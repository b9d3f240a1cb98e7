import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Loading } from '../ui/index.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { navItems } from './nav.ts';
import { useCan, useSignOut, useUser } from './session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { preloadRoute } from './screens.ts';
import { NotificationBell } from '../modules/notifications/components/NotificationBell.tsx';

export function Layout() {
  const { t } = useTranslation();
  const user = useUser();
  const can = useCan();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  // After a client-side navigation, move focus to the new content, as a full page load would for a screen reader.
  useEffect(() => {
    if (location.pathname !== firstPath.current) mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);
  const items = navItems.filter((i) => i.permission === null || can(i.permission));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">◆</span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav className="mainnav" aria-label={t('app.mainNav')}>
          <ul>
            {items.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end={i.to === '/'} onMouseEnter={() => void preloadRoute(i.to)} onFocus={() => void preloadRoute(i.to)}>
                  {t(i.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="userbox">
          <span className="user-name" data-testid="signed-in-as">
            {t('app.signedInAs', { name: `\u2068${user.displayName}\u2069`, role: t(`roles.${user.role}`) })}
          </span>
          <NotificationBell />
          <NavLink to="/account" className="account-link" data-testid="my-account">
            {t('account.link')}
          </NavLink>
          <LanguageSwitch />
          <button type="button" className="btn btn-secondary" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/signin') })}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <ErrorBoundary
          resetKey={location.pathname}
          fallback={(error, reload) => (
            <Alert kind="error">
              {t('errors.generic', { message: error.message })} <Button onClick={reload}>{t('common.retry')}</Button>
            </Alert>
          )}
        >
          <Suspense fallback={<Loading label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
