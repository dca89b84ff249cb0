import { Link } from 'react-router';
import type { Route } from './+types/applications';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { badgeApplicationQueue } from '../../../server/badges/applications';
import { localised } from '../../../server/badges/localised';

export const applicationTone = { pending: 'warn', approved: 'ok', rejected: 'error' } as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'badge.review');
  return badgeApplicationQueue(ctx);
}

type Row = Route.ComponentProps['loaderData']['waiting'][number];

export default function BadgeApplications({ loaderData }: Route.ComponentProps) {
  const { t, dateTime, language } = useI18n();
  const columns = [
    { header: t('badges.applicant'), cell: (a: Row) => <Link to={`/badges/applications/${a.id}`}>{`${a.applicantName} (${a.applicantEmail})`}</Link> },
    { header: t('badges.columns.name'), cell: (a: Row) => localised(a.badgeName, language) },
    { header: t('badges.organisation'), cell: (a: Row) => a.organisationName },
    { header: t('badges.appliedAt'), cell: (a: Row) => dateTime(a.createdAt) },
    { header: t('badges.status'), cell: (a: Row) => <StatusTag tone={applicationTone[a.status]}>{t(`badges.statuses.${a.status}`)}</StatusTag> },
  ];
  return (
    <>
      <title>{`${t('badges.applicationsTitle')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/badges">{t('badges.back')}</Link>
      </p>
      <h1>{t('badges.applicationsTitle')}</h1>
      <h2>{t('badges.waiting')}</h2>
      {loaderData.waiting.length === 0 ? <p>{t('badges.noneWaiting')}</p> : <Table caption={t('badges.waiting')} rows={loaderData.waiting} rowKey={(a) => a.id} columns={columns} />}
      {loaderData.decided.length > 0 && (
        <>
          <h2>{t('badges.decided')}</h2>
          <Table caption={t('badges.decided')} rows={loaderData.decided} rowKey={(a) => a.id} columns={columns} />
        </>
      )}
    </>
  );
}
