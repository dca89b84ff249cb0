import type { Route } from './+types/data';
import { requirePortalEmail } from '../../http/portal.server';
import { ownData } from '../../../server/register/overview';

/** Everything held of the signed-in participant, as a JSON file. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const email = await requirePortalEmail(request, context);
  const content = await ownData({ db: context.app.db, clock: context.app.clock }, email);
  return new Response(JSON.stringify(content, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': 'attachment; filename="omat-tiedot.json"', 'Cache-Control': 'private, no-store' },
  });
}
