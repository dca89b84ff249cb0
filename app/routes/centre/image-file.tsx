import { data } from 'react-router';
import type { Route } from './+types/image-file';
import { imageResponse } from '../../http/image-response.server';
import { requirePermission } from '../../http/authorize.server';
import { centreImageOwner } from '../../../server/organisations/images';

/** The centre's logo is public (it marks cooperation in public listings); its signature is for centre staff. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (params.kind === 'signature') await requirePermission(request, context, 'centre.viewSignature');
  else if (params.kind !== 'logo') throw data(null, { status: 404 });
  return imageResponse(request, { db: context.app.db, clock: context.app.clock }, centreImageOwner, params.kind, params.kind === 'logo' ? 'public' : 'private');
}
