import { data } from 'react-router';
import type { Route } from './+types/credential';
import { CredentialState } from '../../components/badges/CredentialState';
import { requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { getCredential } from '../../../server/badges/credentials';
import { localised } from '../../../server/badges/localised';
import { centreBranding } from '../../../server/centre/branding';

/**
 * An issued credential's page, for the recipient to share. A client asking for JSON gets the
 * credential, and one asking for application/vc+jwt the signed original (server/http/badge-negotiation.ts).
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const found = await getCredential(ctx.db, requireUuid(params.credentialId));
  if (!found) throw data(null, { status: 404 });
  const { credential, badge } = found;
  const centre = await centreBranding(ctx);
  return data(
    {
      credential: { id: credential.id, recipientName: credential.recipientName, issuedAt: credential.issuedAt, revokedAt: credential.revokedAt },
      badge: { id: badge.id, name: badge.name, description: badge.description, criteria: badge.criteria, version: badge.updatedAt.getTime() },
      issuer: centre.name,
    },
    { headers: { Vary: 'Accept', 'Cache-Control': 'no-store' } },
  );
}

export default function CredentialPage({ loaderData }: Route.ComponentProps) {
  const { t, date, language } = useI18n();
  const { credential, badge } = loaderData;
  const name = localised(badge.name, language);
  const base = `/badges/credentials/${credential.id}`;
  return (
    <>
      <title>{`${name} – ${credential.recipientName} – ${loaderData.issuer}`}</title>
      <div className="flex flex-wrap items-start gap-6">
        <img src={`/badges/achievements/${badge.id}/image.png?v=${badge.version}`} alt={t('badges.imageAlt', { name })} width={200} height={200} />
        <div className="max-w-2xl flex-1">
          <p className="mb-1 text-sm font-semibold uppercase">{t('badges.credential.kind')}</p>
          <h1 className="mt-0">{name}</h1>
          <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('badges.recipient')}</dt>
            <dd>{credential.recipientName}</dd>
            <dt className="font-semibold">{t('badges.achievement.issuer')}</dt>
            <dd>{loaderData.issuer}</dd>
            <dt className="font-semibold">{t('badges.credential.issuedOn')}</dt>
            <dd>{date(credential.issuedAt)}</dd>
            <CredentialState revokedAt={credential.revokedAt} />
          </dl>
          <p className="mb-4 whitespace-pre-line">{localised(badge.description, language)}</p>
          <h2>{t('badges.achievement.criteria')}</h2>
          <p className="mb-4 whitespace-pre-line">{localised(badge.criteria, language)}</p>
          <h2>{t('badges.credential.downloads')}</h2>
          <p className="mb-2">{t('badges.credential.downloadsIntro')}</p>
          <ul className="mb-4 list-disc pl-6">
            <li>
              <a href={`${base}/badge.png`} download>
                {t('badges.credential.downloadPng')}
              </a>
            </li>
            <li>
              <a href={`${base}/credential.jwt`} download>
                {t('badges.credential.downloadJwt')}
              </a>
            </li>
          </ul>
          <p>
            <a href="/badges/verify">{t('badges.verify.title')}</a> · <a href={`/badges/achievements/${badge.id}`}>{t('badges.publicPage')}</a>
          </p>
        </div>
      </div>
    </>
  );
}
