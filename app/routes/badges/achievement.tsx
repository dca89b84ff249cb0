import { data } from 'react-router';
import type { Route } from './+types/achievement';
import { requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { getBadge } from '../../../server/badges/definitions';
import { localised } from '../../../server/badges/localised';
import { centreBranding } from '../../../server/centre/branding';

/** A badge's public page; the same address answers JSON-LD to a client that asks for JSON (server/http/badge-negotiation.ts). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const badge = await getBadge(ctx.db, requireUuid(params.badgeId));
  if (!badge) throw data(null, { status: 404 });
  const centre = await centreBranding(ctx);
  return data(
    { badge: { id: badge.id, name: badge.name, description: badge.description, criteria: badge.criteria, awardedFor: badge.awardedFor, version: badge.updatedAt.getTime() }, issuer: centre.name },
    { headers: { Vary: 'Accept' } },
  );
}

export default function Achievement({ loaderData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { badge } = loaderData;
  const name = localised(badge.name, language);
  return (
    <>
      <title>{`${name} – ${loaderData.issuer}`}</title>
      <div className="flex flex-wrap items-start gap-6">
        <img src={`/badges/achievements/${badge.id}/image.png?v=${badge.version}`} alt={t('badges.imageAlt', { name })} width={200} height={200} />
        <div className="max-w-2xl flex-1">
          <p className="mb-1 text-sm font-semibold uppercase">{t('badges.achievement.kind')}</p>
          <h1 className="mt-0">{name}</h1>
          <p className="mb-4 whitespace-pre-line">{localised(badge.description, language)}</p>
          <h2>{t('badges.achievement.criteria')}</h2>
          <p className="mb-4 whitespace-pre-line">{localised(badge.criteria, language)}</p>
          <h2>{t('badges.achievement.issuer')}</h2>
          <p className="mb-4">
            {loaderData.issuer} (<a href="/badges/issuer">{t('badges.issuerProfile')}</a>)
          </p>
          <p>
            <a href="/badges/verify">{t('badges.verify.title')}</a>
          </p>
        </div>
      </div>
    </>
  );
}
