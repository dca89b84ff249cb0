import { data } from 'react-router';
import type { Route } from './+types/status-list';
import { badgeUrlsFor } from '../../http/badges.server';
import { signedStatusList } from '../../../server/badges/status-list';

/** The revocation status list, a signed VC-JWT made on request: a revocation shows within the minute it may be cached. */
export async function loader({ context, params }: Route.LoaderArgs) {
  if (!/^\d{1,6}$/.test(params.list)) throw data(null, { status: 404 });
  const jwt = await signedStatusList({ db: context.app.db, clock: context.app.clock }, badgeUrlsFor(context), Number(params.list));
  return new Response(jwt, { headers: { 'Content-Type': 'application/vc+jwt', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=60' } });
}
