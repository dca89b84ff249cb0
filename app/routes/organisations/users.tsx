import { Link, data } from 'react-router';
import type { Route } from './+types/users';
import { Pagination } from '../../components/Pagination';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { pageParam, requirePermission, requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { listOrganisationUsers } from '../../../server/organisations/list-users';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'user.list', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  return { organisation: { id: organisation.id, name: organisation.name }, ...(await listOrganisationUsers(ctx, organisationId, { page: pageParam(request) })) };
}

const statusTone = { active: 'ok', pending: 'warn', deactivated: 'neutral' } as const;

export default function OrganisationUsers({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation, rows } = loaderData;
  const title = t('users.title', { organisation: organisation.name });
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{title}</h1>
      {rows.length === 0 ? (
        <p>{t('users.empty')}</p>
      ) : (
        <Table
          caption={title}
          rows={rows}
          rowKey={(u) => u.id}
          columns={[
            { header: t('users.name'), cell: (u) => u.name },
            { header: t('users.email'), cell: (u) => u.email },
            {
              header: t('users.roles'),
              cell: (u) =>
                u.roles
                  .map((r) => (r.unitName ? t('users.roleInUnit', { role: t(`roles.${r.role}`), unit: r.unitName }) : t(`roles.${r.role}`)))
                  .join(', '),
            },
            { header: t('users.status'), cell: (u) => <StatusTag tone={statusTone[u.status]}>{t(`users.statuses.${u.status}`)}</StatusTag> },
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
