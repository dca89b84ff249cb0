import { Link } from 'react-router';
import { translateDynamic } from '../i18n';
import { useI18n } from '../i18n/react';
import { Notice } from './Notice';

/** What a refused user action shows (without JavaScript the browser lands here). */
export function ActionRefused({ refusal }: { refusal: { message: string; organisationId: string } | undefined }) {
  const { t, language } = useI18n();
  if (!refusal) return null;
  return (
    <>
      <title>{`${t('users.actionFailedTitle')} – ${t('app.name')}`}</title>
      <h1>{t('users.actionFailedTitle')}</h1>
      <Notice tone="error">{translateDynamic(language, refusal.message)}</Notice>
      <p>
        <Link to={`/organisations/${refusal.organisationId}/users`}>{t('users.backToUsers')}</Link>
      </p>
    </>
  );
}
