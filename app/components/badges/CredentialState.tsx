import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

/** Valid or revoked, in words and colour. */
export function CredentialStateTag({ revokedAt }: { revokedAt: Date | null }) {
  const { t } = useI18n();
  return <StatusTag tone={revokedAt ? 'error' : 'ok'}>{t(revokedAt ? 'badges.state.revoked' : 'badges.state.valid')}</StatusTag>;
}

/**
 * A credential's state as rows of a description list: valid or revoked; staff also see when and why
 * (the public sees neither: a reason may tell what the recipient would not want told).
 */
export function CredentialState({ revokedAt, staffView }: { revokedAt: Date | null; staffView?: { revocationReason: string } }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <dt className="font-semibold">{t('badges.status')}</dt>
      <dd>
        <CredentialStateTag revokedAt={revokedAt} />
        {revokedAt && staffView && ` ${dateTime(revokedAt)}`}
      </dd>
      {revokedAt && staffView && (
        <>
          <dt className="font-semibold">{t('badges.revocationReason')}</dt>
          <dd className="whitespace-pre-line">{staffView.revocationReason}</dd>
        </>
      )}
    </>
  );
}
