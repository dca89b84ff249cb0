import { data } from 'react-router';
import type { Route } from './+types/achievement-image';
import { requireUuid } from '../../http/authorize.server';
import { getBadge } from '../../../server/badges/definitions';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const badge = await getBadge(context.app.db, requireUuid(params.badgeId));
  if (!badge) throw data(null, { status: 404 });
  const bytes = Buffer.from(badge.image, 'base64');
  // The image changes only with the badge, so its version is its tag.
  const etag = `"${badge.updatedAt.getTime()}"`;
  const headers = { 'Content-Type': 'image/png', ETag: etag, 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(bytes, { headers });
}
