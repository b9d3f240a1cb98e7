import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';

/** One button toggling English and Urdu; the choice is kept in the browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'ur' ? 'en' : 'ur';
  return (
    <button type="button" className="btn btn-link lang-switch" lang={next} onClick={() => changeLanguage(next)} aria-label={t('app.switchToLabel')} data-testid="language-switch">
      {t('app.switchTo')}
    </button>
  );
}
