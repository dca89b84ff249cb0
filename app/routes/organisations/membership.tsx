import { Form, Link, data, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/membership';
import { SubmitButton } from '../../components/forms';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { endMembership } from '../../../server/organisations/membership';

const endSchema = z.object({ confirm: z.literal('end') });

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.endMembership', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  return { organisation: { id: organisation.id, name: organisation.name, endedAt: organisation.endedAt } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.endMembership', { organisationId });
  const form = await readForm(request, endSchema);
  if (!form.ok) throw data(null, { status: 400 });
  if (!(await endMembership(ctx, organisationId))) throw data(null, { status: 404 });
  return redirect(`/organisations/${organisationId}?ended=1`);
}

export default function Membership({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation } = loaderData;
  return (
    <>
      <title>{`${t('membership.end')} – ${organisation.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>
        {t('membership.end')}: {organisation.name}
      </h1>
      <p className="mb-4 max-w-2xl">{t('membership.endHint')}</p>
      <Form method="post">
        <input type="hidden" name="confirm" value="end" />
        <SubmitButton>{t('membership.end')}</SubmitButton>
      </Form>
    </>
  );
}
