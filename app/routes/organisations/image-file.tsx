import { data } from 'react-router';
import type { Route } from './+types/image-file';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { imageResponse } from '../../http/image-response.server';

/** Serves an organisation's logo or signature to those who may see the organisation (never to shared caches). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.read', { organisationId });
  if (params.kind !== 'logo' && params.kind !== 'signature') throw data(null, { status: 404 });
  return imageResponse(request, ctx, organisationId, params.kind, 'private');
}
