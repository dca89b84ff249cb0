import { data } from 'react-router';
import type { Route } from './+types/feed';
import { baseUrl } from '../../http/base-url.server';
import { linkSecretPattern } from '../../../server/access/tokens';
import { calendarFeed, feedOwner } from '../../../server/calendar/feed';

/** The iCalendar feed behind a user's secret address; calendar programs fetch it without signing in. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const token = params.file?.endsWith('.ics') ? params.file.slice(0, -'.ics'.length) : '';
  const owner = linkSecretPattern.test(token) ? await feedOwner(context.app.db, token) : null;
  if (!owner) throw data(null, { status: 404 });
  const ics = await calendarFeed({ db: context.app.db, clock: context.app.clock }, owner.language, { publicUrl: baseUrl(context) });
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="sivisverkko.ics"',
      'Cache-Control': 'private, no-cache',
    },
  });
}
