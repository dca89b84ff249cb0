import { Link } from 'react-router';
import { useI18n } from '../i18n/react';

/** `windowClosed` is the message of an action refused outside its calendar window (409). */
export function ErrorPage({ status, windowClosed }: { status: number; windowClosed?: string | undefined }) {
  const { t } = useI18n();
  const [title, text] = windowClosed
    ? [t('calendar.windowClosedTitle'), windowClosed]
    : status === 404
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
      {windowClosed && (
        <p className="mb-4">
          <Link to="/calendar">{t('nav.calendar')}</Link>
        </p>
      )}
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
