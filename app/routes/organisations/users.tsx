import { Form, Link, data } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/users';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { pageParam, requirePermission, requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { roles } from '../../../server/access/roles';
import { userStatus } from '../../../server/db/schema';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { type OrganisationUserRow, listOrganisationUsers, unitOptions } from '../../../server/organisations/list-users';

const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  unitId: z.uuid().optional().catch(undefined),
  status: z.enum(userStatus.enumValues).optional().catch(undefined),
  notice: z.enum(['approved', 'rejected', 'deactivated', 'reactivated']).optional().catch(undefined),
});

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'user.list', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, units] = await Promise.all([
    listOrganisationUsers(ctx, organisationId, { page: pageParam(request), search: filters.q || undefined, role: filters.role, unitId: filters.unitId, status: filters.status }),
    unitOptions(ctx, organisationId),
  ]);
  const target = { organisationId };
  return {
    organisation: { id: organisation.id, name: organisation.name },
    filters,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    permitted: { invite: can(ctx.actor, 'user.invite', target), approve: can(ctx.actor, 'user.approve', target), deactivate: can(ctx.actor, 'user.deactivate', target) },
    selfId: ctx.actor.userId,
    ...page,
  };
}

const statusTone = { active: 'ok', pending: 'warn', deactivated: 'neutral', unverified: 'warn', invited: 'neutral', rejected: 'error' } as const;
const buttonClass = 'rounded border-2 border-brand-600 px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50';

function RowActions({ user, base, permitted, selfId }: { user: OrganisationUserRow; base: string; permitted: { approve: boolean; deactivate: boolean }; selfId: string }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-col gap-2">
      {permitted.approve && user.status === 'pending' && (
        <>
          <Form method="post" action={`${base}/${user.id}/approval`}>
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" className={buttonClass} aria-label={t('users.approveUser', { name: user.name })}>
              {t('users.approve')}
            </button>
          </Form>
          <Form method="post" action={`${base}/${user.id}/approval`} className="flex flex-wrap items-end gap-1">
            <input type="hidden" name="intent" value="reject" />
            <label className="text-sm">
              {t('users.rejectReason')}
              <input name="reason" maxLength={1000} className="block rounded border-2 border-slate-600 px-2 py-1" />
            </label>
            <button type="submit" className={buttonClass} aria-label={t('users.rejectUser', { name: user.name })}>
              {t('users.reject')}
            </button>
          </Form>
        </>
      )}
      {permitted.deactivate && user.id !== selfId && ['active', 'invited', 'pending', 'deactivated'].includes(user.status) && (
        <Form method="post" action={`${base}/${user.id}/activation`}>
          <input type="hidden" name="intent" value={user.status === 'deactivated' ? 'reactivate' : 'deactivate'} />
          <button
            type="submit"
            className={buttonClass}
            aria-label={t(user.status === 'deactivated' ? 'users.reactivateUser' : 'users.deactivateUser', { name: user.name })}
          >
            {t(user.status === 'deactivated' ? 'users.reactivate' : 'users.deactivate')}
          </button>
        </Form>
      )}
    </div>
  );
}

export default function OrganisationUsers({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation, rows, filters, permitted } = loaderData;
  const title = t('users.title', { organisation: organisation.name });
  const base = `/organisations/${organisation.id}/users`;
  const filtered = Boolean(filters.q || filters.role || filters.unitId || filters.status);
  const selectClass = 'block rounded border-2 border-slate-600 bg-white px-2 py-2';
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{title}</h1>
      <HelpLink area="users" />
      {filters.notice && <Notice tone="ok">{t(`users.notices.${filters.notice}`)}</Notice>}
      {permitted.invite && (
        <p className="mb-4">
          <Link to={`/organisations/${organisation.id}/invite`}>{t('organisations.inviteUser')}</Link>
        </p>
      )}
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t('users.filters')}>
        <label className="font-semibold">
          {t('users.search')}
          <input name="q" type="search" defaultValue={filters.q ?? ''} maxLength={100} className="block rounded border-2 border-slate-600 px-2 py-1.5 font-normal" />
        </label>
        <label className="font-semibold">
          {t('users.role')}
          <select name="role" defaultValue={filters.role ?? ''} className={selectClass}>
            <option value="">{t('users.any')}</option>
            {(['org_admin', 'unit_coordinator', 'trainer', 'participant'] as const).map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="font-semibold">
          {t('users.unit')}
          <select name="unitId" defaultValue={filters.unitId ?? ''} className={selectClass}>
            <option value="">{t('users.any')}</option>
            {loaderData.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="font-semibold">
          {t('users.status')}
          <select name="status" defaultValue={filters.status ?? ''} className={selectClass}>
            <option value="">{t('users.any')}</option>
            {(['active', 'pending', 'unverified', 'invited', 'deactivated', 'rejected'] as const).map((status) => (
              <option key={status} value={status}>
                {t(`users.statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('users.applyFilters')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{filtered ? t('users.noMatches') : t('users.empty')}</p>
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
            ...(permitted.approve || permitted.deactivate
              ? [{ header: t('users.actions'), cell: (u: OrganisationUserRow) => <RowActions user={u} base={base} permitted={permitted} selfId={loaderData.selfId} /> }]
              : []),
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
