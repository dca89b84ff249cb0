import { Link } from 'react-router';
import type { Route } from './+types/index';
import { HelpLink } from '../../components/HelpLink';
import { Table } from '../../components/Table';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { listBadges } from '../../../server/badges/definitions';
import { localised } from '../../../server/badges/localised';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'badge.read');
  return { badges: await listBadges(ctx), canDefine: can(ctx.actor, 'badge.define') };
}

type Row = Route.ComponentProps['loaderData']['badges'][number];

export default function Badges({ loaderData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  return (
    <>
      <title>{`${t('badges.title')} – ${t('app.name')}`}</title>
      <h1>{t('badges.title')}</h1>
      <HelpLink area="badges" />
      <p className="mb-4 max-w-3xl">{t('badges.intro')}</p>
      <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
        {loaderData.canDefine && (
          <li>
            <Link to="/badges/new">{t('badges.newBadge')}</Link>
          </li>
        )}
        <li>
          <Link to="/badges/applications">{t('badges.applicationsTitle')}</Link>
        </li>
        <li>
          <Link to="/badges/issued">{t('badges.issuedTitle')}</Link>
        </li>
        <li>
          <Link to="/badges/verify">{t('badges.verify.title')}</Link>
        </li>
        <li>
          <a href="/badges/issuer">{t('badges.issuerProfile')}</a>
        </li>
      </ul>
      {loaderData.badges.length === 0 ? (
        <p>{t('badges.none')}</p>
      ) : (
        <Table
          caption={t('badges.title')}
          rows={loaderData.badges}
          rowKey={(b) => b.id}
          columns={[
            { header: t('badges.columns.name'), cell: (b: Row) => <Link to={`/badges/${b.id}`}>{localised(b.name, language)}</Link> },
            { header: t('badges.columns.awardedFor'), cell: (b: Row) => t(`badges.awardedFor.${b.awardedFor}`) },
            { header: t('badges.columns.issued'), cell: (b: Row) => <Link to={`/badges/issued?badge=${b.id}`}>{b.issued}</Link> },
            { header: t('badges.columns.pending'), cell: (b: Row) => b.pending },
          ]}
        />
      )}
    </>
  );
}
