import { Link } from 'react-router';
import { useI18n } from '../i18n/react';
import { Notice } from './Notice';

/** Why an emailed link cannot be used, and where to go next. */
export function TokenProblem({ reason, again }: { reason: 'invalid' | 'expired' | 'used'; again: { to: string; label: string } }) {
  const { t } = useI18n();
  return (
    <>
      <Notice tone="error">{t(`links.${reason}`)}</Notice>
      <p>
        <Link to={again.to}>{again.label}</Link>
      </p>
    </>
  );
}
