import { Link } from 'react-router';
import { useI18n } from '../i18n/react';

export function ErrorPage({ status }: { status: number }) {
  const { t } = useI18n();
  const [title, text] =
    status === 404
      ? [t('errors.notFoundTitle'), t('errors.notFoundText')]
      : status === 403
        ? [t('errors.forbiddenTitle'), t('errors.forbiddenText')]
        : status === 400
          ? [t('errors.badRequestTitle'), t('errors.badRequestText')]
          : [t('errors.serverTitle'), t('errors.serverText')];
  return (
    <section>
      <h1>{title}</h1>
      <p className="mb-4">{text}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
