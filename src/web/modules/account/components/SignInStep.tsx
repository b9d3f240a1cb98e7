import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';
import { useSignOut } from '../../../app/session.ts';

/** The sign-in card, for a step that must be done before anything else (a password change, MFA enrolment). */
export function SignInStep({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <div className="signin-top">
          <p className="brand">
            <span className="brand-mark" aria-hidden="true">◆</span> <span className="brand-name">{t('app.name')}</span>
          </p>
          <LanguageSwitch />
        </div>
        {children}
        <p>
          <button type="button" className="btn btn-link" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/signin') })}>
            {t('app.signOut')}
          </button>
        </p>
      </div>
    </main>
  );
}
