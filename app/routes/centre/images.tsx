import type { Route } from './+types/images';
import { ImagesPage } from '../../components/ImagesPage';
import { requirePermission } from '../../http/authorize.server';
import { uploadImage } from '../../http/upload.server';
import { useI18n } from '../../i18n/react';
import { getCentreSettings } from '../../../server/centre/settings';
import { centreImageOwner, imageSummaries } from '../../../server/organisations/images';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'centre.edit');
  const [images, settings] = await Promise.all([imageSummaries(ctx, centreImageOwner), getCentreSettings(ctx)]);
  return {
    centreName: settings?.name ?? '',
    logo: images.find((i) => i.kind === 'logo') ?? null,
    signature: images.find((i) => i.kind === 'signature') ?? null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'centre.edit');
  return uploadImage(request, ctx, { ownerKey: centreImageOwner, organisationId: null });
}

export default function CentreImages({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <ImagesPage
      title={t('centre.imagesTitle')}
      back={{ to: '/centre', label: t('centre.title') }}
      imageBase="/centre/images"
      centreName={loaderData.centreName}
      logo={loaderData.logo}
      signature={loaderData.signature}
      actionData={actionData}
    />
  );
}
