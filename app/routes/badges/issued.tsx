import { Form, Link, data } from 'react-router';
import type { Route } from './+types/issued';
import { Pagination } from '../../components/Pagination';
import { CredentialStateTag } from '../../components/badges/CredentialState';
import { Table } from '../../components/Table';
import { FormState, SelectField } from '../../components/forms';
import { issuedFilterSchema } from '../../forms/badges';
import { validateForm } from '../../forms/validation';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { issuedCredentials } from '../../../server/badges/credentials';
import { listBadges } from '../../../server/badges/definitions';
import { localised } from '../../../server/badges/localised';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'badge.read');
  const search = [...new URL(request.url).searchParams.entries()].filter(([name]) => name !== 'page');
  const filter = validateForm(issuedFilterSchema, search);
  if (!filter.ok) throw data(null, { status: 400 });
  const badgeId = filter.data.badge || null;
  const [page, badges] = await Promise.all([issuedCredentials(ctx, { badgeId, page: pageParam(request) }), listBadges(ctx)]);
  return { page, badges: badges.map((b) => ({ id: b.id, name: b.name })), badgeId };
}

type Row = Route.ComponentProps['loaderData']['page']['rows'][number];

export default function IssuedBadges({ loaderData }: Route.ComponentProps) {
  const { t, dateTime, language } = useI18n();
  const { page } = loaderData;
  return (
    <>
      <title>{`${t('badges.issuedTitle')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/badges">{t('badges.back')}</Link>
      </p>
      <h1>{t('badges.issuedTitle')}</h1>
      <FormState errors={{}} values={{ badge: loaderData.badgeId ?? '' }}>
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-4">
          <SelectField name="badge" label={t('badges.filterBadge')} placeholder={t('badges.allBadges')} options={loaderData.badges.map((b) => ({ value: b.id, label: localised(b.name, language) }))} />
          <button type="submit" className="mb-4 rounded border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700">
            {t('badges.filter')}
          </button>
        </Form>
      </FormState>
      {page.rows.length === 0 ? (
        <p>{t('badges.noneIssued')}</p>
      ) : (
        <>
          <p className="mb-2">{t('badges.issuedCount', { count: page.total })}</p>
          <Table
            caption={t('badges.issuedTitle')}
            rows={page.rows}
            rowKey={(c) => c.id}
            columns={[
              { header: t('badges.recipient'), cell: (c: Row) => <Link to={`/badges/issued/${c.id}`}>{`${c.recipientName} (${c.recipientEmail})`}</Link> },
              { header: t('badges.columns.name'), cell: (c: Row) => localised(c.badgeName, language) },
              { header: t('badges.issuedAt'), cell: (c: Row) => dateTime(c.issuedAt) },
              {
                header: t('badges.status'),
                cell: (c: Row) => <CredentialStateTag revokedAt={c.revokedAt} />,
              },
            ]}
          />
          <Pagination page={page.page} pages={page.pages} />
        </>
      )}
    </>
  );
}
