import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/admin-role';
import { ErrorSummary } from '../../components/forms';
import { giveUpSchema } from '../../forms/admin-applications';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { hasCentreRole } from '../../../server/access/roles';
import { roleHolders } from '../../../server/access/approvers';
import { giveUpAdminRole } from '../../../server/admin-applications/applications';
import { getOrganisation } from '../../../server/organisations/get-organisation';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'adminRole.giveUp', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  const admins = await roleHolders(ctx.db, { roles: ['org_admin'], organisationId });
  // An admin sees only their own role; centre staff may remove anyone's.
  const removable = hasCentreRole(ctx.actor) ? admins : admins.filter((a) => a.id === ctx.actor.userId);
  return { organisation: { id: organisation.id, name: organisation.name }, removable, selfId: ctx.actor.userId };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'adminRole.giveUp', { organisationId });
  const form = await readForm(request, giveUpSchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await giveUpAdminRole(ctx, { organisationId, userId: form.data.userId });
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return data({ ok: false as const, errors: { _form: { key: result.error } }, values: {} }, { status: 409 });
  }
  return redirect(form.data.userId === ctx.actor.userId && !hasCentreRole(ctx.actor) ? '/' : `/organisations/${organisationId}/admin-role`);
}

export default function AdminRole({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation } = loaderData;
  return (
    <>
      <title>{`${t('adminApplication.page.giveUpTitle', { organisation: organisation.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{t('adminApplication.page.giveUpTitle', { organisation: organisation.name })}</h1>
      {actionData && !actionData.ok && <ErrorSummary errors={actionData.errors} labels={{}} />}
      <p className="mb-4 max-w-3xl">{t('adminApplication.page.giveUpIntro')}</p>
      <ul className="space-y-2">
        {loaderData.removable.map((admin) => (
          <li key={admin.id}>
            <Form method="post">
              <input type="hidden" name="userId" value={admin.id} />
              <button type="submit" className="rounded border-2 border-brand-600 px-3 py-1 font-semibold text-brand-700">
                {admin.id === loaderData.selfId ? t('adminApplication.page.giveUp') : t('adminApplication.page.removeAdmin', { name: admin.name })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
