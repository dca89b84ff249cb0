import { Form, Link } from 'react-router';
import type { Route } from './+types/list';
import { Pagination } from '../../components/Pagination';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { listOrganisations } from '../../../server/organisations/list-organisations';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'organisation.list');
  const search = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100);
  return { search, canCreate: can(ctx.actor, 'organisation.create'), ...(await listOrganisations(ctx, { search, page: pageParam(request) })) };
}

export default function OrganisationList({ loaderData }: Route.ComponentProps) {
  const { t, number } = useI18n();
  const { rows, search } = loaderData;
  return (
    <>
      <title>{`${t('organisations.title')} – ${t('app.name')}`}</title>
      <h1>{t('organisations.title')}</h1>
      {loaderData.canCreate && (
        <p className="mb-4">
          <Link to="/organisations/new">{t('newOrganisation.link')}</Link>
        </p>
      )}
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="block font-semibold">
            {t('organisations.search')}
          </label>
          <input id="q" name="q" type="search" defaultValue={search} maxLength={100} className="rounded border-2 border-slate-600 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('organisations.searchSubmit')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{search ? t('organisations.noMatches') : t('organisations.empty')}</p>
      ) : (
        <Table
          caption={t('organisations.title')}
          rows={rows}
          rowKey={(o) => o.id}
          columns={[
            { header: t('organisations.name'), cell: (o) => <Link to={`/organisations/${o.id}`}>{o.name}</Link> },
            { header: t('organisations.businessId'), cell: (o) => o.businessId },
            {
              header: t('organisations.status'),
              cell: (o) => (o.endedAt ? <StatusTag tone="neutral">{t('organisations.ended')}</StatusTag> : <StatusTag tone="ok">{t('organisations.active')}</StatusTag>),
            },
            { header: t('organisations.unitCount'), cell: (o) => number(o.unitCount), numeric: true },
            { header: t('organisations.userCount'), cell: (o) => number(o.userCount), numeric: true },
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
