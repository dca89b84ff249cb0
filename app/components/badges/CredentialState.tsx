import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

/** Valid or revoked, in words and colour. */
export function CredentialStateTag({ revokedAt }: { revokedAt: Date | null }) {
  const { t } = useI18n();
  return <StatusTag tone={revokedAt ? 'error' : 'ok'}>{t(revokedAt ? 'badges.state.revoked' : 'badges.state.valid')}</StatusTag>;
}

/** A credential's state as rows of a description list: valid, or revoked (when, for staff) and why. */
export function CredentialState({ revokedAt, revocationReason, showWhen }: { revokedAt: Date | null; revocationReason: string; showWhen: boolean }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <dt className="font-semibold">{t('badges.status')}</dt>
      <dd>
        <CredentialStateTag revokedAt={revokedAt} />
        {revokedAt && showWhen && ` ${dateTime(revokedAt)}`}
      </dd>
      {revokedAt && (
        <>
          <dt className="font-semibold">{t('badges.revocationReason')}</dt>
          <dd className="whitespace-pre-line">{revocationReason}</dd>
        </>
      )}
    </>
  );
}
