import { data } from 'react-router';
import type { Route } from './+types/images';
import { ImagesPage } from '../../components/ImagesPage';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { uploadImage } from '../../http/upload.server';
import { useI18n } from '../../i18n/react';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { getCentreSettings } from '../../../server/centre/settings';
import { imageSummaries } from '../../../server/organisations/images';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.edit', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  const [own, centre] = await Promise.all([imageSummaries(ctx, organisationId), getCentreSettings(ctx)]);
  return {
    organisation: { id: organisation.id, name: organisation.name },
    centreName: centre?.name ?? '',
    logo: own.find((i) => i.kind === 'logo') ?? null,
    signature: own.find((i) => i.kind === 'signature') ?? null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.edit', { organisationId });
  return uploadImage(request, ctx, { ownerKey: organisationId, organisationId });
}

export default function OrganisationImages({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation } = loaderData;
  return (
    <ImagesPage
      title={t('images.title', { organisation: organisation.name })}
      back={{ to: `/organisations/${organisation.id}`, label: organisation.name }}
      imageBase={`/organisations/${organisation.id}/images`}
      centreName={loaderData.centreName}
      logo={loaderData.logo}
      signature={loaderData.signature}
      actionData={actionData}
    />
  );
}

