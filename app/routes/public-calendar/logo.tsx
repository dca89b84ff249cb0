import { data } from 'react-router';
import type { Route } from './+types/logo';
import { isUuid } from '../../http/authorize.server';
import { imageResponse } from '../../http/image-response.server';

/** An organisation's logo is public, as the public calendar shows it beside the centre's (its signature is not). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  if (!isUuid(params.organisationId)) throw data(null, { status: 404 });
  return imageResponse(request, { db: context.app.db, clock: context.app.clock }, params.organisationId.toLowerCase(), 'logo', 'public');
}
