import { data } from 'react-router';
import type { Route } from './+types/image-file';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { getImage } from '../../../server/organisations/images';

/** Serves an organisation's logo or signature to those who may see the organisation. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.read', { organisationId });
  if (params.kind !== 'logo' && params.kind !== 'signature') throw data(null, { status: 404 });
  const image = await getImage(ctx, organisationId, params.kind);
  if (!image) throw data(null, { status: 404 });
  const headers = {
    'Content-Type': image.mimeType,
    ETag: `"${image.sha256}"`,
    // Private: signatures are not for shared caches; pages add ?v=<hash>, so a new upload shows at once.
    'Cache-Control': 'private, max-age=86400',
    'Content-Disposition': `inline; filename="${params.kind}.${image.mimeType === 'image/png' ? 'png' : 'jpg'}"`,
  };
  if (request.headers.get('if-none-match') === headers.ETag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(image.content, 'base64'), { headers });
}
