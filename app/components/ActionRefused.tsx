import { Link } from 'react-router';
import { translateDynamic } from '../i18n';
import { useI18n } from '../i18n/react';
import { Notice } from './Notice';

/** What a refused user action shows (without JavaScript the browser lands here), or the way back. */
export function ActionRefused({ refusal, organisationId }: { refusal: { message: string } | undefined; organisationId: string }) {
  const { t, language } = useI18n();
  const back = (
    <p>
      <Link to={`/organisations/${organisationId}/users`}>{t('users.backToUsers')}</Link>
    </p>
  );
  if (!refusal) return back;
  return (
    <>
      <title>{`${t('users.actionFailedTitle')} – ${t('app.name')}`}</title>
      <h1>{t('users.actionFailedTitle')}</h1>
      <Notice tone="error">{translateDynamic(language, refusal.message)}</Notice>
      {back}
    </>
  );
}
